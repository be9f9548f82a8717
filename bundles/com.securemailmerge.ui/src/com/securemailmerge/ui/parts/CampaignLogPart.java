package com.securemailmerge.ui.parts;

import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.List;

import com.securemailmerge.ui.internal.Hint;
import com.securemailmerge.ui.internal.Messages;

import jakarta.annotation.PostConstruct;

/** Who got what: the journal of the running or last campaign. */
public final class CampaignLogPart {

	private List entries;

	@PostConstruct
	void createControls(Composite parent) {
		GridLayoutFactory.fillDefaults().margins(4, 4).applyTo(parent);
		Hint.create(parent, Messages.LogPart_empty);
		entries = new List(parent, SWT.V_SCROLL | SWT.BORDER);
		GridDataFactory.fillDefaults().grab(true, true).applyTo(entries);
	}

	@org.eclipse.e4.ui.di.Focus
	void setFocus() {
		entries.setFocus();
	}
}
