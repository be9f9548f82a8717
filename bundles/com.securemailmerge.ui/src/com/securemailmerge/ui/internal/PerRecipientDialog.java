package com.securemailmerge.ui.internal;

import java.util.List;
import java.util.function.Supplier;

import org.eclipse.jface.dialogs.InputDialog;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Shell;

/** Asks for the path template of a per-recipient attachment, with completion of field names. */
public final class PerRecipientDialog extends InputDialog {

	private final Supplier<List<String>> fields;

	public PerRecipientDialog(Shell shell, Supplier<List<String>> fields) {
		super(shell, Messages.AttachmentsPart_dialogTitle, Messages.AttachmentsPart_dialogMessage, "", //$NON-NLS-1$
				text -> text.isBlank() ? Messages.AttachmentsPart_dialogEmpty : null);
		this.fields = fields;
	}

	@Override
	@org.eclipse.jdt.annotation.NonNullByDefault({}) // JFace's dialog carries no null annotations
	protected Control createDialogArea(Composite parent) {
		Control area = super.createDialogArea(parent);
		getText().setMessage(Messages.AttachmentsPart_dialogExample);
		FieldCompletion.install(getText(), fields);
		return area;
	}
}
