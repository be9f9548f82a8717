package com.securemailmerge.ui.handlers;

import java.nio.file.Path;

import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.ui.model.application.ui.menu.MMenuItem;
import org.eclipse.e4.ui.services.IServiceConstants;
import org.eclipse.swt.widgets.Shell;

import com.securemailmerge.ui.internal.CampaignState;
import com.securemailmerge.ui.internal.SaveSupport;

import jakarta.inject.Named;

/** One entry of the recent campaigns menu: opens its file. */
public final class RecentCampaignItem {

	static final String FILE = "com.securemailmerge.ui.recent.file"; //$NON-NLS-1$

	@Execute
	void execute(MMenuItem item, @Named(IServiceConstants.ACTIVE_SHELL) Shell shell, CampaignState state) {
		Object file = item.getTransientData().get(FILE);
		if (file instanceof String path && SaveSupport.confirmDiscard(shell, state)) {
			OpenCampaignHandler.open(shell, state, Path.of(path));
		}
	}
}
