package com.securemailmerge.ui.internal;

import java.util.List;
import java.util.function.Supplier;

import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.StyledText;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;

import com.securemailmerge.model.BodyFormat;
import com.securemailmerge.model.Problem;
import com.securemailmerge.model.Template;

/**
 * The template's controls: To, Cc, Bcc and Reply-To lines, subject, body format and body, with
 * field highlighting, completion of field names, the "Insert field" menu and undo. Shows a template
 * and tells every edit the user makes (not those of {@link #show}); puts the caret where a problem is.
 */
public final class TemplateEditor {

	private final Text to;
	private final Text cc;
	private final Text bcc;
	private final Text replyTo;
	private final Text subject;
	private final Combo format;
	private final StyledText body;
	private final UndoStack undo;
	private final TagHighlighter highlighter;
	private Control lastFocused;
	private boolean updating;

	/** edited runs after each edit by the user; fields names the loaded list's fields. */
	public TemplateEditor(Composite parent, Supplier<List<String>> fields, Runnable edited) {
		GridLayoutFactory.fillDefaults().numColumns(4).margins(4, 4).applyTo(parent);
		to = line(parent, Messages.TemplatePart_to, Messages.TemplatePart_toHint, 1);
		cc = line(parent, Messages.TemplatePart_cc, "", 1); //$NON-NLS-1$
		bcc = line(parent, Messages.TemplatePart_bcc, "", 1); //$NON-NLS-1$
		replyTo = line(parent, Messages.TemplatePart_replyTo, "", 1); //$NON-NLS-1$
		subject = line(parent, Messages.TemplatePart_subject, Messages.TemplatePart_subjectHint, 3);
		Label formatLabel = new Label(parent, SWT.NONE);
		formatLabel.setText(Messages.TemplatePart_format);
		Composite tools = new Composite(parent, SWT.NONE);
		GridLayoutFactory.fillDefaults().numColumns(3).applyTo(tools);
		GridDataFactory.fillDefaults().grab(true, false).span(3, 1).applyTo(tools);
		format = new Combo(tools, SWT.READ_ONLY);
		format.setItems(Messages.TemplatePart_formatHtml, Messages.TemplatePart_formatMarkdown);
		format.select(0);
		Runnable changed = () -> {
			if (!updating) {
				edited.run();
			}
		};
		format.addListener(SWT.Selection, e -> changed.run());
		Button insert = new Button(tools, SWT.PUSH);
		insert.setText(Messages.TemplatePart_insertField);
		insert.addListener(SWT.Selection, e -> InsertFieldMenu.show(insert, fields.get(), this::insert));
		Label help = new Label(tools, SWT.WRAP);
		help.setText(Messages.TemplatePart_help);
		GridDataFactory.fillDefaults().grab(true, false).hint(200, SWT.DEFAULT).applyTo(help);
		body = new StyledText(parent, SWT.BORDER | SWT.MULTI | SWT.V_SCROLL | SWT.H_SCROLL | SWT.WRAP);
		body.setFont(JFaceResources.getTextFont());
		GridDataFactory.fillDefaults().grab(true, true).span(4, 1).hint(300, 200).applyTo(body);
		undo = UndoStack.attach(body);
		highlighter = TagHighlighter.attach(body);
		for (Control control : List.of(to, cc, bcc, replyTo, subject, body)) {
			FieldCompletion.install(control, fields);
			control.addListener(SWT.FocusIn, e -> lastFocused = control);
			control.addListener(SWT.Modify, e -> changed.run());
		}
		lastFocused = body;
	}

	private static Text line(Composite parent, String label, String hint, int span) {
		new Label(parent, SWT.NONE).setText(label);
		Text text = new Text(parent, SWT.BORDER | SWT.SINGLE);
		text.setMessage(hint);
		GridDataFactory.fillDefaults().grab(true, false).span(span, 1).applyTo(text);
		return text;
	}

	public boolean isDisposed() {
		return body.isDisposed();
	}

	/** Shows the template; no edit is told for it. */
	public void show(Template template) {
		updating = true;
		try {
			set(to, template.to());
			set(cc, template.cc());
			set(bcc, template.bcc());
			set(replyTo, template.replyTo());
			set(subject, template.subject());
			format.select(template.format() == BodyFormat.MARKDOWN ? 1 : 0);
			if (!body.getText().equals(template.body())) {
				body.setText(template.body());
			}
		} finally {
			updating = false;
		}
	}

	private static void set(Text text, String value) {
		if (!text.getText().equals(value)) {
			text.setText(value);
		}
	}

	/** The template as the controls hold it now. */
	public Template template() {
		return new Template(subject.getText(), body.getText(),
				format.getSelectionIndex() == 1 ? BodyFormat.MARKDOWN : BodyFormat.HTML, to.getText(), cc.getText(),
				bcc.getText(), replyTo.getText());
	}

	/** Inserts at the caret of the text that had the focus last (the body at first). */
	public void insert(String text) {
		if (lastFocused instanceof Text field) {
			field.insert(text);
			field.setFocus();
		} else {
			body.insert(text);
			body.setCaretOffset(body.getCaretOffset() + text.length());
			body.setFocus();
		}
	}

	/** Underlines the body's errors at these lines and columns. */
	public void showErrors(List<int[]> positions) {
		highlighter.showErrors(positions);
	}

	/** Puts the caret where the problem is. */
	public void reveal(Problem problem) {
		com.securemailmerge.model.TemplatePart part = problem.part();
		if (part == null) {
			return;
		}
		switch (part) {
		case BODY -> {
			int line = Math.max(0, Math.min(body.getLineCount() - 1, problem.line() - 1));
			int offset = body.getOffsetAtLine(line) + Math.max(0, problem.column() - 1);
			body.setSelection(Math.min(offset, body.getCharCount()));
			body.showSelection();
			body.setFocus();
		}
		case SUBJECT -> select(subject, problem.column());
		case TO -> select(to, problem.column());
		case CC -> select(cc, problem.column());
		case BCC -> select(bcc, problem.column());
		case REPLY_TO -> select(replyTo, problem.column());
		default -> body.setFocus();
		}
	}

	private static void select(Text text, int column) {
		text.setFocus();
		text.setSelection(Math.max(0, Math.min(text.getCharCount(), column - 1)));
	}

	public StyledText body() {
		return body;
	}

	public Text subject() {
		return subject;
	}

	public UndoStack undoStack() {
		return undo;
	}
}
