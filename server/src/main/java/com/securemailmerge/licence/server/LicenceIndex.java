package com.securemailmerge.licence.server;

import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An immutable in-memory copy of the licence list (the paying customers' addresses and domains)
 * that a request is matched against, so that a free address never reaches the database. It also
 * remembers which seats this copy has already stored, so that a commercial user's repeated checks
 * write once per refresh, not once per request.
 */
public final class LicenceIndex {

	private final long version;
	private final Map<String, Licence> byKey;
	private final Set<String> storedSeats = ConcurrentHashMap.newKeySet();

	public LicenceIndex(long version, Collection<Licence> licences) {
		this.version = version;
		Map<String, Licence> keys = new HashMap<>();
		for (Licence licence : licences) {
			keys.put(licence.key(), licence);
		}
		this.byKey = Map.copyOf(keys);
	}

	/** The database's directory version this copy was loaded at. */
	public long version() {
		return version;
	}

	/** How many licences this copy holds. */
	public int size() {
		return byKey.size();
	}

	/**
	 * The licence valid on {@code day} for a normalized address: one for the address itself, or
	 * for its domain (exactly that domain, not its subdomains); of two, the one that lasts longer.
	 */
	public Optional<Licence> match(String address, LocalDate day) {
		Licence exact = valid(byKey.get(address), day);
		Licence domain = valid(byKey.get(address.substring(address.indexOf('@') + 1)), day);
		if (exact == null) {
			return Optional.ofNullable(domain);
		}
		if (domain == null || !domain.until().isAfter(exact.until())) {
			return Optional.of(exact);
		}
		return Optional.of(domain);
	}

	/** True the first time a seat is offered to this copy, false once it was marked stored. */
	boolean needsStoring(String address, Licence licence) {
		return !storedSeats.contains(seatKey(address, licence));
	}

	void markStored(String address, Licence licence) {
		storedSeats.add(seatKey(address, licence));
	}

	private static String seatKey(String address, Licence licence) {
		return licence.id() + " " + licence.until() + " " + address;
	}

	private static Licence valid(Licence licence, LocalDate day) {
		return licence != null && licence.validOn(day) ? licence : null;
	}
}
