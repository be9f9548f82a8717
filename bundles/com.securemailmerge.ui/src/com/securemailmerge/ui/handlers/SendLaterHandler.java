package com.securemailmerge.ui.handlers;

import java.time.Instant;

import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.ui.services.IServiceConstants;
import org.eclipse.swt.widgets.Shell;

import com.securemailmerge.ui.internal.CampaignState;
import com.securemailmerge.ui.internal.LiveMerge;
import com.securemailmerge.ui.internal.SendActions;
import com.securemailmerge.ui.internal.SendAtDialog;
import com.securemailmerge.ui.internal.Sending;

import jakarta.inject.Named;

/**
 * Send > Send Later...: asks for the day and time, then tells the plan and schedules the campaign's
 * messages (Exchange's deferred delivery; offline, the time in each .eml).
 */
public final class SendLaterHandler {

	@Execute
	void execute(@Named(IServiceConstants.ACTIVE_SHELL) Shell shell, Sending sending, CampaignState state, LiveMerge live) {
		SendActions.sendCampaign(shell, sending, state, live, (plan, exchange) -> {
			SendAtDialog dialog = new SendAtDialog(shell, plan.toSend(), exchange);
			Instant at = dialog.open() == org.eclipse.jface.window.Window.OK ? dialog.chosen() : null;
			return at;
		});
	}
}
