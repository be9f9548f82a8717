package com.securemailmerge.ui.parts;

import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;

import com.securemailmerge.ui.internal.Hint;
import com.securemailmerge.ui.internal.Messages;

import jakarta.annotation.PostConstruct;

/** What must be fixed before sending: per recipient and field. */
public final class ProblemsPart {

	private Table problems;

	@PostConstruct
	void createControls(Composite parent) {
		GridLayoutFactory.fillDefaults().margins(4, 4).applyTo(parent);
		Hint.create(parent, Messages.ProblemsPart_empty);
		problems = new Table(parent, SWT.SINGLE | SWT.FULL_SELECTION | SWT.BORDER);
		problems.setHeaderVisible(true);
		for (String title : new String[] { Messages.ProblemsPart_column_problem,
				Messages.ProblemsPart_column_recipient, Messages.ProblemsPart_column_field }) {
			TableColumn column = new TableColumn(problems, SWT.LEFT);
			column.setText(title);
			column.setWidth(200);
		}
		GridDataFactory.fillDefaults().grab(true, true).applyTo(problems);
	}

	@org.eclipse.e4.ui.di.Focus
	void setFocus() {
		problems.setFocus();
	}
}
