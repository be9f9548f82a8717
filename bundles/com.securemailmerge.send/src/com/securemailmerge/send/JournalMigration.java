package com.securemailmerge.send;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.securemailmerge.model.Recipient;
import com.securemailmerge.model.RecipientIdentity;
import com.securemailmerge.model.RecipientKey;
import com.securemailmerge.model.RecipientList;

/**
 * A journal of the first format keyed its recipients by row ({@code row:7}); this one keys them by
 * address. That format did not write the address down, so a row's records go to the recipient who
 * stands in that row now, when the journal is first opened by this version (before that the rows
 * could not be sorted without breaking it anyway). Records of rows the list no longer has keep their
 * key and are counted in {@link #unmatched()}: they are never dropped. The messages those records
 * tagged keep their old tags in the PLANNED records, which the runner looks up too.
 */
public record JournalMigration(List<JournalEntry> entries, int matched, Set<Integer> unmatched) {

	static JournalMigration of(List<JournalEntry> old, RecipientList list) {
		Map<Integer, RecipientKey> byRow = new HashMap<>();
		for (Recipient recipient : list.recipients()) {
			if (recipient.row() > 0) {
				byRow.put(recipient.row(), recipient.key());
			}
		}
		List<JournalEntry> migrated = new ArrayList<>(old.size());
		Set<Integer> matchedRows = new TreeSet<>();
		Set<Integer> unmatched = new TreeSet<>();
		for (JournalEntry entry : old) {
			String key = entry.recipient().value();
			RecipientKey now = null;
			if (key.startsWith(RecipientIdentity.ROW)) {
				try {
					int row = Integer.parseInt(key.substring(RecipientIdentity.ROW.length()));
					now = byRow.get(row);
					(now == null ? unmatched : matchedRows).add(row);
				} catch (NumberFormatException e) {
					now = null;
				}
			}
			migrated.add(now == null ? entry
					: new JournalEntry(entry.time(), now, entry.state(), entry.detail(), entry.addresses()));
		}
		return new JournalMigration(List.copyOf(migrated), matchedRows.size(), Set.copyOf(unmatched));
	}
}
