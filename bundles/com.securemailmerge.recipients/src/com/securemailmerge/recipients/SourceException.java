package com.securemailmerge.recipients;

import org.eclipse.jdt.annotation.Nullable;

/**
 * A source could not be read at all. The message is for the user and already names the file and,
 * where it applies, the row and column; {@link #row()} and {@link #column()} are 0 when unknown.
 */
public final class SourceException extends Exception {

	private static final long serialVersionUID = 1L;

	private final String location;
	private final int row;
	private final int column;

	public SourceException(String message, String location, int row, int column, @Nullable Throwable cause) {
		super(message, cause);
		this.location = location;
		this.row = row;
		this.column = column;
	}

	public SourceException(String message, String location, @Nullable Throwable cause) {
		this(message, location, 0, 0, cause);
	}

	public String location() {
		return location;
	}

	public int row() {
		return row;
	}

	public int column() {
		return column;
	}
}
