package com.securemailmerge.model;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Where a recipient list comes from: the id of the recipient source (an extension), its location
 * (a file path, a mailbox address) and the options the user chose (sheet, encoding, delimiter...).
 * Saved with a campaign so that reopening it loads the same recipients.
 */
public record SourceReference(String sourceId, String location, Map<String, String> options) {

	public SourceReference {
		Objects.requireNonNull(sourceId, "sourceId");
		Objects.requireNonNull(location, "location");
		options = Map.copyOf(new TreeMap<>(options));
	}

	public SourceReference(String sourceId, String location) {
		this(sourceId, location, Map.of());
	}
}
