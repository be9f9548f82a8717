package com.securemailmerge.licence.internal;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.osgi.util.NLS;

/** Texts of the licence check; English in messages.properties, German in _de. */
@NonNullByDefault({}) // NLS assigns the fields by reflection
public final class Messages extends NLS {

	private static final String BUNDLE_NAME = "com.securemailmerge.licence.internal.messages"; //$NON-NLS-1$

	public static String Licence_notConfigured;
	public static String Licence_notChecked;
	public static String Licence_free;
	public static String Licence_commercial;
	public static String Licence_commercialUntil;
	public static String Licence_noAddress;
	public static String Licence_notHttps;
	public static String Licence_invalidEndpoint;
	public static String Licence_certificate;
	public static String Licence_unreachable;
	public static String Licence_refused;
	public static String Licence_unclear;

	static {
		NLS.initializeMessages(BUNDLE_NAME, Messages.class);
	}

	private Messages() {
	}
}
