package com.securemailmerge.licence.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

final class RateLimiterTest {

	private final AtomicLong now = new AtomicLong(1_000_000_000L);
	private final RateLimiter limiter = new RateLimiter(10, TimeUnit.SECONDS.toNanos(6), 3, now::get);

	@Test
	void aBurstOfTenThenOneEverySixSeconds() {
		for (int i = 0; i < 10; i++) {
			assertEquals(0, limiter.acquire("192.0.2.1"));
		}
		assertEquals(6, limiter.acquire("192.0.2.1"));
		now.addAndGet(TimeUnit.SECONDS.toNanos(4));
		assertEquals(2, limiter.acquire("192.0.2.1"));
		now.addAndGet(TimeUnit.SECONDS.toNanos(2));
		assertEquals(0, limiter.acquire("192.0.2.1"));
		assertEquals(0, limiter.acquire("192.0.2.2"), "another client has its own bucket");
	}

	@Test
	void fullBucketsAreForgottenAndTheMapIsBounded() {
		limiter.acquire("a");
		limiter.acquire("b");
		limiter.acquire("c");
		assertEquals(3, limiter.tracked());
		for (int i = 0; i < 100; i++) {
			limiter.acquire("new" + i); // beyond three: the shared overflow bucket
		}
		assertEquals(3, limiter.tracked());
		assertEquals(1, limiter.acquire("one more"), "the overflow bucket (burst 100, ten times the refill) is empty now");
		limiter.sweep();
		assertEquals(3, limiter.tracked(), "not refilled yet");
		now.addAndGet(TimeUnit.SECONDS.toNanos(6));
		limiter.sweep();
		assertEquals(0, limiter.tracked());
	}
}
