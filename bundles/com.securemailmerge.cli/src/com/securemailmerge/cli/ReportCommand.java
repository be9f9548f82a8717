package com.securemailmerge.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
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
}
