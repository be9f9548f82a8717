package com.securemailmerge.ui.handlers;

import java.io.IOException;
import java.nio.file.Path;

import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.ui.services.IServiceConstants;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Shell;

import com.securemailmerge.optouts.OptOutCsv;
import com.securemailmerge.optouts.OptOutList;
import com.securemailmerge.ui.internal.Messages;
import com.securemailmerge.ui.internal.Sending;

import jakarta.inject.Named;

/** Send > Export Opt-outs: the list of the current profile as a CSV a spreadsheet opens safely. */
public final class ExportOptOutsHandler {

	@Execute
	void execute(Sending sending, @Named(IServiceConstants.ACTIVE_SHELL) Shell shell) {
		FileDialog dialog = new FileDialog(shell, SWT.SAVE);
		dialog.setText(Messages.OptOut_exportTitle);
		dialog.setFilterExtensions(new String[] { "*.csv" }); //$NON-NLS-1$
		dialog.setOverwrite(true);
		String chosen = dialog.open();
		if (chosen == null) {
			return;
		}
		try {
			OptOutList list = sending.optOuts().list();
			OptOutCsv.export(list, Path.of(chosen));
		} catch (IOException | RuntimeException e) {
			MessageDialog.openError(shell, Messages.OptOut_exportTitle, NLS.bind(Messages.OptOut_failed, e.getMessage()));
		}
	}
}
