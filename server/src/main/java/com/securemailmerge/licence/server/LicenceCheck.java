package com.securemailmerge.licence.server;

import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Matches a normalized address against the in-memory licence list. A free address is answered
 * from memory and touches nothing else. A commercial match stores the address as a seat of its
 * licence (once per refresh of the list); if that write fails, the answer is still commercial and
 * the next check tries again.
 */
public final class LicenceCheck {

	private static final Logger LOG = LoggerFactory.getLogger(LicenceCheck.class);

	private final LicenceDirectory directory;
	private final LicenceStore store;
	private final Clock clock;

	public LicenceCheck(LicenceDirectory directory, LicenceStore store, Clock clock) {
		this.directory = directory;
		this.store = store;
		this.clock = clock;
	}

	/** The tier of a normalized address (see {@link AddressSyntax}). */
	public Tier check(String address) {
		LicenceIndex index = directory.current();
		Optional<Licence> match = index.match(address, LocalDate.now(clock));
		if (match.isEmpty()) {
			return Tier.FREE;
		}
		Licence licence = match.get();
		if (index.needsStoring(address, licence)) {
			try {
				store.storeSeat(licence, address);
				index.markStored(address, licence);
			} catch (SQLException | RuntimeException e) {
				LOG.warn("seat not stored: {}", Errors.describe(e));
			}
		}
		return Tier.commercial(licence.until());
	}
}
