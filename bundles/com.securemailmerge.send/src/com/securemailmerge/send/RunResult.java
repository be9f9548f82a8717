package com.securemailmerge.send;

import java.time.Instant;

import org.eclipse.jdt.annotation.Nullable;

/**
 * What one run did: messages sent now (confirmed), found already sent (not sent again), failed (with
 * their reasons in the journal), left for later because the day's allowance was used up (from
 * {@code resumeAt} on) or because sending stopped ({@code stopReason}), and messages that were
 * submitted but not confirmed: still awaited when the run was cancelled, or unconfirmed after the
 * whole confirmation window (never sent again without the user's choice), and {@code submitted}:
 * accepted by the service, still awaiting their Sent Items copy when the run ended (stopped or
 * cancelled); the next run confirms them (they are among the deferred). {@code optedOut}: left out
 * because an address of their message is on the sender's opt-out list (never journaled, never sent).
 * {@code scheduled}: handed over to go out at their time (now or by an earlier run), not yet gone out.
 */
public record RunResult(int sent, int alreadySent, int failed, int deferred, @Nullable Instant resumeAt,
		@Nullable String stopReason, int unconfirmed, int submitted, int optedOut, int scheduled) {

	public RunResult(int sent, int alreadySent, int failed, int deferred, @Nullable Instant resumeAt,
			@Nullable String stopReason, int unconfirmed, int submitted, int optedOut) {
		this(sent, alreadySent, failed, deferred, resumeAt, stopReason, unconfirmed, submitted, optedOut, 0);
	}

	public RunResult(int sent, int alreadySent, int failed, int deferred, @Nullable Instant resumeAt,
			@Nullable String stopReason, int unconfirmed, int submitted) {
		this(sent, alreadySent, failed, deferred, resumeAt, stopReason, unconfirmed, submitted, 0, 0);
	}

	public RunResult(int sent, int alreadySent, int failed, int deferred, @Nullable Instant resumeAt,
			@Nullable String stopReason) {
		this(sent, alreadySent, failed, deferred, resumeAt, stopReason, 0, 0, 0, 0);
	}

	public RunResult(int sent, int alreadySent, int failed) {
		this(sent, alreadySent, failed, 0, null, null, 0, 0, 0, 0);
	}

	/** True when every included recipient now has a final state (sent or failed). */
	public boolean isComplete() {
		return deferred == 0 && stopReason == null && unconfirmed == 0;
	}
}
