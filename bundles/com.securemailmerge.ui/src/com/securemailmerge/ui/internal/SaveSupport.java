package com.securemailmerge.ui.internal;

import java.nio.file.Path;

import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Shell;

import com.securemailmerge.campaign.CampaignFile;
import com.securemailmerge.campaign.CampaignFileException;

/** Save and Save As with the dialogs they need; shared by the handlers and the template part. */
public final class SaveSupport {

	private SaveSupport() {
	}

	/** Saves; asks for a file when there is none yet or when {@code saveAs}. False: not saved. */
	@SuppressWarnings("null") // Optional.get after isPresent
	public static boolean save(Shell shell, CampaignState state, boolean saveAs) {
		Path target = state.file().isPresent() ? state.file().get() : null;
		if (saveAs || target == null) {
			FileDialog dialog = new FileDialog(shell, SWT.SAVE);
			dialog.setOverwrite(true);
			dialog.setFilterExtensions(new String[] { "*." + CampaignFile.EXTENSION, "*.*" }); //$NON-NLS-1$ //$NON-NLS-2$
			dialog.setFilterNames(new String[] { Messages.Campaign_filterName, Messages.Campaign_filterAll });
			dialog.setFileName(state.campaign().name().isBlank() ? Messages.Campaign_defaultName : state.campaign().name());
			String chosen = dialog.open();
			if (chosen == null) {
				return false;
			}
			target = chosen.endsWith('.' + CampaignFile.EXTENSION) ? Path.of(chosen) : Path.of(chosen + '.' + CampaignFile.EXTENSION);
		}
		try {
			state.save(target);
			return true;
		} catch (CampaignFileException e) {
			MessageDialog.openError(shell, Messages.Campaign_saveFailed, e.getMessage());
			return false;
		}
	}

	/** Asks what to do with unsaved changes; true when the caller may go on (saved or discarded). */
	public static boolean confirmDiscard(Shell shell, CampaignState state) {
		if (!state.isDirty()) {
			return true;
		}
		MessageDialog dialog = new MessageDialog(shell, Messages.Campaign_unsavedTitle, null,
				NLS.bind(Messages.Campaign_unsaved, state.file().map(Path::getFileName).map(Path::toString)
						.orElse(Messages.Campaign_defaultName)),
				MessageDialog.QUESTION, 0, Messages.Campaign_save, Messages.Campaign_discard, Messages.Campaign_cancel);
		return switch (dialog.open()) {
		case 0 -> save(shell, state, false);
		case 1 -> true;
		default -> false;
		};
	}
}
