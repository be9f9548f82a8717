package com.securemailmerge.ui.internal;

import java.util.List;

import org.eclipse.core.runtime.OperationCanceledException;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.e4.core.services.events.IEventBroker;
import org.eclipse.jdt.annotation.Nullable;

import com.securemailmerge.merge.Compilation;
import com.securemailmerge.merge.MergeEngine;
import com.securemailmerge.merge.MergeInput;
import com.securemailmerge.merge.Validation;
import com.securemailmerge.model.Campaign;
import com.securemailmerge.model.Field;
import com.securemailmerge.model.RecipientList;

/**
 * Compiles the template and validates the recipients in a Job whenever either changes, a moment
 * after the last keystroke, and announces the result ({@link Topics#MERGED}). A newer change
 * cancels the run in progress, so typing never waits for validation.
 */
public final class LiveMerge {

	private static final long DELAY_MS = 250;

	private final MergeEngine engine;
	private final IEventBroker events;
	private @Nullable MergeState last;
	private @Nullable Job running;

	public LiveMerge(MergeEngine engine, IEventBroker events) {
		this.engine = engine;
		this.events = events;
	}

	/** The last result, if any run finished. */
	public @Nullable MergeState last() {
		return last;
	}

	public synchronized void update(Campaign campaign, @Nullable RecipientList list) {
		Job previous = running;
		if (previous != null) {
			previous.cancel();
		}
		Job job = Job.create(Messages.LiveMerge_job, monitor -> {
			try {
				MergeState state = merge(engine, campaign, list, monitor);
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

	/** True while a run is scheduled or working (for tests that wait for the preview). */
	public boolean isBusy() {
		Job job = running;
		return job != null && job.getState() != Job.NONE;
	}

	static MergeState merge(MergeEngine engine, Campaign campaign, @Nullable RecipientList list,
			org.eclipse.core.runtime.IProgressMonitor monitor) {
		List<String> fields = list == null ? List.of() : list.fields().stream().map(Field::name).toList();
		String emailField = list == null ? campaign.settings().emailField() : list.emailField();
		Compilation compilation = engine.compile(new MergeInput(campaign.template(), campaign.attachments(), fields,
				emailField, campaign.settings().locale()));
		Validation validation = list == null ? null : Validation.of(compilation, list, monitor);
		return new MergeState(compilation, list, validation);
	}
}
