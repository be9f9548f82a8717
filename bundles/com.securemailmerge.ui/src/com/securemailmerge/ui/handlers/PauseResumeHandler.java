package com.securemailmerge.ui.handlers;

import org.eclipse.e4.core.di.annotations.CanExecute;
import org.eclipse.e4.core.di.annotations.Execute;

import com.securemailmerge.ui.internal.Sending;

/** Send > Pause / Resume: no new message starts while paused; those under way finish. */
public final class PauseResumeHandler {

	@CanExecute
	boolean canExecute(Sending sending) {
		return sending.isRunning();
	}

	@Execute
	void execute(Sending sending) {
		if (sending.isPaused()) {
			sending.resume();
		} else {
			sending.pause();
		}
	}
}
