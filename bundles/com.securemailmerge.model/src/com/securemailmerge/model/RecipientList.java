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
 * that holds the e-mail address. Immutable: changes produce a new list. {@code joined} holds the rows
 * of a file that have the address of an earlier row and are one recipient with it (see
 * {@link RecipientIdentity}): kept, so that choosing another e-mail column can part them again.
 */
public record RecipientList(SourceReference source, List<Field> fields, List<Recipient> recipients,
		@Nullable String emailField, List<Recipient> joined) {

	public RecipientList(SourceReference source, List<Field> fields, List<Recipient> recipients,
			@Nullable String emailField) {
		this(source, fields, recipients, emailField, List.of());
	}

	public RecipientList {
		Objects.requireNonNull(source, "source");
		fields = List.copyOf(fields);
		recipients = List.copyOf(recipients);
		joined = List.copyOf(joined);
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

	/**
	 * A copy without the recipients a campaign excludes. Campaigns of an earlier version stored
	 * exclusions by row ({@code row:7}); such a key means the recipient who stands in that row now
	 * (as the journal of that version is migrated), so nobody excluded then is mailed after the upgrade.
	 */
	public RecipientList excluding(Set<RecipientKey> keys) {
		Map<Integer, RecipientKey> byRow = new HashMap<>();
		recipients.forEach(r -> {
			if (r.row() > 0) {
				byRow.put(r.row(), r.key());
			}
		});
		Set<RecipientKey> resolved = new HashSet<>();
		for (RecipientKey key : keys) {
			RecipientKey now = null;
			if (key.value().startsWith(RecipientIdentity.ROW)) {
				try {
					now = byRow.get(Integer.valueOf(key.value().substring(RecipientIdentity.ROW.length())));
				} catch (NumberFormatException e) {
					now = null;
				}
			}
			resolved.add(now == null ? key : now);
		}
		return withIncluded(resolved, false);
	}

	/** A copy in which the given recipients are included or excluded. */
	public RecipientList withIncluded(Set<RecipientKey> keys, boolean include) {
		Map<RecipientKey, Boolean> changes = new HashMap<>();
		keys.forEach(k -> changes.put(k, include));
		List<Recipient> changed = recipients.stream()
				.map(r -> changes.containsKey(r.key()) ? r.withIncluded(include) : r).toList();
		return new RecipientList(source, fields, changed, emailField, joined);
	}

	/**
	 * The list with another e-mail field. Recipients read from a file are keyed by their address
	 * (see {@link RecipientIdentity}), so they get the keys of the new field; included or not stays.
	 */
	public RecipientList withEmailField(@Nullable String field) {
		return new RecipientList(source, fields, recipients, emailField, joined).rekeyed(field);
	}

	/** Every row, the joined ones too, keyed anew by the address in {@code field}. */
	private RecipientList rekeyed(@Nullable String field) {
		if (joined.isEmpty() && recipients.stream().allMatch(r -> r.row() == 0)) {
			return new RecipientList(source, fields, recipients, field, joined);
		}
		List<Recipient> rows = new java.util.ArrayList<>(recipients);
		rows.addAll(joined);
		rows.sort(java.util.Comparator.comparingInt(Recipient::row));
		RecipientIdentity.Keyed keyed = RecipientIdentity.keyed(rows, field);
		return new RecipientList(source, fields, keyed.recipients(), field,
				keyed.duplicates().stream().map(RecipientIdentity.Duplicate::dropped).toList());
	}

	/** The rows that joined another one because they have its address: which row joined which. */
	public List<RecipientIdentity.Duplicate> duplicates() {
		Map<RecipientKey, Recipient> byKey = new HashMap<>();
		recipients.forEach(r -> byKey.put(r.key(), r));
		List<RecipientIdentity.Duplicate> pairs = new java.util.ArrayList<>();
		for (Recipient row : joined) {
			Recipient kept = byKey.get(row.key());
			if (kept != null) {
				pairs.add(new RecipientIdentity.Duplicate(kept, row));
			}
		}
		return pairs;
	}
}
