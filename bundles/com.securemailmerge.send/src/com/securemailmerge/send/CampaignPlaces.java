package com.securemailmerge.send;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import com.securemailmerge.model.Campaign;
import com.securemailmerge.model.TransportKind;

/**
 * Where a campaign's sending lives, next to its file, the same for the workbench and the command
 * line: its journal, which follows the campaign's id, and the offline profile's outbox folder.
 */
public final class CampaignPlaces {

	private CampaignPlaces() {
	}

	/**
	 * {@code .securemailmerge/ID.outbox.journal} (or {@code .m365.journal}) in the campaign's folder,
	 * so renaming the campaign file, or moving it with its folder, keeps its history. A journal an
	 * earlier version kept under the file's name ({@code Name.outbox.journal} beside it) is moved
	 * there the first time (and used where it is if it cannot be moved).
	 */
	public static Path journal(Path file, Campaign campaign) {
		String kind = campaign.transport() == TransportKind.GRAPH ? "m365" : "outbox"; //$NON-NLS-1$ //$NON-NLS-2$
		Path journal = file.resolveSibling(".securemailmerge").resolve(campaign.id() + "." + kind + ".journal"); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
		Path earlier = file.resolveSibling(base(file) + '.' + kind + ".journal"); //$NON-NLS-1$
		if (!Files.exists(journal) && Files.isRegularFile(earlier)) {
			try {
				Files.createDirectories(journal.getParent());
				Files.move(earlier, journal);
			} catch (IOException e) {
				return earlier;
			}
		}
		return journal;
	}

	/** {@code Name-outbox} next to the campaign file: where the offline profile writes its .eml files. */
	public static Path outbox(Path file) {
		return file.resolveSibling(base(file) + "-outbox"); //$NON-NLS-1$
	}

	/** The campaign file's name without {@code .smmc}. */
	public static String base(Path file) {
		String name = file.getFileName().toString();
		return name.endsWith(".smmc") ? name.substring(0, name.length() - 5) : name; //$NON-NLS-1$
	}

	/** The pacing of the campaign's way of sending: Exchange Online's limits, or none for the outbox. */
	public static Pacing pacing(Campaign campaign) {
		return campaign.transport() == TransportKind.GRAPH ? Pacing.EXCHANGE_ONLINE : Pacing.UNLIMITED;
	}
}
