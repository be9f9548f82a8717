package com.securemailmerge.send;

import java.time.Instant;

import org.eclipse.jdt.annotation.Nullable;

/**
 * What one run did: messages sent now, found already sent (not sent again), failed (with their
 * reasons in the journal), and left for later because the day's allowance was used up (from
 * {@code resumeAt} on) or because sending stopped ({@code stopReason}).
 */
public record RunResult(int sent, int alreadySent, int failed, int deferred, @Nullable Instant resumeAt,
		@Nullable String stopReason) {

	public RunResult(int sent, int alreadySent, int failed) {
		this(sent, alreadySent, failed, 0, null, null);
	}

	/** True when every included recipient now has a final state (sent or failed). */
	public boolean isComplete() {
		return deferred == 0 && stopReason == null;
	}
}
