package com.securemailmerge.model;

import java.util.Objects;

/**
 * The stable identity of a recipient across loads, edits and restarts: the source's own id where it
 * has one (an Outlook contact id), otherwise a key derived from the source and its row. Journals and
 * sent-mail tags refer to recipients by this key, never by list position.
 */
public record RecipientKey(String value) implements Comparable<RecipientKey> {

	public RecipientKey {
		Objects.requireNonNull(value, "value");
		if (value.isBlank()) {
			throw new IllegalArgumentException("A recipient key must not be blank");
		}
	}

	@Override
	public int compareTo(RecipientKey other) {
		return value.compareTo(other.value);
	}

	@Override
	public String toString() {
		return value;
	}
}
