package com.securemailmerge.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.jobs.IJobChangeEvent;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.core.runtime.jobs.JobChangeAdapter;
import org.eclipse.jdt.annotation.Nullable;
import org.eclipse.osgi.util.NLS;

import com.securemailmerge.campaign.CampaignRegistry;
import com.securemailmerge.model.Campaign;
import com.securemailmerge.model.RecipientIdentity;
import com.securemailmerge.model.TransportKind;
import com.securemailmerge.optouts.OptOutProfiles;
import com.securemailmerge.send.CampaignJob;
import com.securemailmerge.send.CampaignPlaces;
import com.securemailmerge.send.Journal;
import com.securemailmerge.send.JournalEntry;
import com.securemailmerge.send.OpenTransport;
import com.securemailmerge.send.OutboxTransport;
import com.securemailmerge.send.Pacing;
import com.securemailmerge.send.Plan;
import com.securemailmerge.send.RunResult;
import com.securemailmerge.send.TransportProvider;

/**
 * {@code send}: the campaign with the workbench's runner, journal, pacing and resume (a second
 * {@code send} goes on where the first stopped and sends nobody twice). Progress goes to standard
 * error; the counts end the output. Exit code 0 when every included recipient got the message, 1
 * when something failed, was refused or is unconfirmed, 3 when the rest waits for the next day's
 * allowance (run {@code send} again then: the job runs once and never schedules itself).
 */
final class SendCommand {

	static final int LATER = 3;

	private final Services services;
	private final PrintStream progress;

	SendCommand(Services services, PrintStream progress) {
		this.services = services;
		this.progress = progress;
	}

	int send(OpenedCampaign opened, Output output, boolean retryUnconfirmed) throws CliException {
		if (opened.idAssigned()) {
			throw new CliException(Messages.Send_saveFirst);
		}
		if (opened.copyOf().isPresent()) {
			throw new CliException(NLS.bind(Messages.Send_copy, opened.copyOf().get()));
		}
		long errors = ValidateCommand.problems(opened, output);
		if (errors > 0) {
			progress.println(Messages.Send_errorsFirst);
			Map<String, @Nullable Object> fields = new LinkedHashMap<>();
			fields.put("command", "send"); //$NON-NLS-1$ //$NON-NLS-2$
			fields.put("campaign", opened.file().toString()); //$NON-NLS-1$
			fields.put("included", opened.list().included().size()); //$NON-NLS-1$
			fields.put("errors", errors); //$NON-NLS-1$
			fields.put("sent", 0); //$NON-NLS-1$
			fields.put("ok", false); //$NON-NLS-1$
			output.summary(fields, NLS.bind(Messages.Send_refused, errors));
			return 1;
		}
		Campaign campaign = opened.campaign();
		warnOtherWay(opened);
		TransportProvider m365 = campaign.transport() == TransportKind.GRAPH ? microsoft365() : null;
		Path journal = CampaignPlaces.journal(opened.file(), campaign);
		Plan plan;
		try {
			plan = Plan.of(opened.list(), Journal.read(journal, opened.list()), CampaignPlaces.pacing(campaign), Instant.now());
		} catch (IOException e) {
			throw new CliException(NLS.bind(Messages.Send_journalUnreadable, journal, e.getMessage()));
		}
		String way = m365 == null ? NLS.bind(Messages.Send_outbox, CampaignPlaces.outbox(opened.file())) : m365.label();
		progress.println(NLS.bind(Messages.Send_plan, new Object[] { plan.toSend(), way, plan.alreadySent() }));
		Path state = services.workbenchState();
		if (state != null) { // the workbench then knows this file holds this campaign (a copy made later is noticed)
			new CampaignRegistry(state.resolve("campaigns.tsv")).register(campaign.id(), opened.file()); //$NON-NLS-1$
		}
		CampaignJob.Request request = new CampaignJob.Request(campaign.id(),
				campaign.name().isBlank() ? CampaignPlaces.base(opened.file()) : campaign.name(), opened.compilation(),
				opened.list(), journal, monitor -> m365 != null ? m365.open(TransportProvider.Purpose.CAMPAIGN, monitor)
						: new OpenTransport(new OutboxTransport(CampaignPlaces.outbox(opened.file()), null), "", 0, //$NON-NLS-1$
								Pacing.UNLIMITED));
		AtomicInteger done = new AtomicInteger();
		// the opt-out list of the account (or the outbox) it goes out from: the workbench's, read at the start
		OptOutProfiles optOuts = state == null ? null : new OptOutProfiles(state.resolve(OptOutProfiles.FOLDER));
		CampaignJob job = new CampaignJob(request, entry -> step(entry, done, plan.toSend())).once()
				.withOptOuts(from -> optOuts == null ? address -> false
						: optOuts.of(m365 == null ? OptOutProfiles.OFFLINE : m365.account()).asPredicate());
		job.control().retryUnconfirmed(retryUnconfirmed);
		IStatus outcome = run(job);
		RunResult result = job.result();
		progress.println(Output.safe(outcome.getMessage()));
		return summary(opened, result, outcome, output);
	}

	/**
	 * Sending another way than the campaign's (--m365 for an outbox campaign, or the reverse) has a
	 * journal of its own: says so when the campaign's journal already has messages sent its way.
	 */
	private void warnOtherWay(OpenedCampaign opened) {
		Campaign saved = opened.campaign().withTransport(opened.savedTransport());
		if (saved.transport() == opened.campaign().transport()) {
			return;
		}
		try {
			long sent = Journal.last(CampaignPlaces.journal(opened.file(), saved), opened.list()).values().stream()
					.filter(e -> e.state() == com.securemailmerge.send.RecipientState.SENT).count();
			if (sent > 0) {
				progress.println(NLS.bind(Messages.Send_otherWay, sent));
			}
		} catch (IOException e) {
			// the other way's journal cannot be read: nothing to warn about from it
		}
	}

	private TransportProvider microsoft365() throws CliException {
		TransportProvider provider = services.transports();
		Services.SignIn signIn = services.signIn();
		if (provider == null || signIn == null) {
			throw new CliException(Messages.Campaign_noMicrosoft365);
		}
		if (!provider.isReady()) {
			signIn.signIn(progress);
		}
		return provider;
	}

	/** A line per recipient whose message went out, failed or is unconfirmed (the label, no address). */
	private synchronized void step(JournalEntry entry, AtomicInteger done, int total) {
		String state = switch (entry.state()) {
		case SENT -> Messages.Send_sent;
		case FAILED -> Messages.Send_failed;
		case UNCONFIRMED -> Messages.Send_unconfirmed;
		case OPTED_OUT -> Messages.Send_optedOut;
		case SCHEDULED -> Messages.Send_scheduled;
		default -> null;
		};
		if (state != null) {
			progress.println(NLS.bind(Messages.Send_step, new Object[] { done.incrementAndGet(), total, state,
					RecipientIdentity.label(entry.recipient()) }));
		}
	}

	/**
	 * Runs the job to its end; a run that leaves recipients for the next day's allowance would schedule
	 * itself again: that is cancelled, the next {@code send} takes them. Ctrl+C cancels the run and waits
	 * for it to stop, so the journal says what went out.
	 */
	private static IStatus run(CampaignJob job) {
		CountDownLatch finished = new CountDownLatch(1);
		job.addJobChangeListener(new JobChangeAdapter() {
			@Override
			public void done(@Nullable IJobChangeEvent event) {
				finished.countDown();
			}
		});
		Thread interrupt = new Thread(() -> {
			job.cancel();
			try {
				finished.await(60, TimeUnit.SECONDS);
			} catch (InterruptedException e) {
				Thread.currentThread().interrupt();
			}
		}, "SecureMailMerge: stop sending"); //$NON-NLS-1$
		Runtime.getRuntime().addShutdownHook(interrupt);
		try {
			job.schedule();
			finished.await();
		} catch (InterruptedException e) {
			job.cancel();
			Thread.currentThread().interrupt();
		} finally {
			try {
				Runtime.getRuntime().removeShutdownHook(interrupt);
			} catch (IllegalStateException e) {
				// shutting down already: the hook runs
			}
		}
		if (job.getState() != Job.NONE) {
			job.cancel(); // never scheduled again (once()); a safeguard all the same
		}
		return job.outcome();
	}

	private static int summary(OpenedCampaign opened, @Nullable RunResult result, IStatus outcome, Output output) {
		Map<String, @Nullable Object> fields = new LinkedHashMap<>();
		fields.put("command", "send"); //$NON-NLS-1$ //$NON-NLS-2$
		fields.put("campaign", opened.file().toString()); //$NON-NLS-1$
		fields.put("included", opened.list().included().size()); //$NON-NLS-1$
		int code;
		if (result == null) {
			fields.put("ok", false); //$NON-NLS-1$
			fields.put("message", outcome.getMessage()); //$NON-NLS-1$
			code = 1;
		} else {
			fields.put("sent", result.sent()); //$NON-NLS-1$
			fields.put("alreadySent", result.alreadySent()); //$NON-NLS-1$
			fields.put("failed", result.failed()); //$NON-NLS-1$
			fields.put("deferred", result.deferred()); //$NON-NLS-1$
			fields.put("unconfirmed", result.unconfirmed()); //$NON-NLS-1$
			fields.put("resumeAt", result.resumeAt() == null ? null : String.valueOf(result.resumeAt())); //$NON-NLS-1$
			fields.put("stopReason", result.stopReason()); //$NON-NLS-1$
			fields.put("optedOut", result.optedOut()); //$NON-NLS-1$
			fields.put("scheduled", result.scheduled()); //$NON-NLS-1$
			boolean failed = result.failed() > 0 || result.unconfirmed() > 0 || result.stopReason() != null
					|| outcome.getSeverity() == IStatus.ERROR || outcome.getSeverity() == IStatus.CANCEL;
			code = failed ? 1 : result.deferred() > 0 ? LATER : 0;
			fields.put("ok", code == 0); //$NON-NLS-1$
		}
		output.summary(fields, result == null ? outcome.getMessage()
				: NLS.bind(Messages.Send_summary, new Object[] { result.sent(), result.alreadySent(), result.failed(),
						result.deferred(), result.unconfirmed() }));
		return code;
	}
}
