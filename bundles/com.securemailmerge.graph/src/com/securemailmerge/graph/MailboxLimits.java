package com.securemailmerge.graph;

/** What the mailbox allows: the largest message in bytes (mail tips) and its time zone. */
public record MailboxLimits(long maxMessageSize, String timeZone) {
}
