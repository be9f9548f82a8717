package com.securemailmerge.send;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.securemailmerge.model.RecipientKey;

/** The pacer on a clock of its own: spacing under the ceiling, waiting when told, the rolling day. */
@org.eclipse.jdt.annotation.NonNullByDefault({})
class PacerTest {

	/** A clock that only moves when the pacer sleeps. */
	@org.eclipse.jdt.annotation.NonNullByDefault
	static final class FakeClock implements Pacer.Clock {
		long nanos;
		final Instant start = Instant.parse("2026-11-28T08:00:00Z");
		final List<Long> sleeps = new ArrayList<>();

		@Override
		public long nanos() {
			return nanos;
		}

		@Override
		public Instant now() {
			return start.plusNanos(nanos);
		}

		@Override
		public void sleep(long duration) {
			sleeps.add(duration);
			nanos += duration;
		}
	}

	@Test
	void startsAreSpacedJustUnderThePerMinuteCeiling() throws Exception {
		FakeClock clock = new FakeClock();
		Pacer pacer = new Pacer(new Pacing(30, 0, 4), List.of(), clock);
		List<Long> starts = new ArrayList<>();
		for (int i = 0; i < 61; i++) {
			assertTrue(pacer.acquire(1, () -> false));
			starts.add(clock.nanos);
		}
		assertEquals(0L, starts.get(0));
		long gap = starts.get(1) - starts.get(0);
		assertEquals(2.04e9, gap, 1e6, "60 s / 30 x 1.02");
		for (int i = 0; i + 30 < starts.size(); i++) {
			assertTrue(starts.get(i + 30) - starts.get(i) > 60_000_000_000L, "never 31 starts within a minute");
		}
		double perMinute = 60 * 60e9 / (starts.get(60) - starts.get(0));
		assertTrue(perMinute > 29 && perMinute <= 30, "rate " + perMinute);
	}

	@Test
	void aRetryAfterHoldsEverybody() throws Exception {
		FakeClock clock = new FakeClock();
		Pacer pacer = new Pacer(new Pacing(600, 0, 4), List.of(), clock);
		assertTrue(pacer.acquire(1, () -> false));
		pacer.pause(Duration.ofSeconds(7));
		assertTrue(pacer.acquire(1, () -> false));
		assertTrue(clock.nanos >= 7_000_000_000L, "waited " + clock.nanos);
	}

	@Test
	void theRollingDayCountsAddressesFromTheJournalAndSaysWhenItGrows() throws Exception {
		FakeClock clock = new FakeClock();
		List<JournalEntry> history = new ArrayList<>();
		Instant now = clock.now();
		// 9,990 addresses in the last day (the oldest 23 hours ago), 500 more two days ago (no longer counted)
		history.add(new JournalEntry(now.minus(Duration.ofHours(23)), new RecipientKey("row:1"), RecipientState.SENT, "a", 9_000));
		history.add(new JournalEntry(now.minus(Duration.ofHours(2)), new RecipientKey("row:2"), RecipientState.SENT, "b", 990));
		history.add(new JournalEntry(now.minus(Duration.ofHours(48)), new RecipientKey("row:3"), RecipientState.SENT, "c", 500));
		history.add(new JournalEntry(now.minus(Duration.ofHours(1)), new RecipientKey("row:4"), RecipientState.FAILED, "d", 0));
		Pacer pacer = new Pacer(Pacing.EXCHANGE_ONLINE, history, clock);
		assertEquals(10, pacer.allowanceLeft());
		assertEquals(now.plus(Duration.ofHours(1)), pacer.allowanceGrowsAt());
		assertFalse(pacer.acquire(11, () -> false), "11 addresses do not fit");
		assertTrue(pacer.acquire(10, () -> false));
		assertEquals(0, pacer.allowanceLeft());
		assertFalse(pacer.acquire(1, () -> false));
	}

	@Test
	void noLimitsMeansNoWaiting() throws Exception {
		FakeClock clock = new FakeClock();
		Pacer pacer = new Pacer(Pacing.UNLIMITED, List.of(), clock);
		for (int i = 0; i < 1000; i++) {
			assertTrue(pacer.acquire(3, () -> false));
		}
		assertEquals(0L, clock.nanos);
		assertNull(pacer.allowanceGrowsAt(), "nothing counts without a day limit");
	}

	@Test
	void aCancelStopsTheWait() throws Exception {
		FakeClock clock = new FakeClock();
		Pacer pacer = new Pacer(new Pacing(1, 0, 1), List.of(), clock);
		assertTrue(pacer.acquire(1, () -> false));
		assertFalse(pacer.acquire(1, () -> clock.nanos > 1_000_000_000L));
		assertTrue(clock.nanos < 2_000_000_000L, "stopped waiting soon after the cancel");
	}

	@Test
	void aPlanSaysWhenACampaignIsLargerThanTheDay() {
		List<com.securemailmerge.model.Recipient> recipients = new ArrayList<>();
		for (int i = 0; i < 12_000; i++) {
			recipients.add(new com.securemailmerge.model.Recipient(new RecipientKey("row:" + i),
					com.securemailmerge.model.FieldValues.of(new String[] { "E-Mail" },
							new com.securemailmerge.model.FieldValue[] { com.securemailmerge.model.FieldValue.text("p" + i + "@example.org") })));
		}
		com.securemailmerge.model.RecipientList list = new com.securemailmerge.model.RecipientList(
				new com.securemailmerge.model.SourceReference("csv", "x.csv"),
				List.of(com.securemailmerge.model.Field.text("E-Mail")), recipients, "E-Mail");
		Instant now = Instant.parse("2026-11-28T08:00:00Z");
		List<JournalEntry> history = List.of(
				new JournalEntry(now.minus(Duration.ofHours(3)), new RecipientKey("row:0"), RecipientState.SENT, "x", 1));
		Plan plan = Plan.of(list, history, Pacing.EXCHANGE_ONLINE, now);
		assertEquals(12_000, plan.included());
		assertEquals(1, plan.alreadySent());
		assertEquals(11_999, plan.toSend());
		assertEquals(9_999, plan.allowanceLeft());
		assertTrue(plan.exceedsToday());
		assertEquals(2, plan.days());
		assertEquals(now.plus(Duration.ofHours(21)), plan.continuesAt());
		assertEquals(9_999 * 2.04, plan.duration().toMillis() / 1000.0, 1.0);
		Plan small = Plan.of(list, history, Pacing.UNLIMITED, now);
		assertFalse(small.exceedsToday());
		assertNull(small.continuesAt());
	}
}
