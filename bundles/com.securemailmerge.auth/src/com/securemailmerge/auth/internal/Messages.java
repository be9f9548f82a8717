package com.securemailmerge.auth.internal;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.osgi.util.NLS;

/** Texts of the sign-in; English in messages.properties, German in _de. */
@NonNullByDefault({}) // NLS assigns the fields by reflection
public final class Messages extends NLS {

	private static final String BUNDLE_NAME = "com.securemailmerge.auth.internal.messages"; //$NON-NLS-1$

	public static String Auth_notConfigured;
	public static String Auth_signInRequired;
	public static String Auth_sessionExpired;
	public static String Auth_cancelled;
	public static String Auth_failed;

	static {
		NLS.initializeMessages(BUNDLE_NAME, Messages.class);
	}

	private Messages() {
	}
}
