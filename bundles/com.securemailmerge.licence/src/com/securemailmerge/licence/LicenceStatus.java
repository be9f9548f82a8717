package com.securemailmerge.licence;

import com.securemailmerge.licence.internal.Messages;

/** The licence tier and a sentence for the user saying why. */
public record LicenceStatus(Tier tier, String message) {

	public enum Tier {
		FREE, COMMERCIAL, UNKNOWN
	}

	/** No licence endpoint configured: the free tier, and no licence request is ever made. */
	public static final LicenceStatus FREE = new LicenceStatus(Tier.FREE, Messages.Licence_notConfigured);
}
