package com.securemailmerge.ui.handlers;

import org.eclipse.e4.core.di.annotations.CanExecute;
import org.eclipse.e4.core.di.annotations.Execute;

import com.securemailmerge.ui.internal.Sending;

/** Send > Cancel: stops after the messages under way; sending again resumes where it stopped. */
public final class CancelSendingHandler {

	@CanExecute
	boolean canExecute(Sending sending) {
		return sending.isRunning();
	}

	@Execute
	void execute(Sending sending) {
		sending.cancel();
	}
}
