package com.securemailmerge.ui.p2.dialogs;

import java.util.function.Supplier;

import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.swt.widgets.Shell;

import com.securemailmerge.ui.p2.internal.Messages;
import com.securemailmerge.ui.p2.internal.UnsignedContentPrompt;

/**
 * Asks on the UI thread, over the install dialog, whether to install content that is not signed;
 * "No" is the default button. No dialog left to ask over means no.
 */
final class UnsignedContentQuestion implements UnsignedContentPrompt {

	private final Supplier<Shell> shell;

	UnsignedContentQuestion(Supplier<Shell> shell) {
		this.shell = shell;
	}

	@Override
	public boolean installAnyway(String question) {
		Shell parent = shell.get();
		if (parent == null || parent.isDisposed()) {
			return false;
		}
		boolean[] yes = { false };
		parent.getDisplay().syncExec(() -> yes[0] = !parent.isDisposed() && new MessageDialog(parent, Messages.Trust_title,
				null, question, MessageDialog.WARNING, 1, IDialogConstants.YES_LABEL, IDialogConstants.NO_LABEL).open() == 0);
		return yes[0];
	}
}
