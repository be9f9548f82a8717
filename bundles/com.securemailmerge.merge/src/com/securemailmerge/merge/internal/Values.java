package com.securemailmerge.merge.internal;

import java.util.Locale;

import org.eclipse.jdt.annotation.Nullable;

/** How helpers read their arguments: fields, literals and results of other helpers alike. */
final class Values {

	private Values() {
	}

	static String text(@Nullable Object value) {
		if (value == null) {
			return ""; //$NON-NLS-1$
		}
		return value instanceof FieldText field ? field.text() : value.toString();
	}

	/** Empty, blank, false, a zero number or nothing at all. */
	static boolean isFalsy(@Nullable Object value) {
		if (value == null) {
			return true;
		}
		if (value instanceof Boolean bool) {
			return !bool.booleanValue();
		}
		if (value instanceof Number number) {
			return number.doubleValue() == 0;
		}
		return text(value).isBlank();
	}

	/** Equal after trimming, ignoring case: "Ja", "ja " and "JA" are the same answer. */
	static boolean same(@Nullable Object left, @Nullable Object right) {
		return text(left).strip().toLowerCase(Locale.ROOT).equals(text(right).strip().toLowerCase(Locale.ROOT));
	}
}
