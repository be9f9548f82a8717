package com.securemailmerge.ui.parts;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.ui.di.Focus;
import org.eclipse.e4.ui.di.Persist;
import org.eclipse.e4.ui.di.UIEventTopic;
import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.e4.ui.model.application.ui.MDirtyable;
import org.eclipse.e4.core.services.events.IEventBroker;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jdt.annotation.Nullable;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.StyledText;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;

import com.securemailmerge.model.BodyFormat;
import com.securemailmerge.model.Field;
import com.securemailmerge.model.Problem;
import com.securemailmerge.model.RecipientList;
import com.securemailmerge.model.Template;

import com.securemailmerge.ui.internal.CampaignState;
import com.securemailmerge.ui.internal.FieldCompletion;
import com.securemailmerge.ui.internal.InsertFieldMenu;
import com.securemailmerge.ui.internal.MergeState;
import com.securemailmerge.ui.internal.Messages;
import com.securemailmerge.ui.internal.SaveSupport;
import com.securemailmerge.ui.internal.TagHighlighter;
import com.securemailmerge.ui.internal.Topics;
import com.securemailmerge.ui.internal.UndoStack;

import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;

/**
 * The template editor, side by side with the recipients: To, Cc, Bcc and Reply-To lines, subject, body format and
 * body, with field highlighting, completion of field names (Ctrl+Space, or after "{{"), an "Insert
 * field" menu, undo and redo. Every change goes into the campaign (which becomes dirty) and the
 * live merge recompiles a moment later; errors are underlined where the engine found them.
 */
public final class TemplatePart {

	@Inject
	private MApplication application;
	@Inject
	private MDirtyable dirtyable;
	@Inject
	private IEventBroker events;

	private Text to;
	private Text cc;
	private Text bcc;
	private Text replyTo;
	private Text subject;
	private Combo format;
	private StyledText body;
	private UndoStack undo;
	private TagHighlighter highlighter;
	private Control lastFocused;
	private boolean updating;

	@PostConstruct
	void createControls(Composite parent) {
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
		format.addListener(SWT.Selection, e -> changed());
		Button insert = new Button(tools, SWT.PUSH);
		insert.setText(Messages.TemplatePart_insertField);
		insert.addListener(SWT.Selection, e -> InsertFieldMenu.show(insert, fieldNames(), this::insert));
		Label help = new Label(tools, SWT.WRAP);
		help.setText(Messages.TemplatePart_help);
		GridDataFactory.fillDefaults().grab(true, false).hint(200, SWT.DEFAULT).applyTo(help);
		body = new StyledText(parent, SWT.BORDER | SWT.MULTI | SWT.V_SCROLL | SWT.H_SCROLL | SWT.WRAP);
		body.setFont(org.eclipse.jface.resource.JFaceResources.getTextFont());
		GridDataFactory.fillDefaults().grab(true, true).span(4, 1).hint(300, 200).applyTo(body);
		undo = UndoStack.attach(body);
		highlighter = TagHighlighter.attach(body);
		for (Control control : List.of(to, cc, bcc, replyTo, subject, body)) {
			FieldCompletion.install(control, this::fieldNames);
			control.addListener(SWT.FocusIn, e -> lastFocused = control);
			control.addListener(SWT.Modify, e -> changed());
		}
		lastFocused = body;
		CampaignState state = state();
		if (state != null) {
			show(state);
		}
	}

	private static Text line(Composite parent, String label, String hint, int span) {
		new Label(parent, SWT.NONE).setText(label);
		Text text = new Text(parent, SWT.BORDER | SWT.SINGLE);
		text.setMessage(hint);
		GridDataFactory.fillDefaults().grab(true, false).span(span, 1).applyTo(text);
		return text;
	}

	private @Nullable CampaignState state() {
		return application.getContext().get(CampaignState.class);
	}

	private List<String> fieldNames() {
		RecipientList list = application.getContext().get(RecipientList.class);
		return list == null ? List.of() : list.fields().stream().map(Field::name).toList();
	}

	@Inject
	@Optional
	void opened(@UIEventTopic(Topics.CAMPAIGN_OPENED) CampaignState state) {
		if (body != null && !body.isDisposed()) {
			show(state);
			undo.clear();
		}
	}

	@Inject
	@Optional
	void changed(@UIEventTopic(Topics.CAMPAIGN_CHANGED) CampaignState state) {
		dirtyable.setDirty(state.isDirty());
	}

	private void show(CampaignState state) {
		Template template = state.campaign().template();
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
		dirtyable.setDirty(state.isDirty());
	}

	private static void set(Text text, String value) {
		if (!text.getText().equals(value)) {
			text.setText(value);
		}
	}

	private void changed() {
		CampaignState state = state();
		if (updating || state == null) {
			return;
		}
		Template edited = new Template(subject.getText(), body.getText(),
				format.getSelectionIndex() == 1 ? BodyFormat.MARKDOWN : BodyFormat.HTML, to.getText(), cc.getText(),
				bcc.getText(), replyTo.getText());
		state.edit(c -> c.withTemplate(edited));
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

	@Inject
	@Optional
	void merged(@UIEventTopic(Topics.MERGED) MergeState state) {
		if (body == null || body.isDisposed()) {
			return;
		}
		List<int[]> positions = new ArrayList<>();
		for (Problem problem : state.compilation().problems()) {
			if (problem.part() == com.securemailmerge.model.TemplatePart.BODY && problem.line() > 0 && show(problem, state)) {
				positions.add(new int[] { problem.line(), problem.column() });
			}
		}
		highlighter.showErrors(positions);
	}

	/** Without recipients every field is unknown: that is not worth a red line. */
	private static boolean show(Problem problem, MergeState state) {
		return state.list() != null || problem.kind() != Problem.Kind.UNKNOWN_FIELD;
	}

	@Inject
	@Optional
	void showProblem(@UIEventTopic(Topics.SHOW_PROBLEM) Problem problem) {
		if (problem.part() == null || body == null || body.isDisposed()) {
			return;
		}
		switch (problem.part()) {
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

	@Persist
	void save(org.eclipse.swt.widgets.Shell shell) {
		CampaignState state = state();
		if (state != null && SaveSupport.save(shell, state, false)) {
			dirtyable.setDirty(false);
		}
	}

	/** For tests: the body editor. */
	public StyledText body() {
		return body;
	}

	/** For tests: the subject line. */
	public Text subject() {
		return subject;
	}

	public UndoStack undoStack() {
		return undo;
	}

	@Focus
	void setFocus() {
		body.setFocus();
	}
}
