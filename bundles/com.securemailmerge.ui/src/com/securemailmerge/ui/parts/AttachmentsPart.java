package com.securemailmerge.ui.parts;

import java.nio.file.Path;
import java.util.List;

import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.ui.di.Focus;
import org.eclipse.e4.ui.di.UIEventTopic;
import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.jdt.annotation.Nullable;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Table;

import com.securemailmerge.merge.CompiledTemplate;
import com.securemailmerge.merge.Rendering;
import com.securemailmerge.model.Recipient;
import com.securemailmerge.ui.internal.AttachmentEditing;
import com.securemailmerge.ui.internal.AttachmentsView;
import com.securemailmerge.ui.internal.CampaignState;
import com.securemailmerge.ui.internal.LiveMerge;
import com.securemailmerge.ui.internal.MergeState;
import com.securemailmerge.ui.internal.ShownRecipient;
import com.securemailmerge.ui.internal.Topics;

import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;

/**
 * The campaign's attachments ({@link AttachmentsView}, changed through {@link AttachmentEditing}):
 * files for everybody and paths built from fields, with the sizes of the recipient selected in the
 * address book against the mailbox's limit. A missing file is a problem of the live merge.
 */
public final class AttachmentsPart {

	@Inject
	private MApplication application;
	@Inject
	private AttachmentEditing editing;

	private AttachmentsView view;
	private final ShownRecipient selection = new ShownRecipient();
	private @Nullable MergeState merged;
	/** The files and their sizes at the last refresh: when they change, the live merge checks again. */
	private String files = ""; //$NON-NLS-1$

	@PostConstruct
	void createControls(Composite parent) {
		view = new AttachmentsView(parent, editing);
		refresh();
	}

	public void addCommon(List<Path> added) {
		editing.addCommon(added);
	}

	public void addPerRecipient(String template) {
		editing.addPerRecipient(template);
	}

	public void remove(int... indices) {
		editing.remove(indices);
	}

	public void setAttachmentsFolder(@Nullable Path chosen) {
		editing.setAttachmentsFolder(chosen);
	}

	@Inject
	@Optional
	void campaign(@UIEventTopic(Topics.CAMPAIGN_OPENED) CampaignState opened) {
		merged = null; // the last merge and recipient are the previous campaign's: no path of theirs is looked at here
		selection.clear();
		refresh();
	}

	@Inject
	@Optional
	void changed(@UIEventTopic(Topics.CAMPAIGN_CHANGED) CampaignState changed) {
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
	void merged(@UIEventTopic(Topics.MERGED) MergeState state) {
		merged = state;
		selection.merged(state.list());
		refresh();
	}

	/** Looks at the files again (when the part gets the focus): if one changed, the live merge checks again. */
	public void checkFiles() {
		String before = files;
		refresh();
		LiveMerge live = application.getContext().get(LiveMerge.class);
		if (!files.equals(before) && live != null) {
			live.recheck();
		}
	}

	private void refresh() {
		CampaignState state = application.getContext().get(CampaignState.class);
		if (view == null || view.isDisposed() || state == null) {
			return;
		}
		LiveMerge live = application.getContext().get(LiveMerge.class);
		files = view.show(state, render(), live == null ? LiveMerge.DEFAULT_MAX_MESSAGE_SIZE : live.maxMessageSize());
	}

	private @Nullable Rendering render() {
		MergeState state = merged;
		Recipient current = selection.get();
		CompiledTemplate template = state == null ? null : state.compilation().template();
		return template == null || current == null ? null : template.render(current);
	}

	/** For tests: the rows (name, kind, path, size). */
	public Table table() {
		return view.table();
	}

	/** For tests: the line that says where per-recipient files come from. */
	public String folderText() {
		return view.folderText();
	}

	/** For tests: the estimated size of the selected recipient's message. */
	public String footerText() {
		return view.footerText();
	}

	@Focus
	void setFocus() {
		view.table().setFocus();
		checkFiles();
	}
}
