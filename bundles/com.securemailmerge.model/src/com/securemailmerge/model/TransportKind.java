package com.securemailmerge.model;

/** Where a campaign's messages go. */
public enum TransportKind {
	/** RFC 5322 .eml files in an outbox folder: the default, needs no Microsoft account. */
	OUTBOX,
	/** Drafts in the signed-in Microsoft 365 mailbox, then sent through Microsoft Graph. */
	GRAPH
}
