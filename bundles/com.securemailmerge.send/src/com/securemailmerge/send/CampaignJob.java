package com.securemailmerge.send;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Predicate;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.OperationCanceledException;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.SubMonitor;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jdt.annotation.Nullable;
import org.eclipse.osgi.util.NLS;

import com.securemailmerge.merge.Compilation;
import com.securemailmerge.merge.CompiledTemplate;
import com.securemailmerge.merge.Validation;
import com.securemailmerge.model.Problem;
import com.securemailmerge.model.RecipientList;

/**
 * Sends a campaign in the background: opens the transport, validates every included recipient and
 * refuses to start while any error remains, then runs the {@link CampaignRunner} with the journal
 * next to the campaign file. Can be paused, resumed and cancelled; when the day's allowance is used
 * up it schedules itself again for the moment the allowance grows.
 */
public final class CampaignJob extends Job {

	/** The family of every campaign job (to find or cancel them). */
	public static final Object FAMILY = CampaignJob.class;

	/** Opens the transport when the job starts (may sign in or check the licence). */
	@FunctionalInterface
	public interface Opener {
		OpenTransport open(IProgressMonitor monitor) throws IOException;
	}

	/** Reads the campaign as it is now; refuses (a {@link SendingStopped}) when it can no longer be read. */
	@FunctionalInterface
	public interface Current {
		Batch get() throws IOException;
	}

	/**
	 * The opt-out list of the mailbox messages go out from: {@code from} is its primary address
	 * (empty offline); a source may key its lists otherwise (the workbench: by the signed-in
	 * account's user name, the same as when an address is added). Throwing stops the batch: nothing
	 * goes out without the list.
	 */
	@FunctionalInterface
	public interface OptOutSource {
		/** Nothing is opted out. */
		OptOutSource NONE = from -> address -> false;

		Predicate<String> forSender(String from) throws IOException;
	}

	/** The campaign as it is when a batch starts: its compiled template and its list with the exclusions. */
	public record Batch(Compilation compilation, RecipientList list) {
	}

	/**
	 * What to send, with which journal. {@code current} is asked at every start, also when the job
	 * starts again the next day for the rest of a campaign larger than a day's allowance, so each batch
	 * sends the campaign as it is then (exclusions, template, attachments), validated again.
	 */
	public record Request(UUID campaign, String name, Current current, Path journal, Opener opener) {

		/** A request that always sends the same campaign (tests, the command line). */
		public Request(UUID campaign, String name, Compilation compilation, RecipientList list, Path journal,
				Opener opener) {
			this(campaign, name, () -> new Batch(compilation, list), journal, opener);
		}
	}

	private final Request request;
	private final RunControl control = new RunControl();
	private final Consumer<JournalEntry> listener;
	private volatile @Nullable RunResult result;
	/** The command line: a run that leaves recipients for the next allowance does not schedule itself again. */
	private volatile boolean once;
	private volatile @Nullable Validation validation;
	private volatile OptOutSource optOuts = OptOutSource.NONE;
	private volatile @Nullable Instant sendAt;

	public CampaignJob(Request request, Consumer<JournalEntry> listener) {
		super(NLS.bind(Messages.Job_name, request.name()));
		this.request = request;
		this.listener = listener;
		setUser(true);
	}

	@Override
	public boolean belongsTo(@Nullable Object family) {
		return family == FAMILY;
	}

	public RunControl control() {
		return control;
	}

	/**
	 * Runs once: recipients left for the mailbox's next daily allowance stay in the journal for the
	 * next start (the command line's next {@code send}) instead of the job scheduling itself for then.
	 */
	public CampaignJob once() {
		once = true;
		return this;
	}

	/** Leaves out every message with an address on the sender's opt-out list (read when a batch starts). */
	public CampaignJob withOptOuts(OptOutSource source) {
		optOuts = source;
		return this;
	}

	/**
	 * The messages go out from this time on, at most 30 a minute (through Exchange's deferred delivery,
	 * or written with that time to the outbox); null: now.
	 */
	public CampaignJob withSendAt(@Nullable Instant at) {
		sendAt = at;
		return this;
	}

	public @Nullable RunResult result() {
		return result;
	}

	/** The validation of the last start (with the problems that refused it). */
	public @Nullable Validation validation() {
		return validation;
	}

	/**
	 * What the run ended with, for the user: counts, reasons, the problems that refused it (these name
	 * recipients and files). The job itself returns {@link LogSafe#of} of it, since the job framework
	 * writes warnings and errors to the Eclipse log, which must hold no personal data.
	 */
	public IStatus outcome() {
		IStatus shown = outcome;
		return shown == null ? Status.CANCEL_STATUS : shown;
	}

	private volatile @Nullable IStatus outcome;

	@Override
	protected IStatus run(@Nullable IProgressMonitor monitor) {
		result = null;
		outcome = null;
		IStatus shown;
		try {
			shown = send(monitor);
		} catch (RuntimeException e) {
			// shown to the user; the log gets the log-safe text below, without the exception
			shown = Status.error(NLS.bind(Messages.Job_failed, e.getClass().getSimpleName() + ": " + e.getMessage())); //$NON-NLS-1$
		}
		outcome = shown;
		RunResult run = result;
		return LogSafe.of(shown, run == null ? Messages.Job_logSafe
				: NLS.bind(Messages.Job_logSafeCounts, new Object[] { run.sent(), run.alreadySent(), run.failed(),
						run.deferred(), run.unconfirmed() }));
	}

	private IStatus send(@Nullable IProgressMonitor monitor) {
		SubMonitor progress = SubMonitor.convert(monitor, getName(), 100);
		try {
			Batch batch = request.current().get();
			OpenTransport transport = request.opener().open(progress.split(5));
			Predicate<String> optedOut = optOuts.forSender(transport.from());
			// an opted-out recipient's problems block nothing: nothing is sent to them
			Validation checked = Validation.of(batch.compilation(), batch.list(), transport.maxMessageSize(), optedOut,
					progress.split(10));
			validation = checked;
			CompiledTemplate template = batch.compilation().template();
			if (template == null || checked.hasErrors()) {
				return refused(checked);
			}
			RunResult run;
			List<String> notes = new ArrayList<>();
			try (Journal journal = Journal.open(request.journal(), batch.list())) {
				notes(journal, notes);
				journal.addListener(listener);
				run = new CampaignRunner(request.campaign(), journal, transport.transport(), transport.pacing(),
						transport.maxMessageSize()).withOptOuts(optedOut).withSendAt(sendAt).run(template, batch.list(), control, progress.split(85));
			} finally {
				// the user's choice was about the unconfirmed messages they were shown, not about later ones
				control.retryUnconfirmed(false);
			}
			result = run;
			return finished(run, notes);
		} catch (OperationCanceledException e) {
			return Status.CANCEL_STATUS;
		} catch (IOException e) {
			return Status.error(NLS.bind(Messages.Job_failed, e.getMessage()));
		}
	}

	private IStatus refused(Validation checked) {
		StringBuilder first = new StringBuilder();
		checked.problems().stream().filter(Problem::isError).limit(5).forEach(problem -> first.append('\n')
				.append(problem.recipient() == null ? "" : problem.recipient().value() + ": ").append(problem.message())); //$NON-NLS-1$ //$NON-NLS-2$
		long errors = checked.problems().stream().filter(Problem::isError).count();
		return Status.error(NLS.bind(Messages.Job_refused, errors, first));
	}

	/** What opening the journal found that the user should know (kept for the end of the run). */
	private static void notes(Journal journal, List<String> notes) {
		if (!journal.unreadable().isEmpty()) {
			notes.add(NLS.bind(Messages.Job_unreadable, journal.unreadable().size(), journal.unreadable().stream()
					.limit(10).map(String::valueOf).collect(java.util.stream.Collectors.joining(", ")))); //$NON-NLS-1$
		}
		JournalMigration migration = journal.migration();
		if (migration != null) {
			notes.add(NLS.bind(Messages.Job_migrated, migration.matched(), migration.unmatched().size()));
		}
	}

	private IStatus finished(RunResult run, List<String> notes) {
		String summary = NLS.bind(Messages.Job_summary,
				new Object[] { run.sent(), run.alreadySent(), run.failed(), run.deferred() });
		if (run.unconfirmed() > 0) {
			summary += ' ' + NLS.bind(Messages.Job_unconfirmed, run.unconfirmed());
		}
		if (run.scheduled() > 0) {
			summary += ' ' + NLS.bind(Messages.Job_scheduled, run.scheduled());
		}
		if (run.optedOut() > 0) {
			summary += ' ' + NLS.bind(Messages.Job_optedOut, run.optedOut());
		}
		for (String note : notes) {
			summary += ' ' + note;
		}
		String stop = run.stopReason();
		if (stop != null) {
			return Status.warning(NLS.bind(Messages.Job_stopped, summary, stop));
		}
		Instant resumeAt = run.resumeAt();
		if (run.deferred() > 0 && resumeAt != null) {
			if (once) {
				return Status.info(NLS.bind(Messages.Job_later, summary, resumeAt));
			}
			schedule(Math.max(1000, Duration.between(Instant.now(), resumeAt).toMillis() + 1000));
			return Status.info(NLS.bind(Messages.Job_continues, summary, resumeAt));
		}
		return run.failed() > 0 || run.unconfirmed() > 0 || !notes.isEmpty() ? Status.warning(summary)
				: Status.info(summary);
	}
}
