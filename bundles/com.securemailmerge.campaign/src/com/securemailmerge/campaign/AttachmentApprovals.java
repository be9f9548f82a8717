package com.securemailmerge.campaign;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;

/**
 * The files for everybody outside a campaign's folder that the user allowed for that campaign file on
 * this computer: those the user attached in the workbench (recorded when the campaign is saved) and
 * those a received campaign file named and the user agreed to when opening it. Any other file outside
 * the folder that a campaign file names is held: nothing is attached, nor read, until the user agrees.
 * One line per file (campaign id, tab, campaign file, tab, attached file, all absolute) in a file of
 * the user's workbench settings; a broken line allows nothing.
 */
public final class AttachmentApprovals {

	private final Path file;

	public AttachmentApprovals(Path file) {
		this.file = file;
	}

	private static String line(UUID id, Path campaign, Path attachment) {
		return id + "\t" + campaign.toAbsolutePath().normalize() + '\t' + attachment.toAbsolutePath().normalize(); //$NON-NLS-1$
	}

	private Set<String> read() {
		Set<String> lines = new LinkedHashSet<>();
		try {
			if (Files.isRegularFile(file)) {
				lines.addAll(Files.readAllLines(file, StandardCharsets.UTF_8));
			}
		} catch (IOException | java.io.UncheckedIOException e) {
			// unreadable (or not UTF-8): nothing is allowed, the user is asked again
		}
		return lines;
	}

	/** True when the user allowed this file for this campaign file. */
	public boolean isAllowed(UUID id, Path campaign, Path attachment) {
		try {
			return read().contains(line(id, campaign, attachment));
		} catch (InvalidPathException e) {
			return false;
		}
	}

	/** Records that the user allowed these files for this campaign file (names with line breaks are not kept). */
	public void allow(UUID id, Path campaign, Collection<Path> attachments) {
		Set<String> lines = read();
		boolean added = false;
		for (Path attachment : attachments) {
			String line = line(id, campaign, attachment);
			if (line.indexOf('\n') < 0 && line.indexOf('\r') < 0 && line.chars().filter(c -> c == '\t').count() == 2) {
				added |= lines.add(line);
			}
		}
		if (!added) {
			return;
		}
		try {
			Files.createDirectories(file.toAbsolutePath().getParent());
			Path temporary = file.resolveSibling(file.getFileName() + ".tmp"); //$NON-NLS-1$
			Files.write(temporary, lines, StandardCharsets.UTF_8);
			Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
		} catch (IOException e) {
			// not remembered: the user is asked again next time, nothing is attached unasked
		}
	}
}
