package com.securemailmerge.ui.internal;

import java.util.function.Consumer;

import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.OperationCanceledException;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.IJobChangeEvent;
import org.eclipse.core.runtime.jobs.IJobFunction;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.core.runtime.jobs.JobChangeAdapter;
import org.eclipse.e4.core.di.annotations.Creatable;
import org.eclipse.e4.ui.di.UISynchronize;
import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.eclipse.osgi.util.NLS;

import com.securemailmerge.model.CampaignSettings;
import com.securemailmerge.model.SourceReference;
import com.securemailmerge.recipients.LoadResult;
import com.securemailmerge.recipients.RecipientSourceDescriptor;
import com.securemailmerge.recipients.SourceException;

import jakarta.inject.Inject;

/**
 * Reads recipients in a Job the user can cancel, one load at a time: a new load cancels the one
 * under way. With campaign settings (a campaign being opened) its e-mail column and exclusions are
 * applied to what was read. Results and failures are handed over in the UI thread.
 */
@Creatable
public final class RecipientLoading {

	/** What becomes of a load, told in the UI thread. */
	public interface Outcome {
		void loaded(LoadResult result);

		void failed(String message);

		void busy(boolean busy);
	}

	private final UISynchronize sync;
	private @Nullable Job loading;

	@Inject
	public RecipientLoading(UISynchronize sync) {
		this.sync = sync;
	}

	public void start(RecipientSourceDescriptor descriptor, SourceReference reference, String name,
			@Nullable CampaignSettings settings, Outcome outcome) {
		cancel();
		Job job = Job.create(NLS.bind(Messages.RecipientsPart_loading, name),
				(IJobFunction) monitor -> read(descriptor, reference, settings, outcome, monitor));
		job.setUser(true);
		job.addJobChangeListener(new JobChangeAdapter() {
			@Override
			@NonNullByDefault({})
			public void done(IJobChangeEvent event) {
				sync.asyncExec(() -> outcome.busy(false));
			}
		});
		loading = job;
		outcome.busy(true);
		job.schedule();
	}

	public void cancel() {
		Job running = loading;
		if (running != null) {
			running.cancel();
		}
	}

	/** True while a load runs. */
	public boolean isLoading() {
		Job job = loading;
		return job != null && job.getState() != Job.NONE;
	}

	private IStatus read(RecipientSourceDescriptor descriptor, SourceReference reference,
			@Nullable CampaignSettings settings, Outcome outcome, IProgressMonitor monitor) {
		try {
			LoadResult loaded = descriptor.create().load(reference, monitor);
			LoadResult result = settings == null ? loaded : loaded.withSettings(settings);
			sync.asyncExec(() -> outcome.loaded(result));
			return Status.OK_STATUS;
		} catch (OperationCanceledException e) {
			return Status.CANCEL_STATUS;
		} catch (SourceException | CoreException e) {
			String message = String.valueOf(e.getMessage());
			sync.asyncExec(() -> outcome.failed(message));
			return Status.OK_STATUS; // the user is told by the outcome
		}
	}
}
