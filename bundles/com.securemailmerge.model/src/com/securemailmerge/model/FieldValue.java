package com.securemailmerge.model;

import java.util.Objects;

import org.eclipse.jdt.annotation.Nullable;

/**
 * One value of one recipient: the text as the source displays it (what a merge inserts by default)
 * and, where the source knew it, the typed value behind it (a {@code BigDecimal} for numbers, a
 * {@code LocalDate} or {@code LocalDateTime} for dates, a {@code Boolean}) for explicit formatting.
 */
public record FieldValue(String display, FieldType type, @Nullable Object typed) {

	public static final FieldValue EMPTY = new FieldValue("", FieldType.TEXT, null);

	public FieldValue {
		Objects.requireNonNull(display, "display");
		Objects.requireNonNull(type, "type");
	}

	public static FieldValue text(String display) {
		return new FieldValue(display, FieldType.TEXT, null);
	}

	/** True when the value shows nothing but white space. */
	public boolean isBlank() {
		return display.isBlank();
	}
}
