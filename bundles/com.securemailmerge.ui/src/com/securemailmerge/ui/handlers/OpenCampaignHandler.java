package com.securemailmerge.ui.handlers;

import java.nio.file.Path;

import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.ui.services.IServiceConstants;
import org.eclipse.jdt.annotation.Nullable;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Shell;

import com.securemailmerge.campaign.CampaignFile;
import com.securemailmerge.campaign.CampaignFileException;
import com.securemailmerge.ui.internal.CampaignState;
import com.securemailmerge.ui.internal.Messages;
import com.securemailmerge.ui.internal.SaveSupport;

import jakarta.inject.Named;

/**
 * File > Open (a file dialog) and the recent files (the command's {@code file} parameter names the
 * file).
 */
public final class OpenCampaignHandler {

	static final String FILE_PARAMETER = "com.securemailmerge.ui.command.open.file"; //$NON-NLS-1$

	@Execute
	void execute(@Named(IServiceConstants.ACTIVE_SHELL) Shell shell, CampaignState state,
			@Optional @Named(FILE_PARAMETER) @Nullable String file) {
		if (!SaveSupport.confirmDiscard(shell, state)) {
			return;
		}
		String chosen = file;
		if (chosen == null) {
			FileDialog dialog = new FileDialog(shell, SWT.OPEN);
			dialog.setFilterExtensions(new String[] { "*." + CampaignFile.EXTENSION, "*.*" }); //$NON-NLS-1$ //$NON-NLS-2$
			dialog.setFilterNames(new String[] { Messages.Campaign_filterName, Messages.Campaign_filterAll });
			chosen = dialog.open();
		}
		if (chosen != null) {
			open(shell, state, Path.of(chosen));
		}
	}

	static void open(Shell shell, CampaignState state, Path file) {
		try {
			state.open(file);
		} catch (CampaignFileException e) {
			MessageDialog.openError(shell, Messages.Campaign_openFailed, e.getMessage());
		}
	}
}
