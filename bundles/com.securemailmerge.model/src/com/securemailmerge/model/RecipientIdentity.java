package com.securemailmerge.model;

import java.net.IDN;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.eclipse.jdt.annotation.Nullable;

/**
 * Who a recipient read from a file is: the person with that e-mail address, wherever their row
 * stands. Sorting a workbook, inserting or deleting rows between a cancelled run and its resume
 * changes rows, not addresses, so journals, message tags and exclusions keyed this way keep
 * pointing at the same people. The key is the address normalised: trimmed, lower case, the domain in
 * its ASCII (IDN) form, so {@code Anna@Müller.DE} and {@code anna@xn--mller-kva.de} are one person.
 * A row whose cell holds no usable single address cannot be sent to and keeps a key from its row.
 * The same address twice in a list is one recipient: the first row stays, the later ones join it
 * (their categories too) and are reported as {@link Duplicate}s.
 */
public final class RecipientIdentity {

	/** The prefix of keys made from an address. */
	public static final String ADDRESS = "mail:"; //$NON-NLS-1$
	/** The prefix of keys made from a row (no usable address). */
	public static final String ROW = "row:"; //$NON-NLS-1$

	private RecipientIdentity() {
	}

	/** A later row with the address of an earlier one: {@code kept} stands for both. */
	public record Duplicate(Recipient kept, Recipient dropped) {
	}

	/** Recipients with their keys, and the rows that joined an earlier one. */
	public record Keyed(List<Recipient> recipients, List<Duplicate> duplicates) {
	}

	/** The address as a key compares it; empty when the text is not one plain address. */
	public static Optional<String> normalise(String address) {
		String text = address.strip();
		int at = text.lastIndexOf('@');
		if (at <= 0 || at == text.length() - 1 || text.indexOf('@') != at) {
			return Optional.empty();
		}
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (Character.isWhitespace(c) || c == ',' || c == ';' || c == '<' || c == '>' || c == '"' || Character.isISOControl(c)) {
				return Optional.empty();
			}
		}
		String local = text.substring(0, at).toLowerCase(Locale.ROOT);
		String domain = text.substring(at + 1);
		try {
			domain = IDN.toASCII(domain, IDN.ALLOW_UNASSIGNED);
		} catch (IllegalArgumentException e) {
			// not a valid international domain: compared as written (it is reported as invalid elsewhere)
		}
		return Optional.of(local + '@' + domain.toLowerCase(Locale.ROOT));
	}

	/** The key of a recipient of a file with this address in its e-mail field. */
	public static RecipientKey key(int row, String address) {
		return normalise(address).map(a -> new RecipientKey(ADDRESS + a))
				.orElseGet(() -> new RecipientKey(ROW + row));
	}

	/** The key for a user to read: the address, the row number, or the source's own key. */
	public static String label(RecipientKey key) {
		String value = key.value();
		return value.startsWith(ADDRESS) ? value.substring(ADDRESS.length())
				: value.startsWith(ROW) ? value.substring(ROW.length()) : value;
	}

	/** True when the key was made from an address (not from a row or by a source of its own). */
	public static boolean isAddressKey(RecipientKey key) {
		return key.value().startsWith(ADDRESS);
	}

	/**
	 * Keys the recipients that come from rows of a file by the address in {@code emailField} (by
	 * their row when there is none); recipients without a row (Outlook contacts) keep their own
	 * key. Later rows with an address already seen join the first.
	 */
	public static Keyed keyed(List<Recipient> recipients, @Nullable String emailField) {
		Map<RecipientKey, Recipient> byKey = new LinkedHashMap<>();
		List<Duplicate> duplicates = new ArrayList<>();
		for (Recipient recipient : recipients) {
			Recipient keyed = recipient.row() == 0 ? recipient
					: recipient.withKey(emailField == null ? new RecipientKey(ROW + recipient.row())
							: key(recipient.row(), recipient.text(emailField)));
			Recipient first = byKey.get(keyed.key());
			if (first == null) {
				byKey.put(keyed.key(), keyed);
				continue;
			}
			duplicates.add(new Duplicate(first, keyed));
			if (!first.categories().containsAll(keyed.categories())) {
				Set<String> union = new LinkedHashSet<>(first.categories());
				union.addAll(keyed.categories());
				byKey.put(first.key(), first.withCategories(union));
			}
		}
		return new Keyed(List.copyOf(byKey.values()), List.copyOf(duplicates));
	}
}
