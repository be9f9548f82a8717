package com.securemailmerge.bare;

import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;

import jakarta.annotation.PostConstruct;

/** The one part of the bare E4 application: a label with the part's name. */
public final class HelloPart {

	@PostConstruct
	void create(Composite parent, MPart part) {
		parent.setLayout(new FillLayout());
		Label label = new Label(parent, SWT.CENTER);
		label.setText(part.getLocalizedLabel());
	}
}
