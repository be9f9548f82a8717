package com.securemailmerge.merge.internal;

/** Thrown while probing a template that names a field the recipient list does not have. */
final class UnknownFieldException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	private final String field;

	UnknownFieldException(String field) {
		super(field, null, false, false);
		this.field = field;
	}

	String field() {
		return field;
	}
}
