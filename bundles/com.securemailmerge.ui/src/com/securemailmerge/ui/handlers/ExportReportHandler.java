package com.securemailmerge.ui.handlers;

import jakarta.inject.Named;

import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.ui.services.IServiceConstants;
import org.eclipse.swt.widgets.Shell;

import com.securemailmerge.ui.internal.CampaignState;
import com.securemailmerge.ui.internal.LiveMerge;
import com.securemailmerge.ui.internal.SendActions;
import com.securemailmerge.ui.internal.Sending;

/** Send > Export Report: who got what, as CSV. */
public final class ExportReportHandler {

	@Execute
	void execute(@Named(IServiceConstants.ACTIVE_SHELL) Shell shell, Sending sending, CampaignState state, LiveMerge live) {
		SendActions.exportReport(shell, sending, state, live);
	}
}
