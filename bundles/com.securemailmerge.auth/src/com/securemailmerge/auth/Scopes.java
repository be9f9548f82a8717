package com.securemailmerge.auth;

/** The delegated Microsoft Graph permissions the workbench asks for, each when its feature is first used. */
public final class Scopes {

	/** The signed-in user's profile and primary address (shown in the window, checked by the licence). */
	public static final String USER_READ = "User.Read"; //$NON-NLS-1$
	/** The user's own Outlook contacts. */
	public static final String CONTACTS_READ = "Contacts.Read"; //$NON-NLS-1$
	/** Contacts of shared mailboxes the user has rights on. */
	public static final String CONTACTS_READ_SHARED = "Contacts.Read.Shared"; //$NON-NLS-1$
	/** Categories of shared mailboxes (Graph reaches them with calendar permissions). */
	public static final String CALENDARS_READ_SHARED = "Calendars.Read.Shared"; //$NON-NLS-1$
	/** Drafts in the user's mailbox (the campaign's messages before they are sent). */
	public static final String MAIL_READWRITE = "Mail.ReadWrite"; //$NON-NLS-1$
	/** Sending the drafts. */
	public static final String MAIL_SEND = "Mail.Send"; //$NON-NLS-1$
	/** Mailbox settings and mail tips (message size limit, time zone). */
	public static final String MAILBOX_SETTINGS_READ = "MailboxSettings.Read"; //$NON-NLS-1$
	/** Staying signed in while a campaign runs (refresh tokens). */
	public static final String OFFLINE_ACCESS = "offline_access"; //$NON-NLS-1$

	private Scopes() {
	}
}
