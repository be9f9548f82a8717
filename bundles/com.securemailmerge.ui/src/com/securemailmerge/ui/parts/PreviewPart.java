package com.securemailmerge.ui.parts;

import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;

import com.securemailmerge.ui.internal.Hint;
import com.securemailmerge.ui.internal.Messages;

import jakarta.annotation.PostConstruct;

/** The merged message of the recipient selected in the address book. */
public final class PreviewPart {

	private Label hint;

	@PostConstruct
	void createControls(Composite parent) {
		GridLayoutFactory.fillDefaults().margins(4, 4).applyTo(parent);
		hint = Hint.create(parent, Messages.PreviewPart_empty);
	}

	@org.eclipse.e4.ui.di.Focus
	void setFocus() {
		hint.getParent().setFocus();
	}
}
