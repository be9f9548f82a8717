package com.securemailmerge.licence.server;

import java.time.Clock;
import java.time.LocalDate;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The scheduled purge: deletes the seats and licences that ended before today (UTC, from the
 * injected clock), then reloads the licence list.
 */
public final class Purger implements Runnable {

	private static final Logger LOG = LoggerFactory.getLogger(Purger.class);

	private final LicenceStore store;
	private final LicenceDirectory directory;
	private final Clock clock;

	public Purger(LicenceStore store, LicenceDirectory directory, Clock clock) {
		this.store = store;
		this.directory = directory;
		this.clock = clock;
	}

	@Override
	public void run() {
		try {
			int deleted = store.purge(LocalDate.now(clock));
			if (deleted > 0) {
				LOG.info("purge: {} ended rows deleted", deleted);
				directory.refresh();
			}
		} catch (Exception e) {
			LOG.warn("purge failed: {}", Errors.describe(e));
		}
	}
}
