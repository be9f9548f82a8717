package com.securemailmerge.fuzz;

import java.nio.file.Path;

import com.securemailmerge.campaign.CampaignFile;
import com.securemailmerge.campaign.CampaignFileException;
import com.securemailmerge.model.Campaign;

/**
 * The campaign-file reader, on a file someone sent the user. A file is opened or refused with a
 * {@link CampaignFileException}; nothing else is thrown. A campaign that opens is saved and opened
 * again and comes back the same: what the workbench writes it can always read (a campaign that saves
 * but no longer opens is lost work).
 */
public final class CampaignFileFuzz {

	private static final Path FOLDER = Scratch.folder("campaign"); //$NON-NLS-1$
	private static final Path RECEIVED = FOLDER.resolve("erhalten.smmc"); //$NON-NLS-1$
	private static final Path SAVED = FOLDER.resolve("gespeichert.smmc"); //$NON-NLS-1$

	private CampaignFileFuzz() {
	}

	public static void fuzzerTestOneInput(byte[] data) {
		Scratch.write(RECEIVED, data);
		Campaign campaign;
		try {
			campaign = CampaignFile.open(RECEIVED).campaign();
		} catch (CampaignFileException e) {
			if (e.getMessage() == null || e.getMessage().isBlank()) {
				throw new FuzzFinding("A refused campaign file without a message"); //$NON-NLS-1$
			}
			return;
		}
		Campaign again;
		try {
			CampaignFile.save(campaign, SAVED);
			again = CampaignFile.open(SAVED).campaign();
		} catch (CampaignFileException e) {
			throw new FuzzFinding("A campaign that opened cannot be saved and opened again: " + e.getMessage()); //$NON-NLS-1$
		}
		if (!again.equals(campaign)) {
			throw new FuzzFinding("Saved and opened again, the campaign changed:\n" + campaign + "\n" + again); //$NON-NLS-1$ //$NON-NLS-2$
		}
	}
}
