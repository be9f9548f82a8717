package com.securemailmerge.ui.parts;

import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Table;

import com.securemailmerge.ui.internal.Hint;
import com.securemailmerge.ui.internal.Messages;

import jakarta.annotation.PostConstruct;

/** Common and per-recipient attachments of the campaign. */
public final class AttachmentsPart {

	private Table attachments;

	@PostConstruct
	void createControls(Composite parent) {
		GridLayoutFactory.fillDefaults().margins(4, 4).applyTo(parent);
		Hint.create(parent, Messages.AttachmentsPart_empty);
		attachments = new Table(parent, SWT.MULTI | SWT.FULL_SELECTION | SWT.BORDER);
		GridDataFactory.fillDefaults().grab(true, true).applyTo(attachments);
	}

	@org.eclipse.e4.ui.di.Focus
	void setFocus() {
		attachments.setFocus();
	}
}
