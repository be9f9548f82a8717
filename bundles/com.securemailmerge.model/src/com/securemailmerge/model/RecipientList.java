package com.securemailmerge.model;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.eclipse.jdt.annotation.Nullable;

/**
 * The recipients loaded from one source, with the fields (columns) the source offers and the field
 * that holds the e-mail address. Immutable: changes produce a new list.
 */
public record RecipientList(SourceReference source, List<Field> fields, List<Recipient> recipients,
		@Nullable String emailField) {

	public RecipientList {
		Objects.requireNonNull(source, "source");
		fields = List.copyOf(fields);
		recipients = List.copyOf(recipients);
		Set<String> names = new HashSet<>();
		for (Field field : fields) {
			if (!names.add(field.name())) {
				throw new IllegalArgumentException("Duplicate field name: " + field.name());
			}
		}
		if (emailField != null && !names.contains(emailField)) {
			throw new IllegalArgumentException("The e-mail field is not a field of the list: " + emailField);
		}
		Set<RecipientKey> keys = new HashSet<>();
		for (Recipient recipient : recipients) {
			if (!keys.add(recipient.key())) {
				throw new IllegalArgumentException("Duplicate recipient key: " + recipient.key());
			}
		}
	}

	public static RecipientList empty(SourceReference source) {
		return new RecipientList(source, List.of(), List.of(), null);
	}

	public Optional<Field> field(String name) {
		return fields.stream().filter(f -> f.name().equals(name)).findFirst();
	}

	public Optional<Recipient> recipient(RecipientKey key) {
		return recipients.stream().filter(r -> r.key().equals(key)).findFirst();
	}

	/** The recipients the user has included, in list order. */
	public List<Recipient> included() {
		return recipients.stream().filter(Recipient::included).toList();
	}

	/** A copy in which the given recipients are included or excluded. */
	public RecipientList withIncluded(Set<RecipientKey> keys, boolean include) {
		Map<RecipientKey, Boolean> changes = new HashMap<>();
		keys.forEach(k -> changes.put(k, include));
		List<Recipient> changed = recipients.stream()
				.map(r -> changes.containsKey(r.key()) ? r.withIncluded(include) : r).toList();
		return new RecipientList(source, fields, changed, emailField);
	}

	/**
	 * The list with another e-mail field. Recipients read from a file are keyed by their address
	 * (see {@link RecipientIdentity}), so they get the keys of the new field; included or not stays.
	 */
	public RecipientList withEmailField(@Nullable String field) {
		return new RecipientList(source, fields, RecipientIdentity.keyed(recipients, field).recipients(), field);
	}
}
