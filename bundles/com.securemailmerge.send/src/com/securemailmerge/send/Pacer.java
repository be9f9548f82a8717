package com.securemailmerge.send;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.function.BooleanSupplier;

import org.eclipse.jdt.annotation.Nullable;

/**
 * Keeps one mailbox within its limits: sends start evenly spaced a little under the per-minute
 * ceiling (a burst at the ceiling would meet the service's window unevenly and draw 429s), nobody
 * starts while the service asked to wait, and the addresses sent to in the last 24 hours (from the
 * journal, so a restart keeps counting) never exceed the day's allowance. Thread-safe.
 */
public final class Pacer {

	/** Starts are spaced 2 % wider than the ceiling allows: the service's clock is not ours. */
	static final double MARGIN = 1.02;
	static final Duration DAY = Duration.ofHours(24);

	/** Time as the pacer sees it (a test gives its own). */
	public interface Clock {
		long nanos();

		Instant now();

		void sleep(long nanos) throws InterruptedException;
	}

	public static final Clock SYSTEM = new Clock() {
		@Override
		public long nanos() {
			return System.nanoTime();
		}

		@Override
		public Instant now() {
			return Instant.now();
		}

		@Override
		public void sleep(long nanos) throws InterruptedException {
			Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000));
		}
	};

	private record Sent(Instant time, int addresses) {
	}

	private final Pacing pacing;
	private final Clock clock;
	private final long interval;
	private final Deque<Sent> day = new ArrayDeque<>();
	private int dayTotal;
	private long nextStart;
	private long waitUntil;

	public Pacer(Pacing pacing, Collection<JournalEntry> history, Clock clock) {
		this.pacing = pacing;
		this.clock = clock;
		this.interval = pacing.perMinute() == 0 ? 0 : (long) (60_000_000_000L * MARGIN / pacing.perMinute());
		this.nextStart = clock.nanos();
		this.waitUntil = nextStart;
		Instant since = clock.now().minus(DAY);
		// a message counts when it went out: when it was submitted (or scheduled), or sent where nothing is submitted
		java.util.Set<com.securemailmerge.model.RecipientKey> submitted = new java.util.HashSet<>();
		for (JournalEntry e : history) {
			if (e.state() == RecipientState.WITHDRAWN) {
				submitted.remove(e.recipient()); // scheduled again later: that counts again
			}
			boolean counts = e.state() == RecipientState.SUBMITTED || e.state() == RecipientState.SCHEDULED
					? submitted.add(e.recipient())
					: e.state() == RecipientState.SENT && !submitted.remove(e.recipient());
			if (counts && e.time().isAfter(since)) {
				add(new Sent(e.time(), Math.max(1, e.addresses())));
			}
		}
		java.util.List<Sent> sorted = new java.util.ArrayList<>(day);
		sorted.sort(java.util.Comparator.comparing(Sent::time));
		day.clear();
		dayTotal = 0;
		sorted.forEach(this::add);
	}

	private void add(Sent sent) {
		day.addLast(sent);
		dayTotal += sent.addresses();
	}

	private void forgetOld(Instant now) {
		Instant since = now.minus(DAY);
		while (!day.isEmpty() && !day.peekFirst().time().isAfter(since)) {
			dayTotal -= day.pollFirst().addresses();
		}
	}

	/** Addresses that may still be sent to before the oldest of the last 24 hours falls out. */
	public synchronized int allowanceLeft() {
		if (pacing.recipientsPerDay() == 0) {
			return Integer.MAX_VALUE;
		}
		forgetOld(clock.now());
		return Math.max(0, pacing.recipientsPerDay() - dayTotal);
	}

	/** When the allowance grows again: 24 hours after the oldest send still counted (null: nothing counted). */
	public synchronized @Nullable Instant allowanceGrowsAt() {
		forgetOld(clock.now());
		Sent oldest = day.peekFirst();
		return oldest == null ? null : oldest.time().plus(DAY);
	}

	/**
	 * Waits for this message's turn. False, without waiting, when its addresses no longer fit in the
	 * day's allowance (or when cancelled while waiting).
	 */
	public boolean acquire(int addresses, BooleanSupplier cancelled) throws InterruptedException {
		long start;
		synchronized (this) {
			Instant now = clock.now();
			forgetOld(now);
			if (pacing.recipientsPerDay() > 0 && dayTotal + addresses > pacing.recipientsPerDay()) {
				return false;
			}
			long nanos = clock.nanos();
			start = Math.max(nanos, Math.max(nextStart, waitUntil));
			nextStart = start + interval;
			if (pacing.recipientsPerDay() > 0) {
				add(new Sent(now.plusNanos(start - nanos), Math.max(1, addresses)));
			}
		}
		return waitFor(start, cancelled);
	}

	/** The service said to wait: nobody starts before then. */
	public synchronized void pause(Duration duration) {
		long until = clock.nanos() + duration.toNanos();
		waitUntil = Math.max(waitUntil, until);
		nextStart = Math.max(nextStart, until);
	}

	/** Sleeps until the given moment in short steps, so a cancel is noticed. */
	public boolean waitFor(long start, BooleanSupplier cancelled) throws InterruptedException {
		while (true) {
			if (cancelled.getAsBoolean()) {
				return false;
			}
			long left = start - clock.nanos();
			if (left <= 0) {
				return true;
			}
			clock.sleep(Math.min(left, 200_000_000L));
		}
	}

	public synchronized long waitUntilNanos() {
		return waitUntil;
	}
}
