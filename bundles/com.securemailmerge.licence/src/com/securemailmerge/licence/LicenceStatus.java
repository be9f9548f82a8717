package com.securemailmerge.licence;

import java.time.LocalDate;

import org.eclipse.jdt.annotation.Nullable;

import com.securemailmerge.licence.internal.Messages;

/**
 * The licence tier, a sentence for the user saying why, and for a commercial licence the last day
 * it is valid when the licence server named one.
 */
public record LicenceStatus(Tier tier, String message, @Nullable LocalDate until) {

	public enum Tier {
		FREE, COMMERCIAL, UNKNOWN
	}

	/** No licence endpoint configured: the free tier, and no licence request is ever made. */
	public static final LicenceStatus FREE = new LicenceStatus(Tier.FREE, Messages.Licence_notConfigured);

	/** Without an end date. */
	public LicenceStatus(Tier tier, String message) {
		this(tier, message, null);
	}
}
