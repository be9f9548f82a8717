package com.securemailmerge.ui.handlers;

import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.ui.services.IServiceConstants;
import org.eclipse.swt.widgets.Shell;

import com.securemailmerge.ui.internal.CampaignState;
import com.securemailmerge.ui.internal.SaveSupport;

import jakarta.inject.Named;

/** File > New: an empty campaign, after asking about unsaved changes. */
public final class NewCampaignHandler {

	@Execute
	void execute(@Named(IServiceConstants.ACTIVE_SHELL) Shell shell, CampaignState state) {
		if (SaveSupport.confirmDiscard(shell, state)) {
			state.newCampaign();
		}
	}
}
