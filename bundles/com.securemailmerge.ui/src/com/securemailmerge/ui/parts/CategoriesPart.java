package com.securemailmerge.ui.parts;

import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Table;

import com.securemailmerge.ui.internal.Hint;
import com.securemailmerge.ui.internal.Messages;

import jakarta.annotation.PostConstruct;

/** The Outlook categories of the loaded mailbox, ticked to filter the address book. */
public final class CategoriesPart {

	private Table categories;

	@PostConstruct
	void createControls(Composite parent) {
		GridLayoutFactory.fillDefaults().margins(4, 4).applyTo(parent);
		Hint.create(parent, Messages.CategoriesPart_empty);
		categories = new Table(parent, SWT.CHECK | SWT.BORDER);
		GridDataFactory.fillDefaults().grab(true, true).applyTo(categories);
	}

	@org.eclipse.e4.ui.di.Focus
	void setFocus() {
		categories.setFocus();
	}
}
