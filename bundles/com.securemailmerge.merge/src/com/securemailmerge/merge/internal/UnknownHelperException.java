package com.securemailmerge.merge.internal;

/** A tag like {@code {{foo bar}}} whose first word is neither a helper nor (alone) a field. */
final class UnknownHelperException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	private final String name;

	UnknownHelperException(String name) {
		super(name, null, false, false);
		this.name = name;
	}

	String name() {
		return name;
	}
}
