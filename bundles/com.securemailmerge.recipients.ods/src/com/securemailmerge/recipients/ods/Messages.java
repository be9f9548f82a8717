package com.securemailmerge.recipients.ods;

import org.eclipse.osgi.util.NLS;

@org.eclipse.jdt.annotation.NonNullByDefault({})
final class Messages extends NLS {
	private static final String BUNDLE_NAME = "com.securemailmerge.recipients.ods.messages"; //$NON-NLS-1$
	public static String Ods_task;
	public static String Ods_unreadable;
	public static String Ods_notSpreadsheet;
	public static String Ods_badXml;
	public static String Ods_encrypted;
	public static String Ods_tooLarge;
	public static String Ods_noSheet;
	public static String Ods_noVisibleSheet;
	public static String Ods_hiddenSheet;
	public static String Ods_emptySheet;
	public static String Ods_outOfSheet;
	public static String Ods_tooManyCells;
	public static String Ods_cellTooLong;
	public static String Ods_doctype;
	public static String Ods_tooMuchText;
	public static String Ods_tooManySheets;
	public static String Ods_moreSheets;

	static {
		NLS.initializeMessages(BUNDLE_NAME, Messages.class);
	}

	private Messages() {
	}
}
