package com.securemailmerge.send;

import java.util.function.Predicate;

import org.eclipse.jdt.annotation.Nullable;
import org.eclipse.osgi.util.NLS;

import com.securemailmerge.merge.CompiledTemplate;
import com.securemailmerge.merge.MessageSize;
import com.securemailmerge.merge.Rendering;
import com.securemailmerge.merge.Validation;
import com.securemailmerge.model.MergedMessage;
import com.securemailmerge.model.Problem;
import com.securemailmerge.model.Recipient;

/**
 * What the runner does for one recipient, decided from the journal and the message alone, before
 * any slot, pace or thread: skip one already sent, leave out one whose message has an address on
 * the opt-out list (the reason: that address), refuse a message that cannot be made or is too
 * large (with the reason the journal records), or deliver it to its number of addresses. An
 * opt-out wins over everything but "already sent": it is asked again at every run.
 */
record NextStep(Kind kind, @Nullable MergedMessage message, String reason) {

	enum Kind {
		/** SENT in the journal: never again. */
		ALREADY_SENT,
		/** Not sendable: refused with the reason. */
		REFUSE,
		/** An address of the message asked not to be mailed: left out, never journaled. */
		OPTED_OUT,
		/** To be delivered (or confirmed, if an earlier run submitted it). */
		DELIVER
	}

	/** maxMessageSize: the mailbox's limit in bytes, 0 for none. */
	static NextStep of(Recipient recipient, @Nullable JournalEntry last, CompiledTemplate template, long maxMessageSize) {
		return of(recipient, last, template, maxMessageSize, address -> false, null);
	}

	/** optedOut: true for an address on the sender's opt-out list (asked of To, Cc and Bcc alike). */
	static NextStep of(Recipient recipient, @Nullable JournalEntry last, CompiledTemplate template, long maxMessageSize,
			Predicate<String> optedOut) {
		return of(recipient, last, template, maxMessageSize, optedOut, null);
	}

	/** emailField: where the address is when the message cannot be made (an opt-out wins over its errors). */
	static NextStep of(Recipient recipient, @Nullable JournalEntry last, CompiledTemplate template, long maxMessageSize,
			Predicate<String> optedOut, @Nullable String emailField) {
		if (last != null && last.state() == RecipientState.SENT) {
			return new NextStep(Kind.ALREADY_SENT, null, ""); //$NON-NLS-1$
		}
		Rendering rendering = template.render(recipient);
		MergedMessage message = rendering.message();
		String opted = Validation.optedOut(recipient, message, emailField, optedOut);
		if (opted != null) {
			return new NextStep(Kind.OPTED_OUT, null, opted);
		}
		if (message == null) {
			return new NextStep(Kind.REFUSE, null, rendering.problems().stream().filter(Problem::isError)
					.map(Problem::message).findFirst().orElse("")); //$NON-NLS-1$
		}
		String tooLarge = tooLarge(message, maxMessageSize);
		return tooLarge != null ? new NextStep(Kind.REFUSE, null, tooLarge) : new NextStep(Kind.DELIVER, message, ""); //$NON-NLS-1$
	}

	/** The addresses a delivered message goes to (To, Cc and Bcc), as Exchange counts them. */
	int addresses() {
		MergedMessage ready = message;
		return ready == null ? 0 : ready.to().size() + ready.cc().size() + ready.bcc().size();
	}

	private static @Nullable String tooLarge(MergedMessage message, long maxMessageSize) {
		if (maxMessageSize <= 0) {
			return null;
		}
		long size = MessageSize.estimate(message);
		return size <= maxMessageSize ? null
				: NLS.bind(Messages.Runner_tooLarge, megabytes(size), megabytes(maxMessageSize));
	}

	private static String megabytes(long bytes) {
		return String.format(java.util.Locale.ROOT, "%.1f", bytes / (1024.0 * 1024.0)); //$NON-NLS-1$
	}
}
