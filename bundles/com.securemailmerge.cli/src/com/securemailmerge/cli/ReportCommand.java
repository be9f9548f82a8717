package com.securemailmerge.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.eclipse.jdt.annotation.Nullable;
import org.eclipse.osgi.util.NLS;

import com.securemailmerge.model.RecipientKey;
import com.securemailmerge.send.CampaignPlaces;
import com.securemailmerge.send.Journal;
import com.securemailmerge.send.JournalEntry;
import com.securemailmerge.send.Report;

/** {@code report}: the campaign's report as the workbench exports it (CSV), and the counts per state. */
final class ReportCommand {

	private ReportCommand() {
	}

	static void write(OpenedCampaign campaign, Path target, Output output) throws CliException {
		Path journal = CampaignPlaces.journal(campaign.file(), campaign.campaign());
		refuseToReplace(campaign, target, journal);
		Map<RecipientKey, JournalEntry> states;
		try {
			states = Journal.last(journal, campaign.list());
			Report.write(states, campaign.list(), target);
		} catch (IOException e) {
			throw new CliException(NLS.bind(Messages.Report_failed, target, e.getMessage()));
		}
		Map<String, Integer> counts = Report.counts(campaign.list().included(), states);

		Map<String, @Nullable Object> fields = new LinkedHashMap<>();
		fields.put("command", "report"); //$NON-NLS-1$ //$NON-NLS-2$
		fields.put("campaign", campaign.file().toString()); //$NON-NLS-1$
		fields.put("out", target.toString()); //$NON-NLS-1$
		fields.put("recipients", campaign.list().recipients().size()); //$NON-NLS-1$
		fields.put("included", campaign.list().included().size()); //$NON-NLS-1$
		counts.forEach((state, count) -> fields.put(state.toLowerCase(java.util.Locale.ROOT), count));
		output.summary(fields, NLS.bind(Messages.Report_written, target, counts.entrySet().stream()
				.map(e -> e.getKey() + ' ' + e.getValue()).collect(Collectors.joining(", ")))); //$NON-NLS-1$
	}

	/**
	 * A report never replaces the campaign, its recipients file or its journal, nor an existing file
	 * that is not a .csv (a typing mistake must not cost the user a document).
	 */
	private static void refuseToReplace(OpenedCampaign campaign, Path target, Path journal) throws CliException {
		if (!java.nio.file.Files.exists(target)) {
			return;
		}
		List<Path> own = new java.util.ArrayList<>(List.of(campaign.file(), journal));
		if (!campaign.campaign().source().isAccount() && !campaign.campaign().source().location().isBlank()) {
			own.add(Path.of(campaign.campaign().source().location()));
		}
		for (Path path : own) {
			try {
				if (java.nio.file.Files.exists(path) && java.nio.file.Files.isSameFile(path, target)) {
					throw new CliException(NLS.bind(Messages.Report_ownFile, target));
				}
			} catch (IOException e) {
				// cannot compare: the name check below still applies
			}
		}
		if (!target.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".csv")) { //$NON-NLS-1$
			throw new CliException(NLS.bind(Messages.Report_notCsv, target));
		}
	}
}
