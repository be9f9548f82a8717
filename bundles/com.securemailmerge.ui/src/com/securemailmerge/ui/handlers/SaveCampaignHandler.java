package com.securemailmerge.ui.handlers;

import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.ui.services.IServiceConstants;
import org.eclipse.swt.widgets.Shell;

import com.securemailmerge.ui.internal.CampaignState;
import com.securemailmerge.ui.internal.SaveSupport;

import jakarta.inject.Named;

/** File > Save (Ctrl+S): to the campaign's file, or asks for one. */
public final class SaveCampaignHandler {

	@Execute
	void execute(@Named(IServiceConstants.ACTIVE_SHELL) Shell shell, CampaignState state) {
		SaveSupport.save(shell, state, false);
	}
}
