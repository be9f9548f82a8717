package com.securemailmerge.ui.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

import org.eclipse.e4.core.di.annotations.Creatable;
import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.jdt.annotation.Nullable;
import org.eclipse.jface.window.Window;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.DirectoryDialog;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Shell;

import com.securemailmerge.model.Field;
import com.securemailmerge.model.RecipientList;

import jakarta.inject.Inject;

/**
 * What the user does to a campaign's attachments, each change an edit of the open campaign: files
 * for everybody (chosen or dropped: allowed from then on), paths built from fields, removing rows,
 * the folder per-recipient files come from; and the dialogs that ask for them.
 */
@Creatable
public final class AttachmentEditing {

	private final MApplication application;

	@Inject
	public AttachmentEditing(MApplication application) {
		this.application = application;
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
			state.allow(added.stream().filter(Files::isRegularFile).toList());
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

	public void chooseFolder(Shell shell) {
		CampaignState state = state();
		DirectoryDialog dialog = new DirectoryDialog(shell);
		dialog.setText(Messages.AttachmentsPart_folderTitle);
		dialog.setMessage(Messages.AttachmentsPart_folderMessage);
		Path current = state == null ? null : state.attachmentsFolder();
		if (current != null && state != null && state.held().contains(current.toString())) {
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

	public void chooseFiles(Shell shell) {
		FileDialog dialog = new FileDialog(shell, SWT.OPEN | SWT.MULTI);
		dialog.setText(Messages.AttachmentsPart_filesTitle);
		if (dialog.open() != null) {
			Path folder = Path.of(dialog.getFilterPath());
			addCommon(Arrays.stream(dialog.getFileNames()).map(folder::resolve).toList());
		}
	}

	public void askPerRecipient(Shell shell) {
		PerRecipientDialog dialog = new PerRecipientDialog(shell, () -> {
			RecipientList list = application.getContext().get(RecipientList.class);
			return list == null ? List.of() : list.fields().stream().map(Field::name).toList();
		});
		if (dialog.open() == Window.OK) {
			addPerRecipient(dialog.getValue());
		}
	}
}
