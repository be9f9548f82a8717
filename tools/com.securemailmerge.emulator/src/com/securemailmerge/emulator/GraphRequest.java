package com.securemailmerge.emulator;

/** A request Graph received: method, path, query, the Prefer header and the answer's status. */
public record GraphRequest(String method, String path, String query, String prefer, int status) {
}
