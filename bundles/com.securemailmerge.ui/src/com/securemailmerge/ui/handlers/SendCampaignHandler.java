package com.securemailmerge.ui.handlers;

import jakarta.inject.Named;

import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.ui.services.IServiceConstants;
import org.eclipse.swt.widgets.Shell;

import com.securemailmerge.ui.internal.CampaignState;
import com.securemailmerge.ui.internal.LiveMerge;
import com.securemailmerge.ui.internal.SendActions;
import com.securemailmerge.ui.internal.Sending;

/** Send > Send Campaign (Ctrl+Enter): tells the plan, asks, and starts or resumes the campaign. */
public final class SendCampaignHandler {

	@Execute
	void execute(@Named(IServiceConstants.ACTIVE_SHELL) Shell shell, Sending sending, CampaignState state, LiveMerge live) {
		SendActions.sendCampaign(shell, sending, state, live);
	}
}
