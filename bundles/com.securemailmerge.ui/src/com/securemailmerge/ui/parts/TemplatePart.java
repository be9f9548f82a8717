package com.securemailmerge.ui.parts;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.ui.di.Focus;
import org.eclipse.e4.ui.di.Persist;
import org.eclipse.e4.ui.di.UIEventTopic;
import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.e4.ui.model.application.ui.MDirtyable;
import org.eclipse.jdt.annotation.Nullable;
import org.eclipse.swt.custom.StyledText;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;

import com.securemailmerge.model.Field;
import com.securemailmerge.model.Problem;
import com.securemailmerge.model.RecipientList;
import com.securemailmerge.ui.internal.CampaignState;
import com.securemailmerge.ui.internal.MergeState;
import com.securemailmerge.ui.internal.SaveSupport;
import com.securemailmerge.ui.internal.TemplateEditor;
import com.securemailmerge.ui.internal.Topics;
import com.securemailmerge.ui.internal.UndoStack;

import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;

/**
 * The template editor ({@link TemplateEditor}), side by side with the recipients. Every change goes
 * into the campaign (which becomes dirty) and the live merge recompiles a moment later; errors are
 * underlined where the engine found them; a problem chosen in the Problems view puts the caret there.
 */
public final class TemplatePart {

	@Inject
	private MApplication application;
	@Inject
	private MDirtyable dirtyable;

	private TemplateEditor editor;

	@PostConstruct
	void createControls(Composite parent) {
		editor = new TemplateEditor(parent, this::fieldNames, this::edited);
		CampaignState state = state();
		if (state != null) {
			show(state);
		}
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
		if (editor != null && !editor.isDisposed()) {
			show(state);
			editor.undoStack().clear();
		}
	}

	@Inject
	@Optional
	void changed(@UIEventTopic(Topics.CAMPAIGN_CHANGED) CampaignState state) {
		dirtyable.setDirty(state.isDirty());
	}

	private void show(CampaignState state) {
		editor.show(state.campaign().template());
		dirtyable.setDirty(state.isDirty());
	}

	private void edited() {
		CampaignState state = state();
		if (state != null) {
			com.securemailmerge.model.Template edited = editor.template();
			state.edit(c -> c.withTemplate(edited));
		}
	}

	/** Inserts at the caret of the text that had the focus last (the body at first). */
	public void insert(String text) {
		editor.insert(text);
	}

	@Inject
	@Optional
	void merged(@UIEventTopic(Topics.MERGED) MergeState state) {
		if (editor == null || editor.isDisposed()) {
			return;
		}
		List<int[]> positions = new ArrayList<>();
		for (Problem problem : state.compilation().problems()) {
			// without recipients every field is unknown: that is not worth a red line
			boolean worthIt = state.list() != null || problem.kind() != Problem.Kind.UNKNOWN_FIELD;
			if (problem.part() == com.securemailmerge.model.TemplatePart.BODY && problem.line() > 0 && worthIt) {
				positions.add(new int[] { problem.line(), problem.column() });
			}
		}
		editor.showErrors(positions);
	}

	@Inject
	@Optional
	void showProblem(@UIEventTopic(Topics.SHOW_PROBLEM) Problem problem) {
		if (editor != null && !editor.isDisposed()) {
			editor.reveal(problem);
		}
	}

	@Persist
	void save(Shell shell) {
		CampaignState state = state();
		if (state != null && SaveSupport.save(shell, state, false)) {
			dirtyable.setDirty(false);
		}
	}

	/** For tests: the body editor. */
	public StyledText body() {
		return editor.body();
	}

	/** For tests: the subject line. */
	public Text subject() {
		return editor.subject();
	}

	public UndoStack undoStack() {
		return editor.undoStack();
	}

	@Focus
	void setFocus() {
		editor.body().setFocus();
	}
}
