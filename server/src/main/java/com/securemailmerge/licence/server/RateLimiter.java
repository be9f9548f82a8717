package com.securemailmerge.licence.server;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Per-client token buckets, keyed by client IP only (never by anything from the body). The map is
 * bounded: full buckets are forgotten by {@link #sweep()}, and when {@code maxClients} are tracked
 * every further client shares one overflow bucket, so a flood from many addresses is limited as a
 * whole instead of growing the map.
 */
public final class RateLimiter {

	private final double capacity;
	private final long nanosPerToken;
	private final int maxClients;
	private final LongSupplier nanoTime;
	private final Map<String, TokenBucket> buckets = new ConcurrentHashMap<>();
	private final TokenBucket overflow;

	/**
	 * @param capacity the burst: requests a client may make at once
	 * @param nanosPerToken the refill: one request more per this many nanoseconds
	 * @param maxClients how many clients get a bucket of their own
	 * @param nanoTime the monotonic time source ({@code System::nanoTime})
	 */
	public RateLimiter(double capacity, long nanosPerToken, int maxClients, LongSupplier nanoTime) {
		this.capacity = capacity;
		this.nanosPerToken = nanosPerToken;
		this.maxClients = maxClients;
		this.nanoTime = nanoTime;
		this.overflow = new TokenBucket(capacity * 10, Math.max(1, nanosPerToken / 10), nanoTime.getAsLong());
	}

	/** Takes a token for a client: 0 when allowed, else the seconds for Retry-After. */
	public long acquire(String client) {
		long now = nanoTime.getAsLong();
		TokenBucket bucket = buckets.get(client);
		if (bucket == null) {
			if (buckets.size() >= maxClients) {
				return overflow.take(now);
			}
			bucket = buckets.computeIfAbsent(client, k -> new TokenBucket(capacity, nanosPerToken, now));
		}
		return bucket.take(now);
	}

	/** Forgets the clients whose buckets are full again (called on a schedule). */
	public void sweep() {
		long now = nanoTime.getAsLong();
		buckets.values().removeIf(bucket -> bucket.full(now));
	}

	/** How many clients are tracked now. */
	public int tracked() {
		return buckets.size();
	}
}
