package com.securemailmerge.ui.internal;

import org.eclipse.jdt.annotation.Nullable;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.ProgressBar;

/**
 * A progress bar and Cancel shown above a control while work runs; made when first shown (an
 * indeterminate bar animates even while hidden).
 */
public final class BusyBar {

	private final Control above;
	private final int span;
	private final Runnable cancel;
	private @Nullable Composite bar;

	public BusyBar(Control above, int span, Runnable cancel) {
		this.above = above;
		this.span = span;
		this.cancel = cancel;
	}

	public void show(boolean show) {
		Composite current = bar;
		if (current == null) {
			if (!show || above.isDisposed()) {
				return;
			}
			current = create(above.getParent());
			current.moveAbove(above);
			bar = current;
		}
		if (current.isDisposed()) {
			return;
		}
		current.setVisible(show);
		((GridData) current.getLayoutData()).exclude = !show;
		current.getParent().layout(true);
	}

	private Composite create(Composite parent) {
		Composite created = new Composite(parent, SWT.NONE);
		GridLayoutFactory.fillDefaults().numColumns(2).applyTo(created);
		GridDataFactory.fillDefaults().grab(true, false).span(span, 1).exclude(true).applyTo(created);
		ProgressBar progress = new ProgressBar(created, SWT.INDETERMINATE);
		GridDataFactory.fillDefaults().grab(true, false).applyTo(progress);
		Button button = new Button(created, SWT.PUSH);
		button.setText(Messages.RecipientsPart_cancel);
		button.addListener(SWT.Selection, e -> cancel.run());
		return created;
	}
}
