package com.securemailmerge.licence.server;

import java.time.LocalDate;

/**
 * One commercial licence: for one address (the key holds an {@code @}) or for a whole domain.
 *
 * @param id the database's id
 * @param key the address or domain, lower case
 * @param until the last valid day (UTC)
 * @param customer a free-text note for the administrator, may be empty
 */
public record Licence(long id, String key, LocalDate until, String customer) {

	/** Whether the key is one address rather than a domain. */
	public boolean forAddress() {
		return key.indexOf('@') >= 0;
	}

	/** Whether the licence is valid on that day (its last day included). */
	public boolean validOn(LocalDate day) {
		return !day.isAfter(until);
	}
}
