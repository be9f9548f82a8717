package com.securemailmerge.merge;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.eclipse.jdt.annotation.Nullable;

import com.securemailmerge.model.Attachment;
import com.securemailmerge.model.Campaign;
import com.securemailmerge.model.Field;
import com.securemailmerge.model.RecipientList;

/**
 * A campaign read against the folder of its file, the same in the workbench and on the command line:
 * relative attachment paths resolved against that folder, the folder per-recipient files come from,
 * what a received campaign file names outside its folder, and the template compiled for a list.
 */
public final class CampaignFolder {

	private CampaignFolder() {
	}

	/** The file a path names, relative ones resolved against the folder; null if it is no valid path. */
	public static @Nullable Path file(String path, @Nullable Path folder) {
		try {
			Path file = Path.of(path);
			return file.isAbsolute() || folder == null ? file : folder.resolve(file).normalize();
		} catch (InvalidPathException e) {
			return null;
		}
	}

	/**
	 * The attachments with relative paths of files for everybody resolved against the folder (none
	 * without a folder); a per-recipient template stays as it is: the merge resolves it inside the
	 * folder and refuses whatever leads out of it.
	 */
	public static List<Attachment> resolve(List<Attachment> attachments, @Nullable Path folder) {
		return folder == null ? attachments : attachments.stream().map(a -> resolve(a, folder)).toList();
	}

	private static Attachment resolve(Attachment attachment, Path folder) {
		String path = attachment.path();
		if (attachment.kind() == Attachment.Kind.PER_RECIPIENT) {
			return attachment;
		}
		Path file = file(path, folder);
		return file == null || file.toString().equals(path) ? attachment
				: new Attachment(Attachment.Kind.COMMON, file.toString());
	}

	/** The campaign's chosen folder for per-recipient attachments (absolute), else its own folder. */
	public static @Nullable Path attachmentsFolder(Campaign campaign, @Nullable Path folder) {
		String chosen = campaign.settings().attachmentsFolder();
		if (chosen == null) {
			return folder;
		}
		try {
			Path path = Path.of(chosen);
			Path absolute = path.isAbsolute() ? path.normalize() : folder == null ? null : folder.resolve(path).normalize();
			if (absolute != null && folder != null) {
				Path inside = folder.toAbsolutePath().normalize();
				// inside the campaign's folder by its text, but through a link that leads out now (checked on
				// every merge, not only when the campaign was opened): no folder
				if (absolute.startsWith(inside) && !absolute.equals(inside) && leadsOut(inside, absolute)) {
					return null;
				}
			}
			return absolute;
		} catch (InvalidPathException e) {
			return null; // no folder: every per-recipient attachment is a problem that says so
		}
	}

	/**
	 * The files for everybody of this campaign, in its folder, that lie outside the folder, and the
	 * folder per-recipient files come from when it lies outside (absolute): held until the user
	 * allows them, so nothing there is read.
	 */
	public static List<Path> outside(Campaign campaign, Path folder) {
		Path inside = folder.toAbsolutePath().normalize();
		List<Path> files = new ArrayList<>();
		// held whether or not the campaign has a per-recipient attachment yet: one added later must not
		// take files from a folder nobody allowed
		Path chosen = campaign.settings().attachmentsFolder() == null ? null : attachmentsFolder(campaign, inside);
		if (chosen != null && !chosen.equals(inside) && (!chosen.startsWith(inside) || leadsOut(inside, chosen))) {
			files.add(chosen);
		}
		for (Attachment attachment : campaign.attachments()) {
			if (attachment.kind() != Attachment.Kind.COMMON) {
				continue;
			}
			Path file = file(attachment.path(), inside);
			if (file == null) {
				continue; // no valid path: the merge names it as a missing file, nothing is read
			}
			Path absolute = file.toAbsolutePath().normalize();
			// inside by the rules of per-recipient files: no way out through "..", links or device names
			if (!absolute.startsWith(inside) || absolute.equals(inside) || leadsOut(inside, absolute)) {
				files.add(absolute);
			}
		}
		return files;
	}

	private static boolean leadsOut(Path inside, Path below) {
		return AttachmentFiles.inside(inside, inside.relativize(below).toString().replace('\\', '/')) == null;
	}

	/**
	 * The campaign's template compiled for the list's fields (for none without a list), with its
	 * attachments resolved against the folder; {@code held}: files for everybody (absolute) the merge
	 * refuses, since the user has not allowed them.
	 */
	public static Compilation compile(MergeEngine engine, Campaign campaign, @Nullable Path folder,
			@Nullable RecipientList list, Set<String> held) {
		List<String> fields = list == null ? List.of() : list.fields().stream().map(Field::name).toList();
		String emailField = list == null ? campaign.settings().emailField() : list.emailField();
		return engine.compile(new MergeInput(campaign.template(), resolve(campaign.attachments(), folder), fields,
				emailField, campaign.settings().locale(), attachmentsFolder(campaign, folder), held));
	}
}
