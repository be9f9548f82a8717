package com.securemailmerge.merge.internal;

import com.securemailmerge.model.FieldValue;

/**
 * A field's value as the template sees it: it knows its name, so that printing an empty one can be
 * reported, and its typed value for number and date formatting.
 */
record FieldText(String name, FieldValue value, RenderLog log) {

	String text() {
		return value.display();
	}

	boolean isBlank() {
		return value.isBlank();
	}

	@Override
	public String toString() {
		return value.display();
	}
}
