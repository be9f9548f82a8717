package com.securemailmerge.ui.handlers;

import org.eclipse.e4.core.di.annotations.CanExecute;
import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.ui.services.IServiceConstants;
import org.eclipse.swt.widgets.Shell;

import com.securemailmerge.ui.internal.LiveMerge;
import com.securemailmerge.ui.internal.SendActions;
import com.securemailmerge.ui.internal.Sending;

import jakarta.inject.Named;

/**
 * Send > Withdraw Scheduled Messages...: deletes the campaign's scheduled messages that have not gone
 * out (those due within two minutes are left: they may be going out), after asking.
 */
public final class WithdrawScheduledHandler {

	@CanExecute
	boolean canExecute(Sending sending, LiveMerge live) {
		return !sending.isRunning() && SendActions.scheduled(sending, live) > 0;
	}

	@Execute
	void execute(@Named(IServiceConstants.ACTIVE_SHELL) Shell shell, Sending sending, LiveMerge live) {
		SendActions.withdraw(shell, sending, live);
	}
}
