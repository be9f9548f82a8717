package com.securemailmerge.send;

/** What one run did: messages sent now, found already sent (not sent again), failed, not renderable. */
public record RunResult(int sent, int alreadySent, int failed) {
}
