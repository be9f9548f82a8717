package com.securemailmerge.merge.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;

import org.eclipse.jdt.annotation.Nullable;
import org.eclipse.osgi.util.NLS;

/**
 * Where a per-recipient attachment may come from: inside one folder (the campaign's, or one the
 * user chose). A path made from a field is untrusted: an absolute path elsewhere, {@code ..} that
 * leads out, {@code ~}, a Windows drive, UNC or device path ({@code \\host\share}, {@code \\?\}) and
 * a symbolic link that leads out are refused, decided from the text and from links read inside the
 * folder only: nothing outside the folder is ever opened or looked at (no SMB connection to a host a
 * cell names, no probing of the user's other files).
 */
public final class AttachmentFolder {

	/** How many links a path may pass through (as the operating systems bound it). */
	private static final int MAX_LINKS = 40;

	/** A file inside the folder, or why the value cannot be one. */
	public record Resolved(@Nullable Path file, @Nullable String refusal) {
	}

	private final @Nullable Path root;

	public AttachmentFolder(@Nullable Path root) {
		this.root = root == null ? null : root.toAbsolutePath().normalize();
	}

	public Resolved resolve(String value) {
		Path folder = root;
		if (folder == null) {
			return new Resolved(null, Messages.Render_attachmentNoFolder);
		}
		String text = value.strip();
		if (text.isEmpty()) {
			return new Resolved(null, Messages.Render_attachmentEmpty);
		}
		if (text.startsWith("~") || text.startsWith("\\\\") || text.startsWith("//") || text.indexOf('\0') >= 0 //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
				|| text.length() >= 2 && text.charAt(1) == ':' && Character.isLetter(text.charAt(0))
						&& !folder.toString().regionMatches(true, 0, text, 0, 2)) {
			return new Resolved(null, NLS.bind(Messages.Render_attachmentOutside, text, folder));
		}
		Path candidate;
		try {
			Path given = Path.of(text.replace('\\', '/'));
			candidate = (given.isAbsolute() ? given : folder.resolve(given)).normalize();
		} catch (InvalidPathException e) {
			return new Resolved(null, NLS.bind(Messages.Render_attachmentOutside, text, folder));
		}
		if (!candidate.startsWith(folder) || candidate.equals(folder) || device(folder.relativize(candidate))) {
			return new Resolved(null, NLS.bind(Messages.Render_attachmentOutside, text, folder));
		}
		Path real = followInside(folder, candidate);
		return real == null ? new Resolved(null, NLS.bind(Messages.Render_attachmentLinkOutside, text, folder))
				: new Resolved(real, null);
	}

	/** Windows opens a device for these names in any folder (LPT can be redirected to a network printer). */
	private static final java.util.regex.Pattern DEVICE = java.util.regex.Pattern
			.compile("(?i)(con|prn|aux|nul|com[0-9\u00b9\u00b2\u00b3]|lpt[0-9\u00b9\u00b2\u00b3]|conin\\$|conout\\$)([ .].*)?"); //$NON-NLS-1$

	private static boolean device(Path relative) {
		for (Path name : relative) {
			if (DEVICE.matcher(name.toString()).matches()) {
				return true;
			}
		}
		return false;
	}

	/** A directory entry that is neither file, folder nor symbolic link (a junction, a mount point). */
	private static boolean other(Path entry) {
		try {
			return Files.readAttributes(entry, java.nio.file.attribute.BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS)
					.isOther();
		} catch (IOException e) {
			return false; // not there: reported as missing
		}
	}

	/**
	 * The path with every symbolic link on the way resolved, each step checked to stay in the folder
	 * before it is taken; null when a link leads out (or too many links).
	 */
	private static @Nullable Path followInside(Path folder, Path candidate) {
		Path current = folder;
		Path rest = folder.relativize(candidate);
		int links = 0;
		while (rest.getNameCount() > 0 && !rest.toString().isEmpty()) {
			Path next = current.resolve(rest.getName(0));
			rest = rest.getNameCount() > 1 ? rest.subpath(1, rest.getNameCount()) : Path.of(""); //$NON-NLS-1$
			if (Files.isSymbolicLink(next)) { // an lstat of a path inside the folder
				if (++links > MAX_LINKS) {
					return null;
				}
				Path target;
				try {
					target = Files.readSymbolicLink(next);
				} catch (IOException | UnsupportedOperationException e) {
					return null;
				}
				Path resolved = (target.isAbsolute() ? target : current.resolve(target)).normalize();
				if (!resolved.startsWith(folder)) {
					return null;
				}
				Path remaining = rest;
				rest = folder.relativize(remaining.toString().isEmpty() ? resolved : resolved.resolve(remaining));
				current = folder;
				continue;
			}
			current = next;
			if (other(current)) {
				return null; // a Windows junction or mount point: it may lead anywhere
			}
			if (!rest.toString().isEmpty() && !Files.isDirectory(current, LinkOption.NOFOLLOW_LINKS)) {
				return current.resolve(rest); // does not exist: reported as missing, inside the folder
			}
		}
		return current;
	}
}
