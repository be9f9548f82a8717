package com.securemailmerge.model;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One recipient of a list: its key (who it is), its values by field name (in the source's column
 * order), the Outlook categories it carries, whether the user included it in the campaign, and the
 * row of the file it was read from (0 when it does not come from a file). The row is where the
 * recipient stands now, for messages; it never identifies them (see {@link RecipientIdentity}).
 */
public record Recipient(RecipientKey key, Map<String, FieldValue> values, Set<String> categories,
		boolean included, int row) {

	public Recipient {
		Objects.requireNonNull(key, "key");
		values = FieldValues.copyOf(values);
		categories = categories.isEmpty() ? Set.of() : Collections.unmodifiableSet(new LinkedHashSet<>(categories));
		if (row < 0) {
			throw new IllegalArgumentException("A row number is not negative: " + row);
		}
	}

	/** A recipient that does not come from a row of a file (an Outlook contact). */
	public Recipient(RecipientKey key, Map<String, FieldValue> values, Set<String> categories, boolean included) {
		this(key, values, categories, included, 0);
	}

	public Recipient(RecipientKey key, Map<String, FieldValue> values) {
		this(key, values, Set.of(), true, 0);
	}

	/** The value of a field, or empty when this recipient has no such field. */
	public Optional<FieldValue> value(String field) {
		return Optional.ofNullable(values.get(field));
	}

	/** The displayed text of a field; empty text when the field is missing. */
	public String text(String field) {
		FieldValue value = values.get(field);
		return value == null ? "" : value.display(); //$NON-NLS-1$
	}

	public Recipient withIncluded(boolean include) {
		return include == included ? this : new Recipient(key, values, categories, include, row);
	}

	public Recipient withCategories(Set<String> newCategories) {
		return new Recipient(key, values, newCategories, included, row);
	}

	public Recipient withKey(RecipientKey newKey) {
		return newKey.equals(key) ? this : new Recipient(newKey, values, categories, included, row);
	}

	/** Where the recipient stands for the user: "row 7", or the key for one that has no row. */
	public String position() {
		return row > 0 ? String.valueOf(row) : key.value();
	}
}
