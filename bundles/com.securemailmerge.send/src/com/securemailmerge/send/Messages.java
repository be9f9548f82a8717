package com.securemailmerge.send;

import org.eclipse.osgi.util.NLS;

@org.eclipse.jdt.annotation.NonNullByDefault({})
final class Messages extends NLS {
	private static final String BUNDLE_NAME = "com.securemailmerge.send.messages"; //$NON-NLS-1$
	public static String Runner_task;
	public static String Runner_sending;
	public static String Runner_tooLarge;
	public static String Runner_unconfirmed;
	public static String Runner_notConfirmed;
	public static String Runner_notSubmitted;
	public static String Journal_writeFailed;
	public static String Lock_held;
	public static String Lock_lost;
	public static String Outbox_cannotWrite;
	public static String Lock_owner;
	public static String Lock_unknownOwner;
	public static String Lock_thisComputer;
	public static String Lock_otherComputer;
	public static String TestMail_cannotRender;
	public static String Job_name;
	public static String Job_failed;
	public static String Job_refused;
	public static String Job_summary;
	public static String Job_stopped;
	public static String Job_continues;
	public static String Job_later;
	public static String Job_logSafe;
	public static String Job_logSafeCounts;
	public static String Job_unconfirmed;
	public static String Job_optedOut;
	public static String Job_unreadable;
	public static String Job_migrated;

	public static String Runner_scheduledGone;
	public static String Job_scheduled;
	public static String Withdraw_name;
	public static String Withdraw_done;
	public static String Withdraw_sent;
	public static String Withdraw_tooLate;
	public static String Withdraw_notFound;
	public static String Withdraw_failed;

	static {
		NLS.initializeMessages(BUNDLE_NAME, Messages.class);
	}

	private Messages() {
	}
}
