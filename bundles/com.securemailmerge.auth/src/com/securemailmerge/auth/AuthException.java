package com.securemailmerge.auth;

/** Why no token could be had; the message is for the user. */
public final class AuthException extends Exception {

	private static final long serialVersionUID = 1L;

	public enum Reason {
		/** Not configured: no client id (the offline profile). */
		NOT_CONFIGURED,
		/** The user has to sign in (again): never signed in, signed out, or the session was revoked. */
		SIGN_IN_REQUIRED,
		/** The user cancelled the sign-in. */
		CANCELLED,
		/** The identity platform could not be reached or answered with an error. */
		FAILED
	}

	private final Reason reason;

	public AuthException(Reason reason, String message, Throwable cause) {
		super(message, cause);
		this.reason = reason;
	}

	public AuthException(Reason reason, String message) {
		super(message);
		this.reason = reason;
	}

	public Reason reason() {
		return reason;
	}
}
