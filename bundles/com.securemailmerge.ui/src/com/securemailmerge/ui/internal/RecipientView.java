package com.securemailmerge.ui.internal;

import java.text.CollationKey;
import java.text.Collator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.eclipse.jdt.annotation.Nullable;

import com.securemailmerge.model.FieldValue;
import com.securemailmerge.model.Recipient;
import com.securemailmerge.model.RecipientKey;
import com.securemailmerge.model.RecipientList;

/**
 * What the address book table shows of a recipient list: the rows matching the search (over all
 * fields, ignoring case) and the ticked categories, in the chosen column order. Include/exclude changes the list itself,
 * which stays the one truth that campaigns read. Not a widget: tested without a display.
 */
public final class RecipientView {

	private RecipientList list;
	private List<Recipient> rows;
	private String search = ""; //$NON-NLS-1$
	private @Nullable String sortField;
	private boolean ascending = true;
	private CategoryFilter categories = CategoryFilter.NONE;

	public RecipientView(RecipientList list) {
		this.list = list;
		this.rows = list.recipients();
	}

	public RecipientList list() {
		return list;
	}

	public List<Recipient> rows() {
		return rows;
	}

	public void setSearch(String text) {
		search = text.strip().toLowerCase(Locale.ROOT);
		refresh();
	}

	/** Shows only recipients with any (or all) of the categories; an empty filter shows everyone. */
	public void setCategoryFilter(CategoryFilter filter) {
		categories = filter;
		refresh();
	}

	public CategoryFilter categoryFilter() {
		return categories;
	}

	/** Sorts by the field; a second call on the same field turns the order round. */
	public void sortBy(String field) {
		ascending = !field.equals(sortField) || !ascending;
		sortField = field;
		refresh();
	}

	public @Nullable String sortField() {
		return sortField;
	}

	public boolean ascending() {
		return ascending;
	}

	public void setIncluded(Set<RecipientKey> keys, boolean include) {
		list = list.withIncluded(keys, include);
		refresh();
	}

	public void setEmailField(@Nullable String field) {
		list = list.withEmailField(field);
	}

	public int includedCount() {
		return (int) list.recipients().stream().filter(Recipient::included).count();
	}

	private void refresh() {
		List<Recipient> matching = new ArrayList<>();
		for (Recipient recipient : list.recipients()) {
			if ((search.isEmpty() || matches(recipient)) && categories.test(recipient)) {
				matching.add(recipient);
			}
		}
		String field = sortField;
		if (field != null) {
			// one collation key per row, then plain comparisons: a 100,000-row sort stays quick
			Collator collator = Collator.getInstance();
			collator.setStrength(Collator.SECONDARY);
			Map<Recipient, CollationKey> keys = new IdentityHashMap<>(matching.size() * 2);
			for (Recipient recipient : matching) {
				keys.put(recipient, collator.getCollationKey(recipient.text(field)));
			}
			Comparator<Recipient> order = Comparator.comparing(keys::get);
			matching.sort(ascending ? order : order.reversed());
		}
		rows = matching;
	}

	private boolean matches(Recipient recipient) {
		for (FieldValue value : recipient.values().values()) {
			if (containsIgnoringCase(value.display(), search)) {
				return true;
			}
		}
		return false;
	}

	/** Like {@code text.toLowerCase().contains(lowerCaseNeedle)} without a copy of every value. */
	private static boolean containsIgnoringCase(String text, String lowerCaseNeedle) {
		int last = text.length() - lowerCaseNeedle.length();
		for (int i = 0; i <= last; i++) {
			if (text.regionMatches(true, i, lowerCaseNeedle, 0, lowerCaseNeedle.length())) {
				return true;
			}
		}
		return false;
	}

	/** The keys of the given table rows. */
	public Set<RecipientKey> keysOf(int[] indices) {
		Set<RecipientKey> keys = new HashSet<>();
		for (int index : indices) {
			if (index >= 0 && index < rows.size()) {
				keys.add(rows.get(index).key());
			}
		}
		return keys;
	}
}
