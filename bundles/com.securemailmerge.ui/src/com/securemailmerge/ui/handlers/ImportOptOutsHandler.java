package com.securemailmerge.ui.handlers;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;

import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.ui.di.UISynchronize;
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
	void execute(Sending sending, @Optional @Nullable LiveMerge live, UISynchronize sync,
			@Named(IServiceConstants.ACTIVE_SHELL) Shell shell) {
		FileDialog dialog = new FileDialog(shell, SWT.OPEN);
		dialog.setText(Messages.OptOut_importTitle);
		dialog.setFilterExtensions(new String[] { "*.csv;*.txt", "*.*" }); //$NON-NLS-1$ //$NON-NLS-2$
		String chosen = dialog.open();
		if (chosen == null) {
			return;
		}
		CampaignOptOuts optOuts = sending.optOuts();
		Path file = Path.of(chosen);
		// thousands of rows: read and written in a Job, the window stays usable
		Job job = Job.create(Messages.OptOut_importTitle, monitor -> {
			String shown;
			boolean failed = false;
			try {
				OptOutList list = optOuts.list();
				OptOutCsv.Imported imported = OptOutCsv.importInto(list, file, String.valueOf(file.getFileName()),
						Instant.now());
				String refused = imported.refused().isEmpty() ? "" //$NON-NLS-1$
						: "\n\n" + String.join("\n", imported.refused().subList(0, Math.min(20, imported.refused().size()))); //$NON-NLS-1$ //$NON-NLS-2$
				shown = NLS.bind(Messages.OptOut_imported,
						new Object[] { imported.added(), optOuts.label(), imported.already(), refused });
			} catch (IOException | RuntimeException e) {
				shown = NLS.bind(Messages.OptOut_failed, e.getMessage());
				failed = true;
			}
			String message = shown;
			boolean error = failed;
			sync.asyncExec(() -> {
				if (!shell.isDisposed()) {
					if (error) {
						MessageDialog.openError(shell, Messages.OptOut_importTitle, message);
					} else {
						MessageDialog.openInformation(shell, Messages.OptOut_importTitle, message);
					}
				}
				if (live != null) {
					live.recheck();
				}
			});
		});
		job.setUser(true);
		job.schedule();
	}
}
