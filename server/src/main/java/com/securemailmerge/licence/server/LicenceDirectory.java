package com.securemailmerge.licence.server;

import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicReference;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Holds the current {@link LicenceIndex} and reloads it when the database's directory version
 * has moved (an administrator's change, a purge, another instance's purge). {@link #refresh()}
 * is called on a schedule; a failed refresh keeps the previous copy.
 */
public final class LicenceDirectory {

	private static final Logger LOG = LoggerFactory.getLogger(LicenceDirectory.class);

	private final LicenceStore store;
	private final AtomicReference<LicenceIndex> current;

	public LicenceDirectory(LicenceStore store) throws SQLException {
		this.store = store;
		this.current = new AtomicReference<>(load());
	}

	/** The copy requests are matched against. */
	public LicenceIndex current() {
		return current.get();
	}

	/** Reloads when the version moved; logs (without any key) and keeps the old copy on failure. */
	public void refresh() {
		try {
			if (store.version() != current.get().version()) {
				LicenceIndex index = load();
				current.set(index);
				LOG.info("licence list reloaded: {} licences", index.size());
			}
		} catch (SQLException | RuntimeException e) {
			LOG.warn("licence list not reloaded: {} {}", e.getClass().getName(), Errors.sqlState(e));
		}
	}

	private LicenceIndex load() throws SQLException {
		// the version first: a change between the two reads is picked up by the next refresh
		long version = store.version();
		return new LicenceIndex(version, store.licences());
	}
}
