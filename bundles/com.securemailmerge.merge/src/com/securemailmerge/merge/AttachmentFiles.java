package com.securemailmerge.merge;

import java.nio.file.Path;

import org.eclipse.jdt.annotation.Nullable;

/**
 * Where a per-recipient attachment's rendered path leads, by the same rules the merge applies: a
 * file inside the folder, or null when the value leads out of it (then nothing outside is looked
 * at). For views that show sizes.
 */
public final class AttachmentFiles {

	private AttachmentFiles() {
	}

	public static @Nullable Path inside(@Nullable Path folder, String value) {
		return new com.securemailmerge.merge.internal.AttachmentFolder(folder).resolve(value).file();
	}
}
