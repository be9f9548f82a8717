package com.securemailmerge.ui.m365.internal;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.osgi.util.NLS;

/** Texts of the account UI; English in messages.properties, German in _de. */
@NonNullByDefault({}) // NLS assigns the fields by reflection
public final class Messages extends NLS {

	private static final String BUNDLE_NAME = "com.securemailmerge.ui.m365.internal.messages"; //$NON-NLS-1$

	public static String Account_offline;
	public static String Account_signedOut;
	public static String Account_signedIn;
	public static String Account_signIn;
	public static String Account_signOut;
	public static String Account_signingIn;
	public static String Account_deviceCodeTitle;
	public static String Account_failed;
	public static String Account_free;
	public static String Account_commercial;
	public static String Account_commercialUntil;
	public static String Account_licenceUnknown;

	static {
		NLS.initializeMessages(BUNDLE_NAME, Messages.class);
	}

	private Messages() {
	}
}
