package com.securemailmerge.recipients.vcard;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.osgi.util.NLS;

/** Texts of the vCard source; English in messages.properties, German in _de. */
@NonNullByDefault({}) // NLS assigns the fields by reflection
final class Messages extends NLS {

	private static final String BUNDLE_NAME = "com.securemailmerge.recipients.vcard.messages"; //$NON-NLS-1$

	public static String Vcard_unreadable;
	public static String Vcard_tooLarge;
	public static String Vcard_noCards;
	public static String Vcard_task;
	public static String Vcard_tooManyCards;
	public static String Vcard_cardTooLong;
	public static String Vcard_cardsLost;
	public static String Vcard_warning;

	static {
		NLS.initializeMessages(BUNDLE_NAME, Messages.class);
	}

	private Messages() {
	}
}
