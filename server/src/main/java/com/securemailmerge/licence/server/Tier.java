package com.securemailmerge.licence.server;

import java.time.LocalDate;
import java.util.Optional;

/**
 * The answer of a licence check, and its JSON form: {@code {"tier":"free"}} or
 * {@code {"tier":"commercial","until":"2027-12-31"}}. It never holds the address.
 *
 * @param commercialUntil the last valid day of the commercial licence, empty for the free tier
 */
public record Tier(Optional<LocalDate> commercialUntil) {

	/** The free tier. */
	public static final Tier FREE = new Tier(Optional.empty());

	/** A commercial licence valid through {@code until}. */
	public static Tier commercial(LocalDate until) {
		return new Tier(Optional.of(until));
	}

	/** The JSON document the workbench shows. */
	public String json() {
		return commercialUntil.map(until -> "{\"tier\":\"commercial\",\"until\":\"" + until + "\"}")
				.orElse("{\"tier\":\"free\"}");
	}
}
