package com.securemailmerge.ui.internal;

import java.nio.file.Path;
import java.util.List;

import org.eclipse.jdt.annotation.Nullable;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;

import com.securemailmerge.merge.Rendering;
import com.securemailmerge.model.Attachment;

/**
 * The Attachments part's controls: a hint, the rows (Delete removes, files dropped are added for
 * everybody), the size line of the shown recipient's message, the buttons and where per-recipient
 * files come from. Shows a campaign's attachments as one recipient's message has them.
 */
public final class AttachmentsView {

	private final Label hint;
	private final AttachmentTable rows;
	private final Label footer;
	private final Label folderLine;

	public AttachmentsView(Composite parent, AttachmentEditing editing) {
		GridLayoutFactory.fillDefaults().margins(4, 4).applyTo(parent);
		hint = Hint.create(parent, Messages.AttachmentsPart_empty);
		rows = AttachmentTable.create(parent);
		Table table = rows.control();
		GridDataFactory.fillDefaults().grab(true, true).applyTo(table);
		table.addListener(SWT.KeyDown, e -> {
			if (e.keyCode == SWT.DEL) {
				editing.remove(table.getSelectionIndices());
			}
		});
		FileDrop.attach(table, editing::addCommon);
		footer = new Label(parent, SWT.WRAP);
		GridDataFactory.fillDefaults().grab(true, false).hint(200, SWT.DEFAULT).applyTo(footer);
		Composite buttons = new Composite(parent, SWT.NONE);
		GridDataFactory.fillDefaults().grab(true, false).applyTo(buttons);
		GridLayoutFactory.fillDefaults().numColumns(5).applyTo(buttons);
		button(buttons, Messages.AttachmentsPart_addFiles, () -> editing.chooseFiles(parent.getShell()));
		button(buttons, Messages.AttachmentsPart_addPerRecipient, () -> editing.askPerRecipient(parent.getShell()));
		button(buttons, Messages.AttachmentsPart_remove, () -> editing.remove(table.getSelectionIndices()));
		button(buttons, Messages.AttachmentsPart_chooseFolder, () -> editing.chooseFolder(parent.getShell()));
		// beside the buttons, not under them: the part stays as high as before (the whole text as tooltip)
		folderLine = new Label(buttons, SWT.NONE);
		GridDataFactory.fillDefaults().grab(true, false).align(SWT.FILL, SWT.CENTER).hint(100, SWT.DEFAULT).applyTo(folderLine);
	}

	private static void button(Composite parent, String text, Runnable action) {
		Button button = new Button(parent, SWT.PUSH);
		button.setText(text);
		button.addListener(SWT.Selection, e -> action.run());
	}

	public boolean isDisposed() {
		return rows.control().isDisposed();
	}

	/**
	 * Shows the campaign's attachments with the paths of the rendering (one recipient's message, or
	 * null); returns the files and their sizes as looked at (to notice a change later).
	 */
	public String show(CampaignState state, @Nullable Rendering rendering, long maxMessageSize) {
		List<Attachment> attachments = state.campaign().attachments();
		// the compiled template's paths match the attachments unless the merge is behind an edit
		List<String> rendered = rendering != null && rendering.draft().attachments().size() == attachments.size()
				? rendering.draft().attachments() : null;
		Path from = state.attachmentsFolder();
		// nothing in a held folder is looked at, not even its files' sizes
		String files = rows.show(attachments, state.folder(), from != null && state.held().contains(from.toString()) ? null : from,
				rendered);
		folderLine.setText(from == null
				? state.folder() == null ? Messages.AttachmentsPart_folderUnsaved : Messages.AttachmentsPart_folderInvalid
				: state.campaign().settings().attachmentsFolder() == null
						? NLS.bind(Messages.AttachmentsPart_folderCampaign, from)
						: NLS.bind(Messages.AttachmentsPart_folderChosen, from));
		folderLine.setToolTipText(folderLine.getText());
		hint.setText(attachments.isEmpty() ? Messages.AttachmentsPart_empty + ' ' + Messages.AttachmentsPart_hint
				: Messages.AttachmentsPart_hint);
		SizeLine.show(footer, rendering, maxMessageSize);
		footer.getParent().layout(true);
		return files;
	}

	public Table table() {
		return rows.control();
	}

	public String folderText() {
		return folderLine.getText();
	}

	public String footerText() {
		return footer.getText();
	}
}
