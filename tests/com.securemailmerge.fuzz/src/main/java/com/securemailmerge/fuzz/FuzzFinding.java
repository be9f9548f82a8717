package com.securemailmerge.fuzz;

/** A broken promise a fuzz target found: Jazzer reports it as a crash, with the input. */
final class FuzzFinding extends RuntimeException {

	private static final long serialVersionUID = 1L;

	FuzzFinding(String message) {
		super(message);
	}
}
