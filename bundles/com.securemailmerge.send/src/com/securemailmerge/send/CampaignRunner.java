package com.securemailmerge.send;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.OperationCanceledException;
import org.eclipse.core.runtime.SubMonitor;
import org.eclipse.jdt.annotation.Nullable;
import org.eclipse.osgi.util.NLS;

import com.securemailmerge.merge.CompiledTemplate;
import com.securemailmerge.merge.MessageSize;
import com.securemailmerge.merge.Rendering;
import com.securemailmerge.model.MergedMessage;
import com.securemailmerge.model.Problem;
import com.securemailmerge.model.Recipient;
import com.securemailmerge.model.RecipientList;

/**
 * Sends a campaign exactly once. Recipients whose last journal state is SENT are skipped. A
 * recipient with any earlier entry (planned, drafted, failed) may have been reached by an attempt
 * whose end was not recorded (a crash, a kill, a lost answer), so the transport is asked for a
 * message with its tag before anything is created or sent again. Every step is in the journal, forced
 * to the disk, before the next begins. Up to {@link Pacing#concurrent()} messages are under way at
 * once, started by the {@link Pacer}. A failure of one message is recorded with its reason and the
 * run goes on; an unknown outcome is retried after a pause, looking the tag up first; a stopped
 * transport (signed out) ends the run without marking anyone failed.
 */
public final class CampaignRunner {

	/** Tries of one message whose outcome stayed unknown (no answer, server trouble). */
	private static final int ATTEMPTS = 6;
	/**
	 * Waits the service asked for (429 or 503 with Retry-After) before one message gives up: they do
	 * not use up its {@link #ATTEMPTS}, since a throttled tenant is told when to come back.
	 */
	private static final int THROTTLED_WAITS = 30;

	private final UUID campaign;
	private final Journal journal;
	private final Transport transport;
	private final Pacing pacing;
	private final long maxMessageSize;
	private Duration backoff = Duration.ofSeconds(2);
	private Pacer.Clock clock = Pacer.SYSTEM;

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
		SubMonitor progress = SubMonitor.convert(monitor, Messages.Runner_task, recipients.size());
		Pacer pacer = new Pacer(pacing, journal.entries(), clock);
		Counts counts = new Counts();
		AtomicReference<@Nullable Throwable> stop = new AtomicReference<>();
		BooleanSupplier cancelled = () -> monitor.isCanceled() || stop.get() != null;
		Semaphore slots = new Semaphore(pacing.concurrent());
		ExecutorService workers = Executors.newFixedThreadPool(pacing.concurrent(), runnable -> {
			Thread thread = new Thread(runnable, "smm-send"); //$NON-NLS-1$
			thread.setDaemon(true);
			return thread;
		});
		int reported = 0;
		int index = 0;
		try {
			for (; index < recipients.size(); index++) {
				reported = report(progress, counts, reported);
				control.awaitResumed(cancelled);
				if (cancelled.getAsBoolean()) {
					break;
				}
				Recipient recipient = recipients.get(index);
				RecipientState state = journal.state(recipient.key());
				if (state == RecipientState.SENT) {
					counts.already.incrementAndGet();
					counts.done.incrementAndGet();
					continue;
				}
				boolean attempted = journal.states().containsKey(recipient.key());
				Rendering rendering = template.render(recipient);
				MergedMessage message = rendering.message();
				String refusal = message == null ? rendering.problems().stream().filter(Problem::isError)
						.map(Problem::message).findFirst().orElse("") //$NON-NLS-1$
						: tooLarge(message);
				if (refusal != null) {
					refuse(recipient, attempted, refusal, counts);
					continue;
				}
				MergedMessage ready = java.util.Objects.requireNonNull(message);
				int addresses = ready.to().size() + ready.cc().size() + ready.bcc().size();
				while (!slots.tryAcquire(200, TimeUnit.MILLISECONDS)) {
					if (cancelled.getAsBoolean()) {
						break;
					}
				}
				if (cancelled.getAsBoolean()) {
					slots.release();
					break;
				}
				if (!pacer.acquire(addresses, cancelled)) {
					slots.release();
					break;
				}
				progress.subTask(NLS.bind(Messages.Runner_sending, String.join(", ", ready.to()), //$NON-NLS-1$
						new Object[] { index + 1, recipients.size() }));
				workers.execute(() -> {
					try {
						deliver(recipient, ready, attempted, addresses, pacer, cancelled, counts);
					} catch (Throwable e) {
						stop.compareAndSet(null, e);
					} finally {
						counts.done.incrementAndGet();
						slots.release();
					}
				});
			}
			slots.acquire(pacing.concurrent()); // the messages under way finish and are recorded
			slots.release(pacing.concurrent());
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new OperationCanceledException();
		} finally {
			workers.shutdown();
		}
		report(progress, counts, reported);
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
		int left = (int) recipients.stream().filter(r -> journal.state(r.key()) != RecipientState.SENT
				&& journal.state(r.key()) != RecipientState.FAILED).count();
		Instant resumeAt = failure == null && left > 0 ? pacer.allowanceGrowsAt() : null;
		return new RunResult(counts.sent.get(), counts.already.get(), counts.failed.get(), left, resumeAt,
				failure == null ? null : failure.getMessage());
	}

	private @Nullable String tooLarge(MergedMessage message) {
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

	/** A message that cannot go out as it is; one attempted before is first looked up. */
	private void refuse(Recipient recipient, boolean attempted, String reason, Counts counts) throws IOException {
		counts.done.incrementAndGet();
		if (attempted) {
			Optional<String> delivered = transport.findDelivered(tag(recipient));
			if (delivered.isPresent()) {
				journal.record(recipient.key(), RecipientState.SENT, delivered.get());
				counts.already.incrementAndGet();
				return;
			}
		}
		journal.record(recipient.key(), RecipientState.FAILED, reason);
		counts.failed.incrementAndGet();
	}

	private void deliver(Recipient recipient, MergedMessage message, boolean attempted, int addresses, Pacer pacer,
			BooleanSupplier cancelled, Counts counts) throws IOException, InterruptedException {
		String tag = tag(recipient);
		boolean lookUp = attempted;
		int faults = 0;
		int waits = 0;
		for (int attempt = 1;; attempt++) {
			try {
				if (lookUp) {
					Optional<String> delivered = transport.findDelivered(tag);
					if (delivered.isPresent()) {
						journal.record(recipient.key(), RecipientState.SENT, delivered.get(), addresses);
						counts.already.incrementAndGet();
						return;
					}
				}
				if (attempt == 1) {
					journal.record(recipient.key(), RecipientState.PLANNED, tag);
				}
				String id = transport.deliver(message, tag,
						draft -> record(recipient, RecipientState.DRAFTED, draft));
				journal.record(recipient.key(), RecipientState.SENT, id, addresses);
				counts.sent.incrementAndGet();
				return;
			} catch (SendingStopped e) {
				throw e;
			} catch (TransientFailure e) {
				lookUp = true;
				boolean throttled = e.retryAfter().filter(wait -> !wait.isZero() && !wait.isNegative()).isPresent();
				if (throttled) {
					waits++;
				} else {
					faults++;
				}
				if (faults >= ATTEMPTS || waits >= THROTTLED_WAITS || cancelled.getAsBoolean()) {
					journal.record(recipient.key(), RecipientState.FAILED, NLS.bind(Messages.Runner_unconfirmed, e.getMessage()));
					counts.failed.incrementAndGet();
					return;
				}
				pacer.pause(e.retryAfter().orElse(backoff.multipliedBy(1L << Math.min(Math.max(faults - 1, 0), 6))));
				if (!pacer.acquire(addresses, cancelled)) {
					journal.record(recipient.key(), RecipientState.FAILED, NLS.bind(Messages.Runner_unconfirmed, e.getMessage()));
					counts.failed.incrementAndGet();
					return;
				}
			} catch (IOException e) {
				journal.record(recipient.key(), RecipientState.FAILED, String.valueOf(e.getMessage()));
				counts.failed.incrementAndGet();
				return;
			}
		}
	}

	private void record(Recipient recipient, RecipientState state, String detail) {
		try {
			journal.record(recipient.key(), state, detail);
		} catch (IOException e) {
			throw new java.io.UncheckedIOException(e);
		}
	}

	private static int report(SubMonitor progress, Counts counts, int reported) {
		int done = counts.done.get();
		if (done > reported) {
			progress.worked(done - reported);
		}
		return Math.max(done, reported);
	}

	private static final class Counts {
		final AtomicInteger sent = new AtomicInteger();
		final AtomicInteger already = new AtomicInteger();
		final AtomicInteger failed = new AtomicInteger();
		final AtomicInteger done = new AtomicInteger();
	}
}
