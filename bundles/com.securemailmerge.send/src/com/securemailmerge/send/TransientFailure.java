package com.securemailmerge.send;

import java.io.IOException;
import java.time.Duration;
import java.util.Optional;

import org.eclipse.jdt.annotation.Nullable;

/**
 * The outcome of a step is unknown or the service asked to wait: throttled (429 with Retry-After),
 * unavailable, or the connection dropped before the answer came. Never proof that nothing went out:
 * the runner looks the tag up before it tries again.
 */
public final class TransientFailure extends IOException {

	private static final long serialVersionUID = 1L;

	private final transient @Nullable Duration retryAfter;

	public TransientFailure(String message, @Nullable Duration retryAfter, @Nullable Throwable cause) {
		super(message, cause);
		this.retryAfter = retryAfter;
	}

	/** How long the service asked to wait, when it said so. */
	public Optional<Duration> retryAfter() {
		Duration wait = retryAfter;
		return wait == null ? Optional.empty() : Optional.of(wait);
	}
}
