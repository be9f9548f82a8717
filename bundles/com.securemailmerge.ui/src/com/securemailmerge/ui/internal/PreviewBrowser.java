package com.securemailmerge.ui.internal;

import org.eclipse.jdt.annotation.Nullable;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.SWTError;
import org.eclipse.swt.browser.Browser;
import org.eclipse.swt.browser.LocationListener;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;

/**
 * The preview's browser: scripts off, links never followed, made when there is a first message to
 * show, not with the part (starting the HTML engine costs about a second, and the window should not
 * wait for it). Without a browser engine a line says why.
 */
public final class PreviewBrowser {

	private final Composite parent;
	private final int span;
	private @Nullable Browser browser;
	private boolean failed;
	private String html = ""; //$NON-NLS-1$

	public PreviewBrowser(Composite parent, int span) {
		this.parent = parent;
		this.span = span;
	}

	/** Shows the HTML (already made safe); an empty one makes no browser. */
	public void show(String next) {
		Browser shown = next.isEmpty() ? browser : browser();
		if (shown != null && !next.equals(html)) {
			html = next;
			shown.setText(next, false);
		}
	}

	/** The HTML last given to the browser. */
	public String html() {
		return html;
	}

	private @Nullable Browser browser() {
		Browser existing = browser;
		if (existing != null || failed || parent.isDisposed()) {
			return existing;
		}
		try {
			Browser created = new Browser(parent, SWT.NONE);
			created.setJavascriptEnabled(false);
			created.addLocationListener(LocationListener.changingAdapter(e -> {
				e.doit = e.location.startsWith("about:"); // links in a preview never open //$NON-NLS-1$
			}));
			GridDataFactory.fillDefaults().grab(true, true).span(span, 1).applyTo(created);
			browser = created;
			parent.layout(true);
			return created;
		} catch (SWTError e) {
			failed = true;
			Label missing = Hint.create(parent, NLS.bind(Messages.PreviewPart_noBrowser, e.getMessage()));
			GridDataFactory.fillDefaults().grab(true, true).span(span, 1).applyTo(missing);
			parent.layout(true);
			return null;
		}
	}
}
