package com.securemailmerge.recipients.excel;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.osgi.util.NLS;

/** Texts of the Excel source; English in messages.properties, German in _de. */
@NonNullByDefault({}) // NLS assigns the fields by reflection
final class Messages extends NLS {

	private static final String BUNDLE_NAME = "com.securemailmerge.recipients.excel.messages"; //$NON-NLS-1$

	public static String Excel_unreadable;
	public static String Excel_encrypted;
	public static String Excel_notWorkbook;
	public static String Excel_tooLarge;
	public static String Excel_outOfSheet;
	public static String Excel_tooManyCells;
	public static String Excel_cellTooLong;
	public static String Excel_sharedTextTooLarge;
	public static String Excel_partTooLarge;
	public static String Excel_moreThanBytes;
	public static String Excel_tooManyTexts;
	public static String Excel_tooManyChars;
	public static String Excel_textTooLong;
	public static String Excel_hiddenSheet;
	public static String Excel_noSheet;
	public static String Excel_emptySheet;
	public static String Excel_task;

	static {
		NLS.initializeMessages(BUNDLE_NAME, Messages.class);
	}

	private Messages() {
	}
}
