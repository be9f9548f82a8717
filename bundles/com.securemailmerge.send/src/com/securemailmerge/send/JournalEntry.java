package com.securemailmerge.send;

import java.time.Instant;
import java.util.Objects;

import com.securemailmerge.model.RecipientKey;

/** One line of the journal: when, whose message, which state, and the message id or failure reason. */
public record JournalEntry(Instant time, RecipientKey recipient, RecipientState state, String detail) {

	public JournalEntry {
		Objects.requireNonNull(time, "time"); //$NON-NLS-1$
		Objects.requireNonNull(recipient, "recipient"); //$NON-NLS-1$
		Objects.requireNonNull(state, "state"); //$NON-NLS-1$
		Objects.requireNonNull(detail, "detail"); //$NON-NLS-1$
	}
}
