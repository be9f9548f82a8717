package com.securemailmerge.campaign;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Which campaign file each campaign id was last used with on this computer, so that a campaign file
 * copied in the file manager (same id, other file) is noticed when it is opened: two campaigns must
 * never share an id, since every message a campaign sends is tagged with it. One line per id (id, tab,
 * absolute path) in a file of the user's workbench settings; a broken line is skipped.
 */
public final class CampaignRegistry {

	private final Path file;

	public CampaignRegistry(Path file) {
		this.file = file;
	}

	private Map<UUID, Path> read() {
		Map<UUID, Path> known = new LinkedHashMap<>();
		try {
			if (Files.exists(file)) {
				for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
					int tab = line.indexOf('\t');
					if (tab > 0) {
						try {
							known.put(UUID.fromString(line.substring(0, tab)), Path.of(line.substring(tab + 1)));
						} catch (IllegalArgumentException e) {
							// a broken line names nothing
						}
					}
				}
			}
		} catch (IOException e) {
			// without the list no copy is noticed; nothing else depends on it
		}
		return known;
	}

	/**
	 * Another campaign file that holds this id: the file it was last used with, when that is not
	 * {@code opened}, still exists and still has the id.
	 */
	public Optional<Path> other(UUID id, Path opened) {
		Path known = read().get(id);
		if (known == null || known.equals(opened.toAbsolutePath().normalize()) || !Files.isRegularFile(known)) {
			return Optional.empty();
		}
		try {
			if (Files.isSameFile(known, opened) || !CampaignFile.load(known).id().equals(id)) {
				return Optional.empty();
			}
		} catch (IOException e) {
			return Optional.empty();
		}
		return Optional.of(known);
	}

	/** Remembers that this id is the campaign of this file. */
	public void register(UUID id, Path campaign) {
		Map<UUID, Path> known = read();
		known.put(id, campaign.toAbsolutePath().normalize());
		StringBuilder text = new StringBuilder();
		known.forEach((key, path) -> text.append(key).append('\t').append(path).append('\n'));
		try {
			Files.createDirectories(file.toAbsolutePath().getParent());
			Path temporary = file.resolveSibling(file.getFileName() + ".tmp"); //$NON-NLS-1$
			Files.writeString(temporary, text, StandardCharsets.UTF_8);
			Files.move(temporary, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
					java.nio.file.StandardCopyOption.ATOMIC_MOVE);
		} catch (IOException e) {
			// not remembered: a later copy of this file is not noticed, nothing else
		}
	}
}
