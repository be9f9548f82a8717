package com.securemailmerge.send;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.OperationCanceledException;
import org.eclipse.core.runtime.SubMonitor;
import org.eclipse.jdt.annotation.Nullable;
import org.eclipse.osgi.util.NLS;

import com.securemailmerge.merge.CompiledTemplate;
import com.securemailmerge.model.MergedMessage;
import com.securemailmerge.model.Recipient;
import com.securemailmerge.model.RecipientList;

/**
 * Sends a campaign exactly once. Recipients whose last journal state is SENT are skipped. A
 * recipient with any earlier entry may have been reached by an attempt whose end was not recorded
 * (a crash, a kill, a lost answer), so the transport is asked for a message with its tags, and by
 * the id of its draft, before anything is created or sent again ({@link Delivery}). Every step is in
 * the journal, forced to the disk, before the next begins. Up to {@link Pacing#concurrent()} messages
 * are under way at once ({@link Workers}), started by the {@link Pacer}; whatever ends a run, it
 * waits for them and records their outcome. A transport that submits asynchronously has each
 * message confirmed by {@link Confirmations} without holding a slot. A failure of one message is
 * recorded with its reason and the run goes on; a stopped transport or a journal that cannot be
 * written ends the run without marking anyone failed.
 */
public final class CampaignRunner {

	private final UUID campaign;
	private final Journal journal;
	private final Transport transport;
	private final Pacing pacing;
	private final long maxMessageSize;
	private Duration backoff = Duration.ofSeconds(2);
	private Duration poll = Duration.ofSeconds(2);
	private Duration window = Duration.ofMinutes(15);
	private Pacer.Clock clock = Pacer.SYSTEM;
	private Predicate<String> optedOut = address -> false;
	private @Nullable Instant sendAt;
	/** The list's e-mail field in the run under way (an opt-out is asked of it when a message cannot be made). */
	private @Nullable String emailField;

	public CampaignRunner(UUID campaign, Journal journal, Transport transport, Pacing pacing, long maxMessageSize) {
		this.campaign = campaign;
		this.journal = journal;
		this.transport = transport;
		this.pacing = pacing;
		this.maxMessageSize = maxMessageSize;
	}

	/** No pacing, no size limit (the outbox, tests). */
	public CampaignRunner(UUID campaign, Journal journal, Transport transport) {
		this(campaign, journal, transport, Pacing.UNLIMITED, 0);
	}

	/** The first pause after an unknown outcome that came without Retry-After (doubled each time). */
	public CampaignRunner withBackoff(Duration first) {
		backoff = first;
		return this;
	}

	/**
	 * How a submitted message is confirmed: first asked for after {@code firstCheck} (then less and
	 * less often), and UNCONFIRMED when it has not appeared in Sent Items after {@code patience}.
	 */
	public CampaignRunner withConfirmation(Duration firstCheck, Duration patience) {
		poll = firstCheck;
		window = patience;
		return this;
	}

	/** Addresses that asked not to be mailed: a message with one of them on any line is left out. */
	public CampaignRunner withOptOuts(Predicate<String> list) {
		optedOut = list;
		return this;
	}

	/**
	 * Messages go out from this time on ({@link Schedule}: at most 30 a minute), through the
	 * transport's deferred delivery; null (the default): now.
	 */
	public CampaignRunner withSendAt(@Nullable Instant at) {
		sendAt = at;
		return this;
	}

	public CampaignRunner withClock(Pacer.Clock time) {
		clock = time;
		return this;
	}

	/** The tag of a recipient's message in this campaign. */
	public String tag(Recipient recipient) {
		return tag(campaign, recipient);
	}

	public static String tag(UUID campaign, Recipient recipient) {
		return campaign + "/" + recipient.key().value(); //$NON-NLS-1$
	}

	public RunResult run(CompiledTemplate template, RecipientList list, IProgressMonitor monitor) throws IOException {
		return run(template, list, new RunControl(), monitor);
	}

	public RunResult run(CompiledTemplate template, RecipientList list, RunControl control, IProgressMonitor monitor)
			throws IOException {
		List<Recipient> recipients = list.included();
		emailField = list.emailField();
		SubMonitor progress = SubMonitor.convert(monitor, Messages.Runner_task, recipients.size());
		Pacer pacer = new Pacer(pacing, journal.entries(), clock);
		Counts counts = new Counts();
		AtomicReference<@Nullable Throwable> stop = new AtomicReference<>();
		BooleanSupplier cancelled = () -> monitor.isCanceled() || stop.get() != null;
		Delivery delivery;
		try (Confirmations confirmations = new Confirmations(journal, transport, poll, window, counts.sent,
				counts.already, counts.unconfirmed, stop)) {
			Instant at = sendAt;
			delivery = new Delivery(journal, transport, new History(journal.entries()), pacer, backoff, confirmations,
					control.retriesUnconfirmed(), at == null ? null : new Schedule(at, journal.entries()), clock);
			try (Workers workers = new Workers(pacing.concurrent())) {
				List<Recipient> batch = recipients;
				while (!batch.isEmpty()) {
					dispatch(batch, template, control, delivery, workers, pacer, progress, counts, stop, cancelled);
					workers.awaitIdle();
					if (cancelled.getAsBoolean()) {
						break;
					}
					confirmations.awaitAll(cancelled);
					batch = confirmations.takeReturned(); // found still a draft: sent (again) now
				}
			} catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				throw new OperationCanceledException();
			}
		}
		progress.worked(Math.max(0, counts.done.get() - counts.reported));
		Throwable failure = stop.get();
		if (failure instanceof RuntimeException runtime) {
			throw runtime;
		}
		if (failure instanceof Error error) {
			throw error;
		}
		if (monitor.isCanceled()) {
			throw new OperationCanceledException();
		}
		int submitted = (int) recipients.stream().filter(r -> journal.state(r.key()) == RecipientState.SUBMITTED).count();
		int left = (int) recipients.stream().map(r -> journal.state(r.key())).filter(s -> s != RecipientState.SENT
				&& s != RecipientState.FAILED && s != RecipientState.UNCONFIRMED && s != RecipientState.OPTED_OUT
				&& s != RecipientState.SCHEDULED)
				.count();
		Instant resumeAt = failure == null && left > 0 ? pacer.allowanceGrowsAt() : null;
		return new RunResult(counts.sent.get(), counts.already.get(), counts.failed.get(), left, resumeAt,
				failure == null ? null : failure.getMessage(), counts.unconfirmed.get(), submitted, counts.left.size(),
				counts.scheduled.get());
	}

	/** Starts each recipient's message in a slot, at the pacer's pace, until all are started or the run stops. */
	private void dispatch(List<Recipient> batch, CompiledTemplate template, RunControl control, Delivery delivery,
			Workers workers, Pacer pacer, SubMonitor progress, Counts counts, AtomicReference<@Nullable Throwable> stop,
			BooleanSupplier cancelled) throws IOException, InterruptedException {
		for (int index = 0; index < batch.size(); index++) {
			counts.report(progress);
			control.awaitResumed(cancelled);
			if (cancelled.getAsBoolean()) {
				return;
			}
			Recipient recipient = batch.get(index);
			JournalEntry last = journal.last(recipient.key());
			NextStep step = NextStep.of(recipient, last, template, maxMessageSize, optedOut, emailField);
			Delivery.@Nullable Outcome decided = switch (step.kind()) {
			case ALREADY_SENT -> Delivery.Outcome.ALREADY_SENT;
			case REFUSE -> delivery.refuse(recipient, tag(recipient), last, step.reason());
			case OPTED_OUT -> leaveOut(delivery, recipient, last, step.reason(), counts);
			// submitted by an earlier run: confirmed, never sent again (null: not submitted, deliver it)
			case DELIVER -> delivery.awaitsConfirmation(recipient, last, step.addresses());
			};
			if (decided != null || step.kind() == NextStep.Kind.OPTED_OUT) {
				counts.done.incrementAndGet();
				if (decided != null) {
					counts.count(decided);
				}
				continue;
			}
			MergedMessage ready = Objects.requireNonNull(step.message());
			int addresses = step.addresses();
			if (!workers.acquire(cancelled)) {
				return;
			}
			boolean paced = false;
			try {
				paced = pacer.acquire(addresses, cancelled);
			} finally {
				if (!paced) {
					workers.release(); // cancelled or interrupted while waiting: the slot was never used
				}
			}
			if (!paced) {
				return;
			}
			progress.subTask(NLS.bind(Messages.Runner_sending, String.join(", ", ready.to()), //$NON-NLS-1$
					new Object[] { index + 1, batch.size() }));
			workers.start(() -> {
				try {
					counts.count(delivery.deliver(recipient, ready, tag(recipient), last, addresses, cancelled));
				} catch (Throwable e) {
					stop.compareAndSet(null, e);
				} finally {
					counts.done.incrementAndGet();
				}
			});
		}
	}

	/**
	 * An opted-out recipient: a message already submitted is out of our hands (confirmed as usual);
	 * otherwise looked up if it was attempted before, and left out (journaled OPTED_OUT).
	 */
	private Delivery.@Nullable Outcome leaveOut(Delivery delivery, Recipient recipient, @Nullable JournalEntry last,
			String address, Counts counts) throws IOException {
		if (last != null && last.state() == RecipientState.SCHEDULED && new Withdrawal(campaign, journal, transport,
				new History(journal.entries()), clock.now()).one(recipient, last) == Withdrawal.Outcome.WITHDRAWN) {
			last = journal.last(recipient.key()); // taken back before its time: left out now
		}
		if (last != null && (last.state() == RecipientState.SUBMITTED || last.state() == RecipientState.UNCONFIRMED
				|| last.state() == RecipientState.SCHEDULED)) {
			Delivery.Outcome submitted = delivery.awaitsConfirmation(recipient, last, 1);
			if (submitted != null) {
				return submitted;
			}
		}
		Delivery.Outcome found = delivery.leaveOut(recipient, tag(recipient), last, address);
		if (found == null) {
			counts.left.add(recipient.key());
		}
		return found;
	}

	/** What the run did so far, counted from the threads that do it. */
	private static final class Counts {
		final AtomicInteger sent = new AtomicInteger();
		final AtomicInteger already = new AtomicInteger();
		final AtomicInteger failed = new AtomicInteger();
		final AtomicInteger unconfirmed = new AtomicInteger();
		final AtomicInteger scheduled = new AtomicInteger();
		final AtomicInteger done = new AtomicInteger();
		/** Left out: an address of their message is on the opt-out list. */
		final java.util.Set<com.securemailmerge.model.RecipientKey> left = java.util.concurrent.ConcurrentHashMap.newKeySet();
		int reported;


		void count(Delivery.Outcome outcome) {
			switch (outcome) {
			case SENT -> sent.incrementAndGet();
			case ALREADY_SENT -> already.incrementAndGet();
			case FAILED -> failed.incrementAndGet();
			case UNCONFIRMED -> unconfirmed.incrementAndGet();
			case SCHEDULED -> scheduled.incrementAndGet();
			case AWAITED -> {
				// counted by the confirmations when it is confirmed
			}
			}
		}

		void report(SubMonitor progress) {
			int now = done.get();
			if (now > reported) {
				progress.worked(now - reported);
				reported = now;
			}
		}
	}
}
