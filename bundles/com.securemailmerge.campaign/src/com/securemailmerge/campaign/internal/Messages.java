package com.securemailmerge.campaign.internal;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.osgi.util.NLS;

/** Texts of the campaign bundle; English in messages.properties, German in _de. */
@NonNullByDefault({}) // NLS assigns the fields by reflection
public final class Messages extends NLS {

	private static final String BUNDLE_NAME = "com.securemailmerge.campaign.internal.messages"; //$NON-NLS-1$

	public static String CampaignFile_cannotWrite;
	public static String CampaignFile_cannotRead;
	public static String CampaignFile_missing;
	public static String CampaignFile_invalid;
	public static String CampaignFile_notACampaign;
	public static String CampaignFile_missingAttribute;
	public static String CampaignFile_badFlag;

	static {
		NLS.initializeMessages(BUNDLE_NAME, Messages.class);
	}

	private Messages() {
	}
}
