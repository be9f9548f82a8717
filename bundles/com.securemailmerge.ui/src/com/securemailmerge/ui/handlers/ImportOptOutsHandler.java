package com.securemailmerge.ui.handlers;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;

import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.ui.services.IServiceConstants;
import org.eclipse.jdt.annotation.Nullable;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Shell;

import com.securemailmerge.optouts.OptOutCsv;
import com.securemailmerge.optouts.OptOutList;
import com.securemailmerge.ui.internal.CampaignOptOuts;
import com.securemailmerge.ui.internal.LiveMerge;
import com.securemailmerge.ui.internal.Messages;
import com.securemailmerge.ui.internal.Sending;

import jakarta.inject.Named;

/** Send > Import Opt-outs: a CSV of addresses (from another tool, a form, a spreadsheet) onto the list. */
public final class ImportOptOutsHandler {

	@Execute
	void execute(Sending sending, @Optional @Nullable LiveMerge live, @Named(IServiceConstants.ACTIVE_SHELL) Shell shell) {
		FileDialog dialog = new FileDialog(shell, SWT.OPEN);
		dialog.setText(Messages.OptOut_importTitle);
		dialog.setFilterExtensions(new String[] { "*.csv;*.txt", "*.*" }); //$NON-NLS-1$ //$NON-NLS-2$
		String chosen = dialog.open();
		if (chosen == null) {
			return;
		}
		CampaignOptOuts optOuts = sending.optOuts();
		try {
			OptOutList list = optOuts.list();
			Path file = Path.of(chosen);
			OptOutCsv.Imported imported = OptOutCsv.importInto(list, file, String.valueOf(file.getFileName()), Instant.now());
			String refused = imported.refused().isEmpty() ? "" //$NON-NLS-1$
					: "\n\n" + String.join("\n", imported.refused().subList(0, Math.min(20, imported.refused().size()))); //$NON-NLS-1$ //$NON-NLS-2$
			MessageDialog.openInformation(shell, Messages.OptOut_importTitle, NLS.bind(Messages.OptOut_imported,
					new Object[] { imported.added(), optOuts.label(), imported.already(), refused }));
		} catch (IOException | RuntimeException e) {
			MessageDialog.openError(shell, Messages.OptOut_importTitle, NLS.bind(Messages.OptOut_failed, e.getMessage()));
		}
		if (live != null) {
			live.recheck();
		}
	}
}
