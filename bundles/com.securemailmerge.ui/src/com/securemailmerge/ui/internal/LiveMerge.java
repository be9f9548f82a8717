package com.securemailmerge.ui.internal;

import java.nio.file.Path;

import org.eclipse.core.runtime.OperationCanceledException;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.e4.core.services.events.IEventBroker;
import org.eclipse.jdt.annotation.Nullable;

import com.securemailmerge.merge.Compilation;
import com.securemailmerge.merge.MergeEngine;
import com.securemailmerge.merge.Validation;
import com.securemailmerge.model.Campaign;
import com.securemailmerge.model.RecipientList;

/**
 * Compiles the template and validates the recipients in a Job whenever either changes, a moment
 * after the last keystroke, and announces the result ({@link Topics#MERGED}). A newer change
 * cancels the run in progress, so typing never waits for validation. Relative attachment paths are
 * resolved against the campaign's folder; messages larger than the size limit are problems.
 */
public final class LiveMerge {

	/** Exchange Online's default limit for a message, 35 MB, until the mailbox's own limit is known. */
	public static final long DEFAULT_MAX_MESSAGE_SIZE = com.securemailmerge.merge.MessageSize.EXCHANGE_ONLINE_DEFAULT;

	private static final long DELAY_MS = 250;

	private final MergeEngine engine;
	private final IEventBroker events;
	private volatile long maxMessageSize = DEFAULT_MAX_MESSAGE_SIZE;
	private volatile @Nullable MergeState last;
	private @Nullable Job running;
	private @Nullable Campaign lastCampaign;
	private @Nullable Path lastFolder;
	private java.util.Set<String> lastHeld = java.util.Set.of();
	private @Nullable RecipientList lastList;
	/** The opt-out list the campaign would go out with now (asked at every run; none until set). */
	private volatile java.util.function.Supplier<java.util.function.Predicate<String>> optOuts = () -> address -> false;

	public LiveMerge(MergeEngine engine, IEventBroker events) {
		this.engine = engine;
		this.events = events;
	}

	/** The last result, if any run finished. */
	public @Nullable MergeState last() {
		return last;
	}

	/** The largest message in bytes that the next runs accept (0: no limit). */
	public long maxMessageSize() {
		return maxMessageSize;
	}

	/** Where the runs to come ask whether an address is opted out (see {@link Sending#optOuts()}). */
	public void setOptOuts(java.util.function.Supplier<java.util.function.Predicate<String>> lists) {
		optOuts = lists;
	}

	/** Sets the size limit for the runs to come; runs nothing by itself (see {@link #recheck()}). */
	public void setMaxMessageSize(long bytes) {
		if (bytes < 0) {
			throw new IllegalArgumentException("A size limit is 0 (none) or positive: " + bytes); //$NON-NLS-1$
		}
		maxMessageSize = bytes;
	}

	/**
	 * Merges the campaign with the recipients a moment from now.
	 *
	 * @param folder the campaign's folder, against which relative attachment paths are resolved
	 */
	public synchronized void update(Campaign campaign, @Nullable Path folder, @Nullable RecipientList list) {
		update(campaign, folder, list, java.util.Set.of());
	}

	/**
	 * As {@link #update(Campaign, Path, RecipientList)}, with the files for everybody that are held
	 * until the user allows them (see {@link CampaignState#held()}): the merge refuses them.
	 */
	public synchronized void update(Campaign campaign, @Nullable Path folder, @Nullable RecipientList list,
			java.util.Set<String> held) {
		lastCampaign = campaign;
		lastHeld = held;
		lastFolder = folder;
		lastList = list;
		Job previous = running;
		if (previous != null) {
			previous.cancel();
		}
		Job job = Job.create(Messages.LiveMerge_job, monitor -> {
			try {
				MergeState state = merge(engine, campaign, folder, list, held, maxMessageSize, optOuts.get(), monitor);
				last = state;
				events.post(Topics.MERGED, state);
				return Status.OK_STATUS;
			} catch (OperationCanceledException e) {
				return Status.CANCEL_STATUS;
			}
		});
		job.setSystem(true);
		running = job;
		job.schedule(DELAY_MS);
	}

	/** Merges the last campaign and recipients again: attachment files or the size limit may have changed. */
	public synchronized void recheck() {
		Campaign campaign = lastCampaign;
		if (campaign != null) {
			update(campaign, lastFolder, lastList, lastHeld);
		}
	}

	/** True while a run is scheduled or working (for tests that wait for the preview). */
	public boolean isBusy() {
		Job job = running;
		return job != null && job.getState() != Job.NONE;
	}

	static MergeState merge(MergeEngine engine, Campaign campaign, @Nullable Path folder, @Nullable RecipientList list,
			java.util.Set<String> held, long maxMessageSize, java.util.function.Predicate<String> optedOut,
			org.eclipse.core.runtime.IProgressMonitor monitor) {
		Compilation compilation = com.securemailmerge.merge.CampaignFolder.compile(engine, campaign, folder, list, held);
		Validation validation = list == null ? null
				: Validation.of(compilation, list, maxMessageSize, optedOut, monitor);
		return new MergeState(compilation, list, validation);
	}
}
