package com.securemailmerge.cli;

import org.eclipse.osgi.util.NLS;

@org.eclipse.jdt.annotation.NonNullByDefault({})
final class Messages extends NLS {
	private static final String BUNDLE_NAME = "com.securemailmerge.cli.messages"; //$NON-NLS-1$
	public static String Usage_text;
	public static String Usage_noCommand;
	public static String Usage_unknownCommand;
	public static String Usage_notHere;
	public static String Usage_unknownOption;
	public static String Usage_noCampaign;
	public static String Usage_noOut;
	public static String Usage_badPath;
	public static String Output_error;
	public static String Output_warning;
	public static String Output_info;
	public static String Output_recipient;
	public static String Output_row;
	public static String Output_field;
	public static String Output_subject;
	public static String Output_body;
	public static String Campaign_noSource;
	public static String Campaign_sourceMissing;
	public static String Campaign_noMicrosoft365;
	public static String Campaign_fileMissing;
	public static String Campaign_loadFailed;
	public static String Validate_ok;
	public static String Validate_errors;
	public static String Report_failed;
	public static String Report_written;
	public static String Send_saveFirst;
	public static String Send_copy;
	public static String Send_errorsFirst;
	public static String Send_journalUnreadable;
	public static String Send_outbox;
	public static String Send_plan;
	public static String Send_sent;
	public static String Send_failed;
	public static String Send_unconfirmed;
	public static String Send_optedOut;
	public static String Send_step;
	public static String Send_summary;
	public static String SignIn_notConfigured;
	public static String SignIn_code;
	public static String SignIn_done;
	public static String SignIn_failed;
	public static String Application_incomplete;
	public static String Cli_failed;
	public static String Send_refused;
	public static String Send_otherWay;
	public static String Report_ownFile;
	public static String Report_notCsv;


	public static String Send_scheduled;

	static {
		NLS.initializeMessages(BUNDLE_NAME, Messages.class);
	}

	private Messages() {
	}
}
