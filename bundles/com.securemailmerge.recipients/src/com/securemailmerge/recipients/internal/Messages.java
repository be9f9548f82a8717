package com.securemailmerge.recipients.internal;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.osgi.util.NLS;

/** Texts of the recipients bundle; English in messages.properties, German in _de. */
@NonNullByDefault({}) // NLS assigns the fields by reflection
public final class Messages extends NLS {

	private static final String BUNDLE_NAME = "com.securemailmerge.recipients.internal.messages"; //$NON-NLS-1$

	public static String Builder_unnamedColumn;
	public static String Builder_duplicateHeader;
	public static String Builder_noEmailColumn;
	public static String Builder_missingAddress;
	public static String Builder_invalidAddress;
	public static String Builder_duplicateAddress;
	public static String Builder_hiddenRow;
	public static String Builder_hiddenRowNoAddress;
	public static String Builder_hiddenRowsMore;
	public static String Registry_brokenContribution;
	public static String Registry_cannotCreate;

	static {
		NLS.initializeMessages(BUNDLE_NAME, Messages.class);
	}

	private Messages() {
	}
}
