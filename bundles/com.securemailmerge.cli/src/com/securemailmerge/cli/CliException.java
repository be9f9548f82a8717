package com.securemailmerge.cli;

/** The campaign or a file it names cannot be read, or the command cannot run here: exit code 2. */
final class CliException extends Exception {

	private static final long serialVersionUID = 1L;

	CliException(String message) {
		super(message);
	}
}
