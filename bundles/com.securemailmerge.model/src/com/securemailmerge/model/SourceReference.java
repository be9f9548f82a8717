package com.securemailmerge.model;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Where a recipient list comes from: the id of the recipient source (an extension), its location
 * (a file path, or for an account source "me" or a mailbox address), the options the user chose
 * (sheet, encoding, delimiter...) and which of the two kinds the location is: a file path is never
 * taken for a mailbox because it holds an "@". Saved with a campaign so that reopening it loads the
 * same recipients.
 */
public record SourceReference(String sourceId, String location, Map<String, String> options, Kind kind) {

	/** A file the source reads, or an account (a mailbox) it asks. */
	public enum Kind {
		FILE, ACCOUNT
	}

	public SourceReference {
		Objects.requireNonNull(sourceId, "sourceId");
		Objects.requireNonNull(location, "location");
		Objects.requireNonNull(kind, "kind");
		options = Map.copyOf(new TreeMap<>(options));
	}

	/** A file source's reference. */
	public SourceReference(String sourceId, String location, Map<String, String> options) {
		this(sourceId, location, options, Kind.FILE);
	}

	/** A file source's reference without options. */
	public SourceReference(String sourceId, String location) {
		this(sourceId, location, Map.of());
	}

	/** An account source's reference: "me", or the address of a mailbox the account may read. */
	public static SourceReference account(String sourceId, String location) {
		return new SourceReference(sourceId, location, Map.of(), Kind.ACCOUNT);
	}

	public boolean isAccount() {
		return kind == Kind.ACCOUNT;
	}
}
