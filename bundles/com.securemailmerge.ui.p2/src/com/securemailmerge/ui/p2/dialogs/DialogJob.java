package com.securemailmerge.ui.p2.dialogs;

import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.OperationCanceledException;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jdt.annotation.Nullable;
import org.eclipse.jface.wizard.ProgressMonitorPart;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;

/**
 * Work of a dialog in a Job: the dialog's progress bar (if it has one) follows it, and the result,
 * or the problem, comes back on the UI thread while the dialog is still open. The Job itself
 * always ends OK: the dialog shows its problems.
 */
final class DialogJob {

	/** Blocking work, given the Job's monitor. */
	@FunctionalInterface
	interface Work<T> {
		T run(IProgressMonitor monitor) throws CoreException;
	}

	/** On the UI thread: the result (null when the work failed) and the status (OK, CANCEL or the problem). */
	@FunctionalInterface
	interface Done<T> {
		void accept(@Nullable T result, IStatus status);
	}

	private DialogJob() {
	}

	static <T> Job schedule(String name, Control owner, @Nullable ProgressMonitorPart progress, Work<T> work,
			Done<T> done) {
		Display display = owner.getDisplay();
		Job job = Job.create(name, monitor -> {
			@Nullable T result = null;
			IStatus status = Status.OK_STATUS;
			try {
				result = work.run(progress == null ? monitor : new DialogMonitor(monitor, progress, display));
			} catch (CoreException e) {
				status = e.getStatus();
			} catch (OperationCanceledException e) {
				status = Status.CANCEL_STATUS;
			}
			@Nullable T outcome = result;
			IStatus outcomeStatus = status;
			if (!display.isDisposed()) {
				display.asyncExec(() -> {
					if (!owner.isDisposed()) {
						done.accept(outcome, outcomeStatus);
					}
				});
			}
			return Status.OK_STATUS;
		});
		job.schedule();
		return job;
	}
}
