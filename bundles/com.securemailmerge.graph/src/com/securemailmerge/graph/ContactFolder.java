package com.securemailmerge.graph;

/** A contacts folder of a mailbox. */
public record ContactFolder(String id, String displayName) {
}
