package com.securemailmerge.send;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;

import org.eclipse.jdt.annotation.Nullable;
import org.eclipse.osgi.util.NLS;

import com.securemailmerge.model.Recipient;
import com.securemailmerge.model.RecipientKey;

/**
 * The messages a transport accepted but has not confirmed yet (Exchange submits asynchronously: the
 * Sent Items copy, under the draft's immutable id, comes when the message has really gone out). One
 * thread of its own asks for each message by its id, more patiently the longer it takes, so the
 * sending slots are never held by a wait: found in Sent Items it is SENT; still a draft, it was not
 * sent and is handed back to be sent; not found for the whole window, it is UNCONFIRMED and is never
 * sent again without the user's choice.
 */
final class Confirmations implements AutoCloseable {

	private static final long MAX_INTERVAL = Duration.ofSeconds(30).toNanos();
	/**
	 * How long a message may still read as a draft after its send was accepted before it is taken as
	 * not sent and handed back: a single early reading never leads to a second message.
	 */
	private static final long DRAFT_GRACE = Duration.ofMinutes(2).toNanos();

	private record Pending(Recipient recipient, String id, int addresses, long since, long next, int checks,
			boolean earlier) {
	}

	private final Journal journal;
	private final Transport transport;
	private final long poll;
	private final long window;
	private final AtomicInteger confirmed;
	private final AtomicInteger already;
	private final AtomicInteger unconfirmed;
	private final AtomicReference<@Nullable Throwable> stop;
	private final Map<RecipientKey, Pending> pending = new LinkedHashMap<>();
	private final List<Recipient> returned = new ArrayList<>();
	private @Nullable Thread thread;
	private boolean closed;

	Confirmations(Journal journal, Transport transport, Duration poll, Duration window, AtomicInteger confirmed,
			AtomicInteger already, AtomicInteger unconfirmed, AtomicReference<@Nullable Throwable> stop) {
		this.journal = journal;
		this.transport = transport;
		this.poll = poll.toNanos();
		this.window = window.toNanos();
		this.confirmed = confirmed;
		this.already = already;
		this.unconfirmed = unconfirmed;
		this.stop = stop;
	}

	/**
	 * A message the service accepted under this id (SUBMITTED is recorded); it is confirmed from now
	 * on. {@code earlier}: submitted by an earlier run (counted as already sent once confirmed).
	 */
	synchronized void await(Recipient recipient, String id, int addresses, boolean earlier) {
		long now = System.nanoTime();
		pending.put(recipient.key(), new Pending(recipient, id, addresses, now, now + poll, 0, earlier));
		Thread running = thread;
		if (running == null && !closed) {
			Thread started = new Thread(this::confirm, "smm-confirm"); //$NON-NLS-1$
			started.setDaemon(true);
			thread = started;
			started.start();
		}
		notifyAll();
	}

	synchronized int pending() {
		return pending.size();
	}

	/** Waits until every message is confirmed, unconfirmed or handed back, or the run is stopped. */
	synchronized void awaitAll(BooleanSupplier cancelled) throws InterruptedException {
		while (!pending.isEmpty() && !cancelled.getAsBoolean() && stop.get() == null) {
			wait(200);
		}
	}

	/** The recipients whose message was found still a draft: to be sent (again). */
	synchronized List<Recipient> takeReturned() {
		List<Recipient> taken = List.copyOf(returned);
		returned.clear();
		return taken;
	}

	private void confirm() {
		while (true) {
			Pending due;
			synchronized (this) {
				due = null;
				long now = System.nanoTime();
				long sleep = poll;
				for (Pending candidate : pending.values()) {
					if (candidate.next() - now <= 0) {
						due = candidate;
						break;
					}
					sleep = Math.min(sleep, candidate.next() - now);
				}
				if (closed) {
					return;
				}
				if (due == null) {
					try {
						wait(Math.max(1, sleep / 1_000_000));
					} catch (InterruptedException e) {
						return;
					}
					continue;
				}
			}
			try {
				check(due);
			} catch (TransientFailure e) {
				if (System.nanoTime() - due.since() >= window) {
					remove(due.recipient().key(), null); // stays SUBMITTED: the next run asks again
				} else {
					later(due);
				}
			} catch (IOException | RuntimeException e) {
				stop.compareAndSet(null, e);
				synchronized (this) {
					notifyAll();
				}
				return; // the journal or the sign-in failed: nothing more is asked or written
			}
		}
	}

	private void check(Pending due) throws IOException {
		Transport.Presence presence = transport.presence(due.id());
		long now = System.nanoTime();
		RecipientKey key = due.recipient().key();
		switch (presence) {
		case SENT -> {
			journal.record(key, RecipientState.SENT, due.id(), due.addresses());
			(due.earlier() ? already : confirmed).incrementAndGet();
			remove(key, null);
		}
		case DRAFT -> {
			if (now - due.since() < Math.min(DRAFT_GRACE, window / 4)) {
				later(due); // may be a reading taken while Exchange submits it: asked again later
			} else {
				journal.record(key, RecipientState.DRAFTED, due.id());
				remove(key, due.recipient());
			}
		}
		case UNKNOWN -> {
			if (now - due.since() >= window) {
				journal.record(key, RecipientState.UNCONFIRMED,
						NLS.bind(Messages.Runner_notConfirmed, due.id(), Duration.ofNanos(window).toMinutes()));
				unconfirmed.incrementAndGet();
				remove(key, null);
			} else {
				later(due);
			}
		}
		}
	}

	private synchronized void later(Pending due) {
		long interval = Math.min(MAX_INTERVAL, poll << Math.min(due.checks() + 1, 20));
		pending.computeIfPresent(due.recipient().key(), (k, p) -> new Pending(p.recipient(), p.id(), p.addresses(),
				p.since(), System.nanoTime() + interval, p.checks() + 1, p.earlier()));
	}

	private synchronized void remove(RecipientKey key, @Nullable Recipient handBack) {
		pending.remove(key);
		if (handBack != null) {
			returned.add(handBack);
		}
		notifyAll();
	}

	/** The recipients still awaited (when the run ends before they are confirmed they stay SUBMITTED). */
	synchronized List<Recipient> awaited() {
		List<Recipient> left = new ArrayList<>();
		for (Iterator<Pending> it = pending.values().iterator(); it.hasNext();) {
			left.add(it.next().recipient());
		}
		return left;
	}

	@Override
	public void close() {
		Thread running;
		synchronized (this) {
			closed = true;
			notifyAll();
			running = thread;
		}
		if (running != null) {
			try {
				running.join(30_000); // a check under way finishes and is recorded
			} catch (InterruptedException e) {
				Thread.currentThread().interrupt();
			}
		}
	}
}
