package com.securemailmerge.ui.parts;

import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.StyledText;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;

import com.securemailmerge.ui.internal.Messages;

import jakarta.annotation.PostConstruct;

/** The template editor: subject line and message body, side by side with the recipients. */
public final class TemplatePart {

	private Text subject;
	private StyledText body;

	@PostConstruct
	void createControls(Composite parent) {
		GridLayoutFactory.fillDefaults().numColumns(2).margins(4, 4).applyTo(parent);
		new Label(parent, SWT.NONE).setText(Messages.TemplatePart_subject);
		subject = new Text(parent, SWT.BORDER | SWT.SINGLE);
		GridDataFactory.fillDefaults().grab(true, false).applyTo(subject);
		Label bodyLabel = new Label(parent, SWT.NONE);
		bodyLabel.setText(Messages.TemplatePart_body);
		GridDataFactory.fillDefaults().align(SWT.BEGINNING, SWT.BEGINNING).applyTo(bodyLabel);
		body = new StyledText(parent, SWT.BORDER | SWT.MULTI | SWT.V_SCROLL | SWT.H_SCROLL | SWT.WRAP);
		GridDataFactory.fillDefaults().grab(true, true).applyTo(body);
	}

	@org.eclipse.e4.ui.di.Focus
	void setFocus() {
		subject.setFocus();
	}
}
