package com.securemailmerge.ui.p2.dialogs;

import java.util.function.Consumer;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.ProgressMonitorWrapper;
import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jface.wizard.ProgressMonitorPart;
import org.eclipse.swt.widgets.Display;

/**
 * A Job's progress monitor that also moves the progress bar of a dialog (on the UI thread, while
 * the bar exists). Cancelling the Job cancels the work.
 */
@NonNullByDefault({}) // overrides of an unannotated monitor
final class DialogMonitor extends ProgressMonitorWrapper {

	private final ProgressMonitorPart part;
	private final Display display;

	DialogMonitor(IProgressMonitor monitor, ProgressMonitorPart part, Display display) {
		super(monitor);
		this.part = part;
		this.display = display;
	}

	@Override
	public void beginTask(String name, int totalWork) {
		super.beginTask(name, totalWork);
		show(bar -> bar.beginTask(name, totalWork));
	}

	@Override
	public void setTaskName(String name) {
		super.setTaskName(name);
		show(bar -> bar.setTaskName(name));
	}

	@Override
	public void subTask(String name) {
		super.subTask(name);
		show(bar -> bar.subTask(name));
	}

	@Override
	public void worked(int work) {
		super.worked(work);
		show(bar -> bar.worked(work));
	}

	@Override
	public void internalWorked(double work) {
		super.internalWorked(work);
		show(bar -> bar.internalWorked(work));
	}

	@Override
	public void done() {
		super.done();
		show(ProgressMonitorPart::done);
	}

	private void show(Consumer<ProgressMonitorPart> update) {
		if (display.isDisposed()) {
			return;
		}
		display.asyncExec(() -> {
			if (!part.isDisposed()) {
				update.accept(part);
			}
		});
	}
}
