package com.securemailmerge.model;

import java.util.Objects;

/**
 * A column of a recipient list. The name is the header exactly as the source shows it (spaces and
 * umlauts included); templates refer to it by that name.
 */
public record Field(String name, FieldType type) {

	public Field {
		Objects.requireNonNull(name, "name");
		Objects.requireNonNull(type, "type");
		if (name.isBlank()) {
			throw new IllegalArgumentException("A field needs a name");
		}
	}

	public static Field text(String name) {
		return new Field(name, FieldType.TEXT);
	}
}
