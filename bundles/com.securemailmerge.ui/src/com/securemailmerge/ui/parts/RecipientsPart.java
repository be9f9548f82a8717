package com.securemailmerge.ui.parts;

import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;

import com.securemailmerge.ui.internal.Hint;
import com.securemailmerge.ui.internal.Messages;

import jakarta.annotation.PostConstruct;

/** The address book: the recipients of the loaded source in a virtual table. */
public final class RecipientsPart {

	private Table table;
	private Label count;

	@PostConstruct
	void createControls(Composite parent) {
		GridLayoutFactory.fillDefaults().margins(4, 4).applyTo(parent);
		Hint.create(parent, Messages.RecipientsPart_empty);
		table = new Table(parent, SWT.VIRTUAL | SWT.MULTI | SWT.FULL_SELECTION | SWT.BORDER | SWT.CHECK);
		table.setHeaderVisible(true);
		table.setLinesVisible(true);
		GridDataFactory.fillDefaults().grab(true, true).applyTo(table);
		count = new Label(parent, SWT.NONE);
		count.setText(NLS.bind(Messages.RecipientsPart_count, 0, 0));
		GridDataFactory.fillDefaults().grab(true, false).applyTo(count);
	}

	@org.eclipse.e4.ui.di.Focus
	void setFocus() {
		table.setFocus();
	}
}
