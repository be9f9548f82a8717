package com.securemailmerge.recipients.outlook.internal;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.osgi.util.NLS;

/** Texts of the Outlook sources; English in messages.properties, German in _de. */
@NonNullByDefault({}) // NLS assigns the fields by reflection
public final class Messages extends NLS {

	private static final String BUNDLE_NAME = "com.securemailmerge.recipients.outlook.internal.messages"; //$NON-NLS-1$

	public static String Contacts_notSetUp;
	public static String Contacts_noAddress;
	public static String Contacts_invalidAddress;
	public static String Contacts_duplicateAddress;
	public static String Contacts_sharedNeedsAddress;
	public static String Contacts_mine;

	static {
		NLS.initializeMessages(BUNDLE_NAME, Messages.class);
	}

	private Messages() {
	}
}
