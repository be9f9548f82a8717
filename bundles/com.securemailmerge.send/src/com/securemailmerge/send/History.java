package com.securemailmerge.send;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.eclipse.jdt.annotation.Nullable;

import com.securemailmerge.model.RecipientKey;

/**
 * What earlier attempts left of each recipient's message, read once from the journal when a run
 * starts: the tags it was planned under (a migrated journal's old tags among them) and the id of
 * the last draft made for it.
 */
final class History {

	private final Map<RecipientKey, Set<String>> tags = new HashMap<>();
	private final Map<RecipientKey, String> drafts = new HashMap<>();

	History(List<JournalEntry> entries) {
		for (JournalEntry entry : entries) {
			switch (entry.state()) {
			case PLANNED -> {
				if (!entry.detail().isBlank()) {
					tags.computeIfAbsent(entry.recipient(), k -> new LinkedHashSet<>()).add(entry.detail());
				}
			}
			case DRAFTED, SUBMITTED, UNCONFIRMED, SCHEDULED -> {
				if (!entry.detail().isBlank()) {
					drafts.put(entry.recipient(), firstWord(entry.detail()));
				}
			}
			case WITHDRAWN -> drafts.remove(entry.recipient()); // deleted: the next message is a new one
			default -> {
				// SENT and FAILED name no draft
			}
			}
		}
	}

	/** SUBMITTED, UNCONFIRMED and SCHEDULED records begin with the id; a reason or a time may follow after a space. */
	private static String firstWord(String detail) {
		int space = detail.indexOf(' ');
		return space < 0 ? detail : detail.substring(0, space);
	}

	/** Every tag the recipient's message had, the current one first. */
	Set<String> tags(RecipientKey recipient, String current) {
		Set<String> all = new LinkedHashSet<>();
		all.add(current);
		all.addAll(tags.getOrDefault(recipient, Set.of()));
		return all;
	}

	@Nullable
	String draft(RecipientKey recipient) {
		return drafts.get(recipient);
	}
}
