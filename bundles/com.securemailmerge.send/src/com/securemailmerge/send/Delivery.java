package com.securemailmerge.send;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

import org.eclipse.jdt.annotation.Nullable;
import org.eclipse.osgi.util.NLS;

import com.securemailmerge.model.MergedMessage;
import com.securemailmerge.model.Recipient;
import com.securemailmerge.model.RecipientKey;

/**
 * The decision for one recipient's message: skip, refuse, confirm or deliver, and what an unknown
 * outcome means. Before anything is created or sent again for a recipient an earlier attempt may
 * have reached, the transport is asked by every tag the message had and, where it confirms later, by
 * the id of its draft: a message that left Drafts without a copy in Sent Items yet may be under way,
 * so it is awaited, never made a second time.
 */
final class Delivery {

	/** What became of a message in this step. */
	enum Outcome {
		SENT, ALREADY_SENT, FAILED, UNCONFIRMED, AWAITED, SCHEDULED
	}

	/** Tries of one message whose outcome stayed unknown (no answer, server trouble). */
	private static final int ATTEMPTS = 6;
	/**
	 * Waits the service asked for (429 or 503 with Retry-After) before one message gives up: they do
	 * not use up its {@link #ATTEMPTS}, since a throttled tenant is told when to come back.
	 */
	private static final int THROTTLED_WAITS = 30;
	/** How often a message found still a draft after it was submitted is sent again before it fails. */
	private static final int RESUBMISSIONS = 3;
	/** A message due sooner than this goes out now: Exchange sends one whose time has passed at once. */
	private static final Duration SOONEST = Duration.ofMinutes(1);

	private final Journal journal;
	private final Transport transport;
	private final History history;
	private final Pacer pacer;
	private final Duration backoff;
	private final Confirmations confirmations;
	private final boolean retryUnconfirmed;
	private final Map<RecipientKey, Integer> submissions = new ConcurrentHashMap<>();
	private final @Nullable Schedule schedule;
	private final Pacer.Clock clock;

	Delivery(Journal journal, Transport transport, History history, Pacer pacer, Duration backoff,
			Confirmations confirmations, boolean retryUnconfirmed, @Nullable Schedule schedule, Pacer.Clock clock) {
		this.journal = journal;
		this.transport = transport;
		this.history = history;
		this.pacer = pacer;
		this.backoff = backoff;
		this.confirmations = confirmations;
		this.retryUnconfirmed = retryUnconfirmed;
		this.schedule = schedule;
		this.clock = clock;
	}

	/**
	 * What became of a message submitted by an earlier run (SUBMITTED: awaited), or that stayed
	 * unconfirmed when the user did not choose to send those again (looked for once); null when it
	 * is to be delivered.
	 */
	@Nullable
	Outcome awaitsConfirmation(Recipient recipient, @Nullable JournalEntry last, int addresses) throws IOException {
		if (last != null && last.state() == RecipientState.SCHEDULED && !transport.confirmsLater()) {
			return Outcome.SCHEDULED; // handed over with its time (the outbox's file): nothing to ask
		}
		if (last == null || !transport.confirmsLater()) {
			return null;
		}
		String draft = history.draft(recipient.key());
		if (draft == null) {
			return null;
		}
		if (last.state() == RecipientState.SCHEDULED) {
			return scheduled(recipient, last, draft, addresses);
		}
		if (last.state() == RecipientState.SUBMITTED) {
			confirmations.await(recipient, draft, addresses, true);
			return Outcome.AWAITED;
		}
		if (last.state() != RecipientState.UNCONFIRMED || retryUnconfirmed) {
			return null;
		}
		// one look for an unconfirmed message: its copy may have appeared meanwhile
		Transport.Presence presence;
		try {
			presence = transport.presence(draft);
		} catch (SendingStopped e) {
			throw e;
		} catch (IOException e) {
			return Outcome.UNCONFIRMED; // asked again on the next run
		}
		if (presence == Transport.Presence.SENT) {
			journal.record(recipient.key(), RecipientState.SENT, draft, addresses);
			return Outcome.ALREADY_SENT;
		}
		return Outcome.UNCONFIRMED;
	}

	/**
	 * A message an earlier run scheduled: still in the Outbox, it stays scheduled; in Sent Items, it is
	 * SENT; back in Drafts (opened and saved in Outlook) it is scheduled again (null); gone after its
	 * time, it is being submitted and is confirmed; gone before its time, somebody deleted it, and it
	 * is UNCONFIRMED: never sent again without the user's choice.
	 */
	private @Nullable Outcome scheduled(Recipient recipient, JournalEntry last, String id, int addresses)
			throws IOException {
		Transport.Presence presence;
		try {
			presence = transport.presence(id);
		} catch (SendingStopped e) {
			throw e;
		} catch (TransientFailure e) {
			return Outcome.SCHEDULED; // asked again on the next run
		}
		Instant due = Schedule.due(last.detail());
		switch (presence) {
		case SCHEDULED:
			return Outcome.SCHEDULED;
		case SENT:
			journal.record(recipient.key(), RecipientState.SENT, id, addresses);
			return Outcome.ALREADY_SENT;
		case DRAFT:
			return null;
		default:
			if (due == null || !due.isAfter(clock.now())) {
				journal.record(recipient.key(), RecipientState.SUBMITTED, id, addresses);
				confirmations.await(recipient, id, addresses, true);
				return Outcome.AWAITED;
			}
			journal.record(recipient.key(), RecipientState.UNCONFIRMED, NLS.bind(Messages.Runner_scheduledGone, id, due));
			return Outcome.UNCONFIRMED;
		}
	}

	/**
	 * A recipient whose message has an address on the opt-out list: one an earlier attempt may have
	 * reached is looked up first (found: SENT, never taken back); otherwise OPTED_OUT is journaled
	 * (once) and nothing is delivered. Null: left out.
	 */
	@Nullable
	Outcome leaveOut(Recipient recipient, String tag, @Nullable JournalEntry last, String address) throws IOException {
		if (last != null && last.state() != RecipientState.OPTED_OUT) {
			Optional<String> delivered = findDelivered(recipient, tag);
			if (delivered.isPresent()) {
				journal.record(recipient.key(), RecipientState.SENT, delivered.get());
				return Outcome.ALREADY_SENT;
			}
		}
		if (last == null || last.state() != RecipientState.OPTED_OUT || !last.detail().equals(address)) {
			journal.record(recipient.key(), RecipientState.OPTED_OUT, address);
		}
		return null;
	}

	/** A message that cannot go out as it is; one attempted before is first looked up. */
	Outcome refuse(Recipient recipient, String tag, @Nullable JournalEntry last, String reason) throws IOException {
		if (last != null) {
			Optional<String> delivered = findDelivered(recipient, tag);
			if (delivered.isPresent()) {
				journal.record(recipient.key(), RecipientState.SENT, delivered.get());
				return Outcome.ALREADY_SENT;
			}
		}
		journal.record(recipient.key(), RecipientState.FAILED, reason);
		return Outcome.FAILED;
	}

	private Optional<String> findDelivered(Recipient recipient, String tag) throws IOException {
		for (String each : history.tags(recipient.key(), tag)) {
			Optional<String> found = transport.findDelivered(each);
			if (found.isPresent()) {
				return found;
			}
		}
		return Optional.empty();
	}

	Outcome deliver(Recipient recipient, MergedMessage message, String tag, @Nullable JournalEntry last, int addresses,
			BooleanSupplier cancelled) throws IOException, InterruptedException {
		RecipientKey key = recipient.key();
		AtomicReference<@Nullable String> draft = new AtomicReference<>(history.draft(key));
		boolean lookUp = last != null;
		boolean forced = last != null && last.state() == RecipientState.UNCONFIRMED;
		Instant due = due();
		int faults = 0;
		int waits = 0;
		for (int attempt = 1;; attempt++) {
			boolean counted = false;
			try {
				if (lookUp) {
					Optional<String> delivered = findDelivered(recipient, tag);
					if (delivered.isPresent()) {
						journal.record(key, RecipientState.SENT, delivered.get(), addresses);
						return Outcome.ALREADY_SENT; // found, not sent now
					}
					String known = draft.get();
					if (known != null && transport.confirmsLater()) {
						Transport.Presence presence = transport.presence(known);
						if (presence == Transport.Presence.SENT) {
							journal.record(key, RecipientState.SENT, known, addresses);
							return Outcome.ALREADY_SENT; // found, not sent now
						}
						if (presence == Transport.Presence.SCHEDULED) {
							// handed over before the answer was lost: never a second one
							journal.record(key, RecipientState.SCHEDULED, due == null ? known : Schedule.detail(known, due),
									addresses);
							return Outcome.SCHEDULED;
						}
						if (presence == Transport.Presence.UNKNOWN && !forced) {
							// the draft left Drafts: submitted and under way (or deleted); never a second one now
							journal.record(key, RecipientState.SUBMITTED, known, addresses);
							confirmations.await(recipient, known, addresses, last != null);
							return Outcome.AWAITED;
						}
					}
				}
				if (attempt == 1) {
					journal.record(key, RecipientState.PLANNED, tag);
				}
				int submitted = submissions.merge(key, 1, Integer::sum);
				counted = true;
				if (submitted > RESUBMISSIONS) {
					journal.record(key, RecipientState.FAILED, Messages.Runner_notSubmitted);
					return Outcome.FAILED;
				}
				Consumer<String> drafted = made -> {
					draft.set(made);
					record(key, RecipientState.DRAFTED, made);
				};
				if (due != null) {
					String id = transport.schedule(message, tag, drafted, due);
					journal.record(key, RecipientState.SCHEDULED, Schedule.detail(id, due), addresses);
					return Outcome.SCHEDULED;
				}
				String id = transport.deliver(message, tag, drafted);
				if (transport.confirmsLater()) {
					journal.record(key, RecipientState.SUBMITTED, id, addresses);
					confirmations.await(recipient, id, addresses, false);
					return Outcome.AWAITED;
				}
				journal.record(key, RecipientState.SENT, id, addresses);
				return Outcome.SENT;
			} catch (SendingStopped e) {
				throw e;
			} catch (TransientFailure e) {
				lookUp = true;
				forced = false; // what this run submitted is awaited, not sent a second time
				if (counted) {
					submissions.merge(key, -1, Integer::sum); // not known to be submitted: looked up first
				}
				boolean throttled = e.retryAfter().filter(wait -> !wait.isZero() && !wait.isNegative()).isPresent();
				if (throttled) {
					waits++;
				} else {
					faults++;
				}
				if (faults >= ATTEMPTS || waits >= THROTTLED_WAITS || cancelled.getAsBoolean()) {
					journal.record(key, RecipientState.FAILED, NLS.bind(Messages.Runner_unconfirmed, e.getMessage()));
					return Outcome.FAILED;
				}
				pacer.pause(e.retryAfter().orElse(backoff.multipliedBy(1L << Math.min(Math.max(faults - 1, 0), 6))));
				if (!pacer.acquire(addresses, cancelled)) {
					journal.record(key, RecipientState.FAILED, NLS.bind(Messages.Runner_unconfirmed, e.getMessage()));
					return Outcome.FAILED;
				}
			} catch (IOException e) {
				journal.record(key, RecipientState.FAILED, String.valueOf(e.getMessage()));
				return Outcome.FAILED;
			} catch (java.io.UncheckedIOException e) {
				throw e.getCause(); // the journal could not record the draft: sending stops
			}
		}
	}

	/**
	 * When this message is to go out: null for now (no schedule, or its time is so near that Exchange
	 * would send it at once anyway, so it is sent and confirmed as usual).
	 */
	private @Nullable Instant due() {
		Schedule chosen = schedule;
		if (chosen == null || !transport.schedules()) {
			return null;
		}
		Instant due = chosen.next();
		return due.isAfter(clock.now().plus(SOONEST)) ? due : null;
	}

	private void record(RecipientKey key, RecipientState state, String detail) {
		try {
			journal.record(key, state, detail);
		} catch (IOException e) {
			throw new java.io.UncheckedIOException(e);
		}
	}
}
