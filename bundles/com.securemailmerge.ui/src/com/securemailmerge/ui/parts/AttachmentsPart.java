package com.securemailmerge.ui.parts;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.ui.di.Focus;
import org.eclipse.e4.ui.di.UIEventTopic;
import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.jdt.annotation.Nullable;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.window.Window;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.DirectoryDialog;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;

import com.securemailmerge.merge.CompiledTemplate;
import com.securemailmerge.merge.Rendering;
import com.securemailmerge.model.Attachment;
import com.securemailmerge.model.Field;
import com.securemailmerge.model.Recipient;
import com.securemailmerge.model.RecipientList;
import com.securemailmerge.ui.internal.AttachmentPaths;
import com.securemailmerge.ui.internal.AttachmentTable;
import com.securemailmerge.ui.internal.CampaignState;
import com.securemailmerge.ui.internal.FileDrop;
import com.securemailmerge.ui.internal.Hint;
import com.securemailmerge.ui.internal.LiveMerge;
import com.securemailmerge.ui.internal.MergeState;
import com.securemailmerge.ui.internal.Messages;
import com.securemailmerge.ui.internal.PerRecipientDialog;
import com.securemailmerge.ui.internal.SizeLine;
import com.securemailmerge.ui.internal.Topics;

import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;

/**
 * The campaign's attachments: files for everybody (added with a file dialog or dropped from the
 * desktop) and paths built from fields for a file per recipient. Sizes are those of the recipient
 * selected in the address book, with the estimated size of that recipient's message against the
 * mailbox's limit. Every change goes into the campaign; a missing file is a problem of the live merge.
 */
public final class AttachmentsPart {

	@Inject
	private MApplication application;

	private Label hint;
	private AttachmentTable rows;
	private Label footer;
	private Label folderLine;
	private final com.securemailmerge.ui.internal.ShownRecipient selection = new com.securemailmerge.ui.internal.ShownRecipient();
	private @Nullable MergeState merged;
	/** The files and their sizes at the last refresh: when they change, the live merge checks again. */
	private String files = ""; //$NON-NLS-1$

	@PostConstruct
	void createControls(Composite parent) {
		GridLayoutFactory.fillDefaults().margins(4, 4).applyTo(parent);
		hint = Hint.create(parent, Messages.AttachmentsPart_empty);
		rows = AttachmentTable.create(parent);
		Table table = rows.control();
		GridDataFactory.fillDefaults().grab(true, true).applyTo(table);
		table.addListener(SWT.KeyDown, e -> {
			if (e.keyCode == SWT.DEL) {
				remove(table.getSelectionIndices());
			}
		});
		FileDrop.attach(table, this::addCommon);
		footer = new Label(parent, SWT.WRAP);
		GridDataFactory.fillDefaults().grab(true, false).hint(200, SWT.DEFAULT).applyTo(footer);
		Composite buttons = new Composite(parent, SWT.NONE);
		GridDataFactory.fillDefaults().grab(true, false).applyTo(buttons);
		GridLayoutFactory.fillDefaults().numColumns(5).applyTo(buttons);
		button(buttons, Messages.AttachmentsPart_addFiles).addListener(SWT.Selection, e -> chooseFiles());
		button(buttons, Messages.AttachmentsPart_addPerRecipient).addListener(SWT.Selection, e -> askPerRecipient());
		button(buttons, Messages.AttachmentsPart_remove).addListener(SWT.Selection,
				e -> remove(table.getSelectionIndices()));
		button(buttons, Messages.AttachmentsPart_chooseFolder).addListener(SWT.Selection, e -> chooseFolder());
		// beside the buttons, not under them: the part stays as high as before (the whole text as tooltip)
		folderLine = new Label(buttons, SWT.NONE);
		GridDataFactory.fillDefaults().grab(true, false).align(SWT.FILL, SWT.CENTER).hint(100, SWT.DEFAULT).applyTo(folderLine);
		refresh();
	}

	private static Button button(Composite parent, String text) {
		Button button = new Button(parent, SWT.PUSH);
		button.setText(text);
		return button;
	}

	private @Nullable CampaignState state() {
		return application.getContext().get(CampaignState.class);
	}

	/** Adds the files for everybody; folders and files already attached are left out. */
	public void addCommon(List<Path> added) {
		CampaignState state = state();
		if (state != null) {
			// chosen by the user: a held file of the same name is attached from now on (files only: a held
			// folder dropped here is not attached, so it is not allowed either)
			state.allow(added.stream().filter(java.nio.file.Files::isRegularFile).toList());
			state.edit(c -> c.withAttachments(AttachmentPaths.withCommon(c.attachments(), added, state.folder())));
		}
	}

	/** Adds a path built from fields, such as {@code Rechnungen/{{Mitgliedsnummer}}.pdf}. */
	public void addPerRecipient(String template) {
		CampaignState state = state();
		if (state != null) {
			state.edit(c -> c.withAttachments(AttachmentPaths.withPerRecipient(c.attachments(), template)));
		}
	}

	/** Removes the attachments in these rows. */
	public void remove(int... indices) {
		CampaignState state = state();
		if (state != null && indices.length > 0) {
			state.edit(c -> c.withAttachments(IntStream.range(0, c.attachments().size())
					.filter(i -> Arrays.stream(indices).noneMatch(r -> r == i)).mapToObj(c.attachments()::get).toList()));
		}
	}

	/**
	 * Per-recipient files come from this folder from now on (the user chose it: allowed, and stored
	 * in the campaign); the campaign's own folder, or null, goes back to the campaign's folder.
	 */
	public void setAttachmentsFolder(@Nullable Path chosen) {
		CampaignState state = state();
		if (state == null) {
			return;
		}
		Path folder = state.folder();
		Path absolute = chosen == null ? null : chosen.toAbsolutePath().normalize();
		String value = absolute == null || folder != null && absolute.equals(folder.toAbsolutePath().normalize()) ? null
				: absolute.toString();
		if (absolute != null) {
			state.allow(List.of(absolute));
		}
		state.edit(c -> c.withSettings(c.settings().withAttachmentsFolder(value)));
	}

	private void chooseFolder() {
		CampaignState state = state();
		DirectoryDialog dialog = new DirectoryDialog(rows.control().getShell());
		dialog.setText(Messages.AttachmentsPart_folderTitle);
		dialog.setMessage(Messages.AttachmentsPart_folderMessage);
		Path current = state == null ? null : state.attachmentsFolder();
		if (current != null && state.held().contains(current.toString())) {
			current = state.folder(); // a held folder is not even listed until the user chooses it
		}
		if (current != null) {
			dialog.setFilterPath(current.toString());
		}
		String chosen = dialog.open();
		if (chosen != null) {
			setAttachmentsFolder(Path.of(chosen));
		}
	}

	private void chooseFiles() {
		FileDialog dialog = new FileDialog(rows.control().getShell(), SWT.OPEN | SWT.MULTI);
		dialog.setText(Messages.AttachmentsPart_filesTitle);
		if (dialog.open() != null) {
			Path folder = Path.of(dialog.getFilterPath());
			addCommon(Arrays.stream(dialog.getFileNames()).map(folder::resolve).toList());
		}
	}

	private void askPerRecipient() {
		PerRecipientDialog dialog = new PerRecipientDialog(rows.control().getShell(), () -> {
			RecipientList list = application.getContext().get(RecipientList.class);
			return list == null ? List.of() : list.fields().stream().map(Field::name).toList();
		});
		if (dialog.open() == Window.OK) {
			addPerRecipient(dialog.getValue());
		}
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
		RecipientList list = state.list();
		selection.merged(list);
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
		CampaignState state = state();
		if (rows == null || rows.control().isDisposed() || state == null) {
			return;
		}
		List<Attachment> attachments = state.campaign().attachments();
		Rendering rendering = render();
		// the compiled template's paths match the attachments unless the merge is behind an edit
		List<String> rendered = rendering != null && rendering.draft().attachments().size() == attachments.size()
				? rendering.draft().attachments() : null;
		Path from = state.attachmentsFolder();
		// nothing in a held folder is looked at, not even its files' sizes
		files = rows.show(attachments, state.folder(), from != null && state.held().contains(from.toString()) ? null : from,
				rendered);
		Path perRecipient = state.attachmentsFolder();
		folderLine.setText(perRecipient == null
				? state.folder() == null ? Messages.AttachmentsPart_folderUnsaved : Messages.AttachmentsPart_folderInvalid
				: state.campaign().settings().attachmentsFolder() == null
						? NLS.bind(Messages.AttachmentsPart_folderCampaign, perRecipient)
						: NLS.bind(Messages.AttachmentsPart_folderChosen, perRecipient));
		folderLine.setToolTipText(folderLine.getText());
		hint.setText(attachments.isEmpty() ? Messages.AttachmentsPart_empty + ' ' + Messages.AttachmentsPart_hint
				: Messages.AttachmentsPart_hint);
		LiveMerge live = application.getContext().get(LiveMerge.class);
		SizeLine.show(footer, rendering, live == null ? LiveMerge.DEFAULT_MAX_MESSAGE_SIZE : live.maxMessageSize());
		footer.getParent().layout(true);
	}

	private @Nullable Rendering render() {
		MergeState state = merged;
		Recipient current = selection.get();
		CompiledTemplate template = state == null ? null : state.compilation().template();
		return template == null || current == null ? null : template.render(current);
	}

	/** For tests: the rows (name, kind, path, size). */
	public Table table() {
		return rows.control();
	}

	/** For tests: the line that says where per-recipient files come from. */
	public String folderText() {
		return folderLine.getText();
	}

	/** For tests: the estimated size of the selected recipient's message. */
	public String footerText() {
		return footer.getText();
	}

	@Focus
	void setFocus() {
		rows.control().setFocus();
		checkFiles();
	}
}
