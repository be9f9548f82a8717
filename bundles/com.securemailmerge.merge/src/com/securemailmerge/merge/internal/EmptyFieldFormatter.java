package com.securemailmerge.merge.internal;

import org.eclipse.jdt.annotation.NonNullByDefault;

import com.github.jknack.handlebars.Formatter;

/**
 * Called for every value a template prints: a field printed while empty is noted in the render
 * log (a missing value); fallbacks and conditions never reach here with an empty field.
 */
@NonNullByDefault({}) // Handlebars' interface carries no null annotations
final class EmptyFieldFormatter implements Formatter {

	@Override
	public Object format(Object value, Chain next) {
		if (value instanceof FieldText field) {
			if (field.isBlank()) {
				field.log().missing(field.name());
			}
			return field.text();
		}
		return next.format(value);
	}
}
