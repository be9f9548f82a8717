package com.securemailmerge.send;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.eclipse.jdt.annotation.Nullable;

import com.securemailmerge.model.Recipient;
import com.securemailmerge.model.RecipientList;

/**
 * What a run will do, told before it starts: how many recipients are included, how many already got
 * their message, how many messages go out now, how long that takes at the mailbox's pace, and
 * whether the rolling day's allowance is too small, in which case the rest goes out from
 * {@code continuesAt} on.
 */
public record Plan(int included, int alreadySent, int toSend, int allowanceLeft, Duration duration,
		@Nullable Instant continuesAt, int days) {

	public boolean exceedsToday() {
		return toSend > allowanceLeft;
	}

	/** Plans from the journal's entries; each message counts its addresses (one when unknown). */
	public static Plan of(RecipientList list, List<JournalEntry> history, Pacing pacing, Instant now) {
		Pacer pacer = new Pacer(pacing, history, new FixedClock(now));
		java.util.Map<com.securemailmerge.model.RecipientKey, RecipientState> last = new java.util.HashMap<>();
		history.forEach(entry -> last.put(entry.recipient(), entry.state()));
		List<Recipient> included = list.included();
		int already = (int) included.stream().filter(r -> last.get(r.key()) == RecipientState.SENT).count();
		// unconfirmed messages wait for the user's choice (submitted ones count: the run confirms them)
		int waiting = (int) included.stream().filter(r -> last.get(r.key()) == RecipientState.UNCONFIRMED).count();
		// left out by the last run (on the opt-out list): asked again, but not counted as to send
		waiting += (int) included.stream().filter(r -> last.get(r.key()) == RecipientState.OPTED_OUT).count();
		// scheduled by an earlier run: Exchange sends them at their time
		waiting += (int) included.stream().filter(r -> last.get(r.key()) == RecipientState.SCHEDULED).count();
		int toSend = included.size() - already - waiting;
		int allowance = pacer.allowanceLeft();
		int perDay = pacing.recipientsPerDay();
		int days = perDay == 0 || toSend <= allowance ? 1 : 1 + (int) Math.ceil((toSend - allowance) / (double) perDay);
		int now1 = Math.min(toSend, allowance);
		Duration duration = pacing.perMinute() == 0 ? Duration.ZERO
				: Duration.ofMillis((long) (now1 * 60_000L * Pacer.MARGIN / pacing.perMinute()));
		Instant grows = pacer.allowanceGrowsAt();
		Instant continuesAt = toSend <= allowance ? null
				: grows != null ? grows : now.plus(Pacer.DAY);
		return new Plan(included.size(), already, toSend, allowance, duration, continuesAt, days);
	}

	private record FixedClock(Instant now) implements Pacer.Clock {
		@Override
		public long nanos() {
			return 0;
		}

		@Override
		public void sleep(long nanos) {
			// a plan never waits
		}
	}
}
