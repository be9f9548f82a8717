package com.securemailmerge.ui.handlers;

import java.io.IOException;
import java.util.List;
import java.util.stream.Collectors;

import org.eclipse.e4.core.di.annotations.CanExecute;
import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.eclipse.e4.ui.services.IServiceConstants;
import org.eclipse.jdt.annotation.Nullable;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.widgets.Shell;

import com.securemailmerge.model.RecipientList;
import com.securemailmerge.ui.internal.CampaignOptOuts;
import com.securemailmerge.ui.internal.LiveMerge;
import com.securemailmerge.ui.internal.Messages;
import com.securemailmerge.ui.internal.Sending;
import com.securemailmerge.ui.parts.RecipientsPart;

import jakarta.inject.Named;

/**
 * The address book's "Never mail again": the selected recipients' addresses go on the opt-out list
 * of the profile the campaign goes out from, after the user confirmed them by name.
 */
public final class OptOutHandler {

	@CanExecute
	boolean canExecute(@Optional @Nullable MPart part, @Optional @Nullable RecipientList list) {
		return part != null && part.getObject() instanceof RecipientsPart recipients && list != null
				&& list.emailField() != null && !recipients.selectedRecipients().isEmpty();
	}

	@Execute
	void execute(MPart part, RecipientList list, Sending sending, @Optional @Nullable LiveMerge live,
			@Named(IServiceConstants.ACTIVE_SHELL) Shell shell) {
		String email = list.emailField();
		if (!(part.getObject() instanceof RecipientsPart recipients) || email == null) {
			return;
		}
		List<String> addresses = recipients.selectedRecipients().stream().map(r -> r.text(email).strip())
				.filter(a -> !a.isEmpty()).distinct().toList();
		CampaignOptOuts optOuts = sending.optOuts();
		try {
			optOuts.list(); // refused before the question when there is no list to put them on
		} catch (IOException e) {
			MessageDialog.openError(shell, Messages.OptOut_confirmTitle, NLS.bind(Messages.OptOut_failed, e.getMessage()));
			return;
		}
		if (addresses.isEmpty() || !MessageDialog.openConfirm(shell, Messages.OptOut_confirmTitle, NLS.bind(Messages.OptOut_confirm,
				new Object[] { addresses.size(), optOuts.label(), addresses.stream().limit(20).collect(Collectors.joining("\n")) }))) { //$NON-NLS-1$
			return;
		}
		try {
			CampaignOptOuts.Added added = optOuts.add(addresses, ""); //$NON-NLS-1$
			if (!added.refused().isEmpty()) {
				MessageDialog.openWarning(shell, Messages.OptOut_confirmTitle, NLS.bind(Messages.OptOut_refused,
						added.added(), String.join(", ", added.refused()))); //$NON-NLS-1$
			}
		} catch (IOException | IllegalArgumentException e) {
			MessageDialog.openError(shell, Messages.OptOut_confirmTitle, NLS.bind(Messages.OptOut_failed, e.getMessage()));
		}
		if (live != null) {
			live.recheck(); // the Problems view names them now
		}
	}
}
