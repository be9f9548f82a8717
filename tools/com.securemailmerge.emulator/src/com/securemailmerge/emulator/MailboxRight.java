package com.securemailmerge.emulator;

/** What a delegate may read in someone else's (shared) mailbox. */
public enum MailboxRight {
	/** The mailbox's contacts folders. */
	CONTACTS,
	/** The mailbox's calendar, which is how Graph reaches its categories. */
	CALENDAR
}
