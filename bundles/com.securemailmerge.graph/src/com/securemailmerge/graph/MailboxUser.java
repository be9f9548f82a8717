package com.securemailmerge.graph;

/** The signed-in user as Graph knows them: the primary address is what the window shows. */
public record MailboxUser(String id, String displayName, String primaryAddress) {
}
