package com.securemailmerge.send;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.jdt.annotation.Nullable;

import com.securemailmerge.model.RecipientKey;

/**
 * When scheduled messages are due: from the chosen time on, at most {@link #PER_MINUTE} in any one
 * minute (Exchange Online's limit of 30 messages a minute also holds when deferred messages go out),
 * each minute filled before the next. Messages an earlier run scheduled keep their time and their
 * place: a resumed run fills up the minutes they left, so no minute ever holds more.
 */
final class Schedule {

	/** Messages due in one minute at most. */
	static final int PER_MINUTE = 30;

	private final Instant start;
	private final Map<Long, Integer> taken = new HashMap<>();
	private long minute;

	/** From {@code start} on; {@code entries}: the journal, whose SCHEDULED messages hold their minutes. */
	Schedule(Instant start, List<JournalEntry> entries) {
		this.start = start.truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
		this.minute = Math.floorDiv(this.start.getEpochSecond(), 60);
		Map<RecipientKey, JournalEntry> last = new LinkedHashMap<>();
		entries.forEach(entry -> last.put(entry.recipient(), entry));
		for (JournalEntry entry : last.values()) {
			Instant due = entry.state() == RecipientState.SCHEDULED ? due(entry.detail()) : null;
			if (due != null) {
				taken.merge(Long.valueOf(Math.floorDiv(due.getEpochSecond(), 60)), 1, Integer::sum);
			}
		}
	}

	/** The time of the next message: in the first minute from the start with room left. */
	synchronized Instant next() {
		while (taken.getOrDefault(Long.valueOf(minute), 0) >= PER_MINUTE) {
			minute++;
		}
		taken.merge(Long.valueOf(minute), 1, Integer::sum);
		Instant begins = Instant.ofEpochSecond(minute * 60);
		return begins.isAfter(start) ? begins : start;
	}

	/** A SCHEDULED record's detail: the message's id, a space, the time it is due. */
	static String detail(String id, Instant due) {
		return id + ' ' + due;
	}

	/** The time a SCHEDULED record's detail names, or null when it names none that can be read. */
	static @Nullable Instant due(String detail) {
		int space = detail.lastIndexOf(' ');
		if (space < 0) {
			return null;
		}
		try {
			return Instant.parse(detail.substring(space + 1));
		} catch (DateTimeParseException e) {
			return null;
		}
	}
}
