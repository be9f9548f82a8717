package com.securemailmerge.ui.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.jdt.annotation.Nullable;

import com.securemailmerge.model.Attachment;

/**
 * Attachment paths as the user stores them and as the merge needs them: a relative path is relative
 * to the campaign's folder, so a campaign folder with its files can be moved as a whole. A common
 * attachment becomes an absolute path; a per-recipient template stays as it is: the merge resolves
 * it inside the campaign's folder and refuses whatever leads out of it.
 */
public final class AttachmentPaths {

	private AttachmentPaths() {
	}

	/** The size of a file in bytes, or -1 if it is not a regular file that can be read. */
	public static long size(@Nullable Path file) {
		if (file != null && (file.toString().startsWith("\\\\") || file.toString().startsWith("//"))) { //$NON-NLS-1$ //$NON-NLS-2$
			return -1; // a network path a campaign file names is not looked at (no connection to that host)
		}
		try {
			return file != null && Files.isRegularFile(file) && Files.isReadable(file) ? Files.size(file) : -1;
		} catch (java.io.IOException | SecurityException e) {
			return -1;
		}
	}

	/**
	 * The attachments with the files added for everybody, as absolute paths; folders and files that
	 * are already attached (however their path is written) are left out.
	 */
	public static List<Attachment> withCommon(List<Attachment> attachments, List<Path> files, @Nullable Path folder) {
		List<Attachment> result = new ArrayList<>(attachments);
		for (Path added : files) {
			Path file = added.toAbsolutePath().normalize();
			if (Files.isRegularFile(file) && !attached(result, file, folder)) {
				result.add(new Attachment(Attachment.Kind.COMMON, file.toString()));
			}
		}
		return result;
	}

	private static boolean attached(List<Attachment> attachments, Path file, @Nullable Path folder) {
		for (Attachment attachment : attachments) {
			Path existing = attachment.kind() == Attachment.Kind.COMMON ? com.securemailmerge.merge.CampaignFolder.file(attachment.path(), folder) : null;
			if (existing != null && existing.toAbsolutePath().normalize().equals(file)) {
				return true;
			}
		}
		return false;
	}

	/** The attachments with a per-recipient path template added, unless it is blank or already there. */
	public static List<Attachment> withPerRecipient(List<Attachment> attachments, String template) {
		String path = template.strip();
		Attachment added = path.isEmpty() ? null : new Attachment(Attachment.Kind.PER_RECIPIENT, path);
		if (added == null || attachments.contains(added)) {
			return attachments;
		}
		List<Attachment> result = new ArrayList<>(attachments);
		result.add(added);
		return result;
	}

	/** The file name at the end of a stored path (of a template too). */
	public static String name(String path) {
		return path.substring(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1);
	}
}
