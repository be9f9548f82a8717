package com.securemailmerge.ui.handlers;

import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.ui.services.IServiceConstants;
import org.eclipse.e4.ui.workbench.IWorkbench;
import org.eclipse.jdt.annotation.Nullable;
import org.eclipse.swt.widgets.Shell;

import com.securemailmerge.ui.internal.CampaignState;
import com.securemailmerge.ui.internal.SaveSupport;

import jakarta.inject.Named;

/** File > Exit: asks about unsaved changes, then closes the workbench (which keeps the layout). */
public final class ExitHandler {

	@Execute
	void execute(IWorkbench workbench, @Named(IServiceConstants.ACTIVE_SHELL) Shell shell,
			@Optional @Nullable CampaignState state) {
		if (state == null || SaveSupport.confirmDiscard(shell, state)) {
			workbench.close();
		}
	}
}
