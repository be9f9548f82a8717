package com.securemailmerge.send;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import com.securemailmerge.model.Recipient;
import com.securemailmerge.model.RecipientList;

/**
 * The result of a campaign as a CSV file for a spreadsheet: one row per recipient of the list with
 * its address, its state and when. The states: SENT (confirmed: in Sent Items, or the .eml is in
 * the outbox), SUBMITTED (accepted by Exchange, its Sent Items copy not seen yet: it is confirmed on
 * the next run), UNCONFIRMED (submitted, but no copy appeared within the confirmation window: it may
 * have gone out; never sent again unless the user chooses to), FAILED (with the reason; tried again
 * on the next run), SKIPPED (excluded), OPTED_OUT (with the address on the sender's opt-out list:
 * left out by the last run), SCHEDULED (with the time it goes out at: Exchange holds it in the
 * Outbox until then), WITHDRAWN (scheduled, then taken back before its time: sent by the next run) and
 * NOT_SENT (not yet sent). UTF-8 with a byte order mark and semicolons, as Excel opens it in German and English.
 */
public final class Report {

	private Report() {
	}

	public static void write(Journal journal, RecipientList list, Path file) throws IOException {
		write(journal.states(), list, file);
	}

	/** From the last entry of each recipient (see {@link Journal#read}). */
	public static void write(java.util.Map<com.securemailmerge.model.RecipientKey, JournalEntry> states,
			RecipientList list, Path file) throws IOException {
		String email = list.emailField();
		try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
			out.write('\uFEFF');
			out.write("recipient;address;state;detail;time\r\n"); //$NON-NLS-1$
			for (Recipient recipient : list.recipients()) {
				JournalEntry entry = states.get(recipient.key());
				String state = !recipient.included() ? "SKIPPED" //$NON-NLS-1$
						: entry == null || entry.state() == RecipientState.PLANNED || entry.state() == RecipientState.DRAFTED ? "NOT_SENT" : entry.state().name(); //$NON-NLS-1$ //$NON-NLS-2$
				out.write(String.join(";", cell(recipient.position()), cell(email == null ? "" : recipient.text(email)), //$NON-NLS-1$ //$NON-NLS-2$
						state, cell(entry == null ? "" : detail(entry)), entry == null ? "" : entry.time().toString())); //$NON-NLS-1$ //$NON-NLS-2$
				out.write("\r\n"); //$NON-NLS-1$
			}
		}
	}

	/** What the report says of an entry: a scheduled message's time (not its id), else the journal's detail. */
	private static String detail(JournalEntry entry) {
		java.time.Instant due = entry.state() == RecipientState.SCHEDULED ? Schedule.due(entry.detail()) : null;
		return due == null ? entry.detail() : due.toString();
	}

	/** A CSV cell: quoted when it holds a separator, a quote or a line break; formulas defused. */
	static String cell(String value) {
		return com.securemailmerge.model.SpreadsheetCell.of(value);
	}

	/** How many of the included recipients are in each state (WAITING: none yet), in the journal's last entries. */
	public static java.util.Map<String, Integer> counts(java.util.List<Recipient> included,
			java.util.Map<com.securemailmerge.model.RecipientKey, JournalEntry> states) {
		java.util.Map<String, Integer> counts = new java.util.LinkedHashMap<>();
		for (Recipient recipient : included) {
			JournalEntry entry = states.get(recipient.key());
			String state = entry == null ? "WAITING" : entry.state().name(); //$NON-NLS-1$
			counts.merge(state, 1, Integer::sum);
		}
		return counts;
	}
}
