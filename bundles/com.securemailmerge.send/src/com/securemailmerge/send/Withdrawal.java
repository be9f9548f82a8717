package com.securemailmerge.send;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.OperationCanceledException;
import org.eclipse.core.runtime.SubMonitor;

import com.securemailmerge.model.Recipient;
import com.securemailmerge.model.RecipientKey;
import com.securemailmerge.model.RecipientList;

/**
 * Takes back the scheduled messages of a campaign that have not gone out: each is looked up by its
 * tags in the Outbox (where Exchange holds a message until its deferred time) and deleted, and is
 * then WITHDRAWN in the journal (the next run sends it again). A message due within
 * {@link #TOO_LATE} is left alone, since Exchange may be sending it at that very moment; one no longer
 * in the Outbox but in Sent Items is SENT; one found nowhere stays SCHEDULED (it may be under way).
 */
public final class Withdrawal {

	/** A message due sooner than this is not touched: it may be going out now. */
	static final Duration TOO_LATE = Duration.ofMinutes(2);

	/** What became of a scheduled message. */
	enum Outcome {
		WITHDRAWN, SENT, TOO_LATE, NOT_FOUND
	}

	/** The counts of one withdrawal: taken back, found sent already, left since due now, found nowhere. */
	public record Result(int withdrawn, int alreadySent, int tooLate, int notFound) {
	}

	private final UUID campaign;
	private final Journal journal;
	private final Transport transport;
	private final History history;
	private final Instant now;

	Withdrawal(UUID campaign, Journal journal, Transport transport, History history, Instant now) {
		this.campaign = campaign;
		this.journal = journal;
		this.transport = transport;
		this.history = history;
		this.now = now;
	}

	/** Takes back every included recipient's scheduled message that has not gone out. */
	public static Result run(UUID campaign, Journal journal, Transport transport, RecipientList list, Instant now,
			IProgressMonitor monitor) throws IOException {
		Withdrawal withdrawal = new Withdrawal(campaign, journal, transport, new History(journal.entries()), now);
		SubMonitor progress = SubMonitor.convert(monitor, list.included().size());
		int[] counts = new int[Outcome.values().length];
		for (Recipient recipient : list.included()) {
			if (progress.isCanceled()) {
				throw new OperationCanceledException();
			}
			JournalEntry last = journal.last(recipient.key());
			if (last != null && last.state() == RecipientState.SCHEDULED) {
				counts[withdrawal.one(recipient, last).ordinal()]++;
			}
			progress.worked(1);
		}
		return new Result(counts[Outcome.WITHDRAWN.ordinal()], counts[Outcome.SENT.ordinal()],
				counts[Outcome.TOO_LATE.ordinal()], counts[Outcome.NOT_FOUND.ordinal()]);
	}

	/** One recipient whose last record is SCHEDULED. */
	Outcome one(Recipient recipient, JournalEntry last) throws IOException {
		RecipientKey key = recipient.key();
		Instant due = Schedule.due(last.detail());
		if (due != null && !due.isAfter(now.plus(TOO_LATE))) {
			return Outcome.TOO_LATE;
		}
		String current = CampaignRunner.tag(campaign, recipient);
		for (String tag : history.tags(key, current)) {
			Optional<String> scheduled = transport.findScheduled(tag);
			if (scheduled.isPresent() && transport.withdraw(scheduled.get())) {
				journal.record(key, RecipientState.WITHDRAWN, due == null ? "" : due.toString()); //$NON-NLS-1$
				return Outcome.WITHDRAWN;
			}
		}
		for (String tag : history.tags(key, current)) {
			Optional<String> sent = transport.findDelivered(tag);
			if (sent.isPresent()) {
				journal.record(key, RecipientState.SENT, sent.get());
				return Outcome.SENT;
			}
		}
		return Outcome.NOT_FOUND;
	}
}
