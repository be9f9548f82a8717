package com.securemailmerge.merge.internal;

/** A field's value that a number or date helper cannot read; the message is for the user. */
final class ValueFormatException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	private final String field;

	ValueFormatException(String field, String message) {
		super(message, null, false, false);
		this.field = field;
	}

	String field() {
		return field;
	}
}
