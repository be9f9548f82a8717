package com.securemailmerge.graph.internal;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.osgi.util.NLS;

/** Texts of the mailbox service; English in messages.properties, German in _de. */
@NonNullByDefault({}) // NLS assigns the fields by reflection
public final class Messages extends NLS {

	private static final String BUNDLE_NAME = "com.securemailmerge.graph.internal.messages"; //$NON-NLS-1$

	public static String Graph_sharedDenied;
	public static String Graph_denied;
	public static String Graph_noMailbox;
	public static String Graph_throttled;
	public static String Graph_unreachable;
	public static String Graph_failed;
	public static String Graph_contacts;
	public static String Graph_categories;
	public static String Graph_settings;
	public static String Graph_profile;
	public static String Transport_label;
	public static String Transport_labelSignedIn;
	public static String Transport_opening;
	public static String Transport_signIn;

	static {
		NLS.initializeMessages(BUNDLE_NAME, Messages.class);
	}

	private Messages() {
	}
}
