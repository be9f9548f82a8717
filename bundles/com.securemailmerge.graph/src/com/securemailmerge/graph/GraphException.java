package com.securemailmerge.graph;

/** A Graph request that did not succeed; the message is for the user and names what is missing. */
public final class GraphException extends Exception {

	private static final long serialVersionUID = 1L;

	private final int status;

	public GraphException(int status, String message, Throwable cause) {
		super(message, cause);
		this.status = status;
	}

	/** The HTTP status (0: no answer, the connection failed). */
	public int status() {
		return status;
	}
}
