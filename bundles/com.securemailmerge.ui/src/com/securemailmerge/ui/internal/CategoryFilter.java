package com.securemailmerge.ui.internal;

import java.util.Set;
import java.util.function.Predicate;

import com.securemailmerge.model.Recipient;

/** The categories ticked in the Categories part: a recipient passes with any (or all) of them. */
public record CategoryFilter(Set<String> names, boolean all) implements Predicate<Recipient> {

	public static final CategoryFilter NONE = new CategoryFilter(Set.of(), false);

	public CategoryFilter {
		names = Set.copyOf(names);
	}

	@Override
	public boolean test(Recipient recipient) {
		if (names.isEmpty()) {
			return true;
		}
		return all ? recipient.categories().containsAll(names)
				: recipient.categories().stream().anyMatch(names::contains);
	}
}
