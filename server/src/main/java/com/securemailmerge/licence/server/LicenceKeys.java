package com.securemailmerge.licence.server;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** Reads an administrator's licence key (an address or a domain) and end date. */
final class LicenceKeys {

	private final AddressSyntax syntax;

	LicenceKeys(AddressSyntax syntax) {
		this.syntax = syntax;
	}

	/** The key in matching form, or empty when it is neither an address nor a domain. */
	Optional<String> key(String text) {
		String stripped = text.strip();
		return stripped.indexOf('@') >= 0 ? syntax.normalizeAddress(stripped) : syntax.normalizeDomain(stripped);
	}

	/** An ISO day (the licence's last valid day), or empty. */
	static Optional<LocalDate> day(String text) {
		try {
			return Optional.of(LocalDate.parse(text.strip()));
		} catch (DateTimeParseException e) {
			return Optional.empty();
		}
	}
}
