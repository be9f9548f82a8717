package com.securemailmerge.optouts.internal;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.osgi.util.NLS;

/** The opt-out lists' messages (English and German). */
@NonNullByDefault({}) // NLS assigns the fields by reflection
public final class Messages extends NLS {
	private static final String BUNDLE_NAME = "com.securemailmerge.optouts.internal.messages"; //$NON-NLS-1$
	public static String OptOut_notAnAddress;
	public static String OptOut_tooLarge;
	public static String OptOut_csvRow;
	public static String OptOut_csvNoAddress;
	public static String OptOut_cannotWrite;
	static {
		NLS.initializeMessages(BUNDLE_NAME, Messages.class);
	}

	private Messages() {
	}
}
