package com.securemailmerge.model;

import java.util.Objects;

/**
 * The stable identity of a recipient across loads, edits and restarts: the source's own id where it
 * has one (an Outlook contact's immutable id), otherwise the normalised e-mail address (see
 * {@link RecipientIdentity}). Journals, sent-mail tags and exclusions refer to recipients by this
 * key, never by row or list position.
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
