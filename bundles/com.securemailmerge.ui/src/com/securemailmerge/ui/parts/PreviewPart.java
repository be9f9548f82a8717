package com.securemailmerge.ui.parts;

import java.util.stream.Collectors;

import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.core.services.events.IEventBroker;
import org.eclipse.e4.ui.di.UIEventTopic;
import org.eclipse.jdt.annotation.Nullable;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;

import com.securemailmerge.merge.CompiledTemplate;
import com.securemailmerge.merge.Rendering;
import com.securemailmerge.model.Problem;
import com.securemailmerge.model.Recipient;
import com.securemailmerge.model.RecipientList;
import com.securemailmerge.ui.internal.Hint;
import com.securemailmerge.ui.internal.PreviewBrowser;
import com.securemailmerge.ui.internal.MergeState;
import com.securemailmerge.ui.internal.Messages;
import com.securemailmerge.ui.internal.Topics;

import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;

/**
 * The merged message of the recipient selected in the address book: To, Cc, subject and
 * attachments above, the body rendered in the browser (scripts off). Previous and next step
 * through the shown recipients. Renders on the UI thread from the last compiled template: one
 * message takes well under a millisecond; compiling and validating happen in the live merge's Job.
 */
public final class PreviewPart {

	@Inject
	private IEventBroker events;

	private Label recipientLabel;
	private Label header;
	private Label problems;
	private PreviewBrowser browser;
	private final com.securemailmerge.ui.internal.ShownRecipient selection = new com.securemailmerge.ui.internal.ShownRecipient();
	private @Nullable MergeState state;

	@PostConstruct
	void createControls(Composite parent) {
		GridLayoutFactory.fillDefaults().numColumns(3).margins(4, 4).applyTo(parent);
		Button previous = new Button(parent, SWT.PUSH);
		previous.setText(Messages.PreviewPart_previous);
		previous.addListener(SWT.Selection, e -> events.send(Topics.STEP_RECIPIENT, Integer.valueOf(-1)));
		recipientLabel = new Label(parent, SWT.CENTER);
		GridDataFactory.fillDefaults().grab(true, false).align(SWT.FILL, SWT.CENTER).applyTo(recipientLabel);
		Button next = new Button(parent, SWT.PUSH);
		next.setText(Messages.PreviewPart_next);
		next.addListener(SWT.Selection, e -> events.send(Topics.STEP_RECIPIENT, Integer.valueOf(1)));
		header = new Label(parent, SWT.WRAP);
		GridDataFactory.fillDefaults().grab(true, false).span(3, 1).hint(200, SWT.DEFAULT).applyTo(header);
		problems = Hint.create(parent, ""); //$NON-NLS-1$
		problems.setForeground(parent.getDisplay().getSystemColor(SWT.COLOR_DARK_RED));
		GridDataFactory.fillDefaults().grab(true, false).span(3, 1).hint(200, SWT.DEFAULT).applyTo(problems);
		browser = new PreviewBrowser(parent, 3);
		refresh();
	}

	@Inject
	@Optional
	void selected(@UIEventTopic(Topics.RECIPIENT_SELECTED) Recipient selected) {
		selection.select(selected);
		refresh();
	}

	@Inject
	@Optional
	void merged(@UIEventTopic(Topics.MERGED) MergeState merged) {
		state = merged;
		RecipientList list = merged.list();
		selection.merged(list);
		refresh();
	}

	private void refresh() {
		if (header == null || header.isDisposed()) {
			return;
		}
		MergeState merged = state;
		Recipient current = selection.get();
		CompiledTemplate template = merged == null ? null : merged.compilation().template();
		if (merged == null || merged.list() == null || current == null) {
			show(Messages.PreviewPart_empty, "", ""); //$NON-NLS-1$ //$NON-NLS-2$
			return;
		}
		if (template == null) {
			show(Messages.PreviewPart_templateErrors, "", merged.compilation().problems().stream().map(Problem::message) //$NON-NLS-1$
					.collect(Collectors.joining("\n"))); //$NON-NLS-1$
			return;
		}
		Rendering rendering = template.render(current);
		Rendering.Draft draft = rendering.draft();
		StringBuilder lines = new StringBuilder(headerLines(draft));
		String excluded = current.included() ? "" : Messages.PreviewPart_excluded; //$NON-NLS-1$
		recipientLabel.setText(current.row() > 0
				? NLS.bind(Messages.PreviewPart_recipient, current.row(), excluded)
				: NLS.bind(Messages.PreviewPart_recipientNamed, draft.to(), excluded));
		String issues = rendering.problems().stream().map(Problem::message).collect(Collectors.joining("\n")); //$NON-NLS-1$
		com.securemailmerge.ui.internal.SafePreview.Shown safe = com.securemailmerge.ui.internal.SafePreview.of(draft.html());
		if (safe.blocked() > 0) {
			lines.append('\n').append(NLS.bind(Messages.PreviewPart_blocked, safe.blocked()));
		}
		setHeader(lines.toString(), issues);
		setHtml(safe.html());
	}

	/** To, Cc, Bcc, Reply-To (those that are set), subject and attachments, a line each. */
	static String headerLines(Rendering.Draft draft) {
		StringBuilder lines = new StringBuilder(NLS.bind(Messages.PreviewPart_to, draft.to()));
		line(lines, Messages.PreviewPart_cc, draft.cc());
		line(lines, Messages.PreviewPart_bcc, draft.bcc());
		line(lines, Messages.PreviewPart_replyTo, draft.replyTo());
		lines.append('\n').append(NLS.bind(Messages.PreviewPart_subject, draft.subject()));
		line(lines, Messages.PreviewPart_attachments, String.join(", ", draft.attachments())); //$NON-NLS-1$
		return lines.toString();
	}

	private static void line(StringBuilder lines, String label, String value) {
		if (!value.isBlank()) {
			lines.append('\n').append(NLS.bind(label, value));
		}
	}

	private void show(String title, String headerText, String issues) {
		recipientLabel.setText(""); //$NON-NLS-1$
		setHeader(headerText.isEmpty() ? title : headerText, issues);
		setHtml(""); //$NON-NLS-1$
	}

	private void setHeader(String text, String issues) {
		header.setText(text);
		problems.setText(issues);
		((org.eclipse.swt.layout.GridData) problems.getLayoutData()).exclude = issues.isEmpty();
		problems.setVisible(!issues.isEmpty());
		header.getParent().layout(true);
	}

	private void setHtml(String next) {
		browser.show(next);
	}

	/** For tests: the subject, To and attachment lines shown above the body. */
	public String headerText() {
		return header.getText();
	}

	/** For tests: the problems of the shown recipient. */
	public String problemsText() {
		return problems.getText();
	}

	/** For tests: the HTML given to the browser. */
	public String html() {
		return browser.html();
	}

	@org.eclipse.e4.ui.di.Focus
	void setFocus() {
		header.setFocus();
	}
}
