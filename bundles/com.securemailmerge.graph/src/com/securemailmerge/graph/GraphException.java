package com.securemailmerge.graph;

/** A Graph request that did not succeed; the message is for the user and names what is missing. */
public final class GraphException extends Exception {

	private static final long serialVersionUID = 1L;

	private final int status;
	private final long retryAfterMillis;

	public GraphException(int status, String message, Throwable cause) {
		this(status, message, cause, -1);
	}

	public GraphException(int status, String message, Throwable cause, long retryAfterMillis) {
		super(message, cause);
		this.status = status;
		this.retryAfterMillis = retryAfterMillis;
	}

	/** What Graph said in Retry-After, in milliseconds (-1: nothing). */
	public long retryAfterMillis() {
		return retryAfterMillis;
	}

	/** The HTTP status (0: no answer, the connection failed). */
	public int status() {
		return status;
	}
}
