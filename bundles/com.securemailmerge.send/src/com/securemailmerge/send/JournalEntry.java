package com.securemailmerge.send;

import java.time.Instant;
import java.util.Objects;

import com.securemailmerge.model.RecipientKey;

/**
 * One line of the journal: when, whose message, which state, the message id or failure reason, and
 * for a sent message how many addresses it went to (the rolling day's allowance counts those).
 */
public record JournalEntry(Instant time, RecipientKey recipient, RecipientState state, String detail, int addresses) {

	public JournalEntry {
		Objects.requireNonNull(time, "time"); //$NON-NLS-1$
		Objects.requireNonNull(recipient, "recipient"); //$NON-NLS-1$
		Objects.requireNonNull(state, "state"); //$NON-NLS-1$
		Objects.requireNonNull(detail, "detail"); //$NON-NLS-1$
	}

	public JournalEntry(Instant time, RecipientKey recipient, RecipientState state, String detail) {
		this(time, recipient, state, detail, 0);
	}
}
