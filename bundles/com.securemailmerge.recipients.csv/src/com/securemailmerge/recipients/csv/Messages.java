package com.securemailmerge.recipients.csv;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.osgi.util.NLS;

/** Texts of the CSV source; English in messages.properties, German in _de. */
@NonNullByDefault({}) // NLS assigns the fields by reflection
final class Messages extends NLS {

	private static final String BUNDLE_NAME = "com.securemailmerge.recipients.csv.messages"; //$NON-NLS-1$

	public static String Csv_unreadable;
	public static String Csv_notCsv;
	public static String Csv_broken;
	public static String Csv_empty;
	public static String Csv_tooLong;
	public static String Csv_tooManyColumns;
	public static String Csv_task;

	static {
		NLS.initializeMessages(BUNDLE_NAME, Messages.class);
	}

	private Messages() {
	}
}
