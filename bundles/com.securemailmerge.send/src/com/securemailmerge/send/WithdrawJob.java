package com.securemailmerge.send;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.OperationCanceledException;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.SubMonitor;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jdt.annotation.Nullable;
import org.eclipse.osgi.util.NLS;

/**
 * Withdraws a campaign's scheduled messages that have not gone out ({@link Withdrawal}), in the
 * background, with the campaign's journal locked as for sending (a campaign being sent in another
 * window is refused with its sender's name).
 */
public final class WithdrawJob extends Job {

	private final CampaignJob.Request request;
	private volatile Withdrawal.@Nullable Result result;
	private volatile @Nullable IStatus outcome;

	public WithdrawJob(CampaignJob.Request request) {
		super(NLS.bind(Messages.Withdraw_name, request.name()));
		this.request = request;
		setUser(true);
	}

	@Override
	public boolean belongsTo(@Nullable Object family) {
		return family == CampaignJob.FAMILY;
	}

	public Withdrawal.@Nullable Result result() {
		return result;
	}

	/** What the withdrawal ended with, for the user. */
	public IStatus outcome() {
		IStatus shown = outcome;
		return shown == null ? Status.CANCEL_STATUS : shown;
	}

	@Override
	protected IStatus run(@Nullable IProgressMonitor monitor) {
		SubMonitor progress = SubMonitor.convert(monitor, getName(), 100);
		IStatus shown;
		try {
			CampaignJob.Batch batch = request.current().get();
			OpenTransport transport = request.opener().open(progress.split(10));
			try (Journal journal = Journal.open(request.journal(), batch.list())) {
				Withdrawal.Result done = Withdrawal.run(request.campaign(), journal, transport.transport(), batch.list(),
						Instant.now(), progress.split(90));
				result = done;
				shown = status(done);
			}
		} catch (OperationCanceledException e) {
			shown = Status.CANCEL_STATUS;
		} catch (IOException e) {
			shown = Status.error(NLS.bind(Messages.Withdraw_failed, e.getMessage()));
		}
		outcome = shown;
		return LogSafe.of(shown, Messages.Job_logSafe);
	}

	private static IStatus status(Withdrawal.Result done) {
		List<String> parts = new ArrayList<>();
		parts.add(NLS.bind(Messages.Withdraw_done, done.withdrawn()));
		if (done.alreadySent() > 0) {
			parts.add(NLS.bind(Messages.Withdraw_sent, done.alreadySent()));
		}
		if (done.tooLate() > 0) {
			parts.add(NLS.bind(Messages.Withdraw_tooLate, done.tooLate()));
		}
		if (done.notFound() > 0) {
			parts.add(NLS.bind(Messages.Withdraw_notFound, done.notFound()));
		}
		String text = String.join(" ", parts); //$NON-NLS-1$
		return done.tooLate() > 0 || done.notFound() > 0 ? Status.warning(text) : Status.info(text);
	}
}
