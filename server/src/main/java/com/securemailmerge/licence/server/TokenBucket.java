package com.securemailmerge.licence.server;

/**
 * One client's token bucket: {@code capacity} requests at once, one more every
 * {@code nanosPerToken}. Holds no key, only counts.
 */
final class TokenBucket {

	private final double capacity;
	private final long nanosPerToken;
	private double tokens;
	private long last;

	TokenBucket(double capacity, long nanosPerToken, long now) {
		this.capacity = capacity;
		this.nanosPerToken = nanosPerToken;
		this.tokens = capacity;
		this.last = now;
	}

	/** Takes a token: 0 when one was there, else the whole seconds until the next one (at least 1). */
	synchronized long take(long now) {
		refill(now);
		if (tokens >= 1) {
			tokens -= 1;
			return 0;
		}
		double missingNanos = (1 - tokens) * nanosPerToken;
		return Math.max(1, (long) Math.ceil(missingNanos / 1e9 - 1e-6)); // - 1e-6: no extra second for rounding
	}

	/** Whether the bucket has refilled completely, so forgetting it changes nothing. */
	synchronized boolean full(long now) {
		refill(now);
		return tokens >= capacity;
	}

	private void refill(long now) {
		long elapsed = now - last;
		if (elapsed > 0) {
			tokens = Math.min(capacity, tokens + (double) elapsed / nanosPerToken);
			last = now;
		}
	}
}
