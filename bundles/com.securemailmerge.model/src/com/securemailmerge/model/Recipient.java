package com.securemailmerge.model;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One row of a recipient list: its key, its values by field name (in the source's column order),
 * the Outlook categories it carries and whether the user included it in the campaign.
 */
public record Recipient(RecipientKey key, Map<String, FieldValue> values, Set<String> categories,
		boolean included) {

	public Recipient {
		Objects.requireNonNull(key, "key");
		values = FieldValues.copyOf(values);
		categories = categories.isEmpty() ? Set.of() : Collections.unmodifiableSet(new LinkedHashSet<>(categories));
	}

	public Recipient(RecipientKey key, Map<String, FieldValue> values) {
		this(key, values, Set.of(), true);
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
		return include == included ? this : new Recipient(key, values, categories, include);
	}

	public Recipient withCategories(Set<String> newCategories) {
		return new Recipient(key, values, newCategories, included);
	}
}
