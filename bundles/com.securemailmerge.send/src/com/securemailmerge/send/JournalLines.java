package com.securemailmerge.send;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.jdt.annotation.Nullable;
import org.eclipse.osgi.util.NLS;

import com.securemailmerge.model.RecipientKey;

/**
 * The lines of a journal file: one step per line (time, recipient, state, detail and the number of
 * addresses, tab-separated, escaped), read back tolerantly: a line cut off by a crash does not
 * count, a line that cannot be read is numbered and skipped.
 */
final class JournalLines {

	private JournalLines() {
	}

	/** Reads complete lines; a line without its end was cut off by a crash and never counted. */
	static Journal.Contents parse(byte[] bytes) {
		List<JournalEntry> into = new ArrayList<>();
		List<Integer> unreadable = new ArrayList<>();
		int format = 1;
		long valid = 0;
		int start = 0;
		int number = 0;
		for (int end = 0; end < bytes.length; end++) {
			if (bytes[end] != '\n') {
				continue;
			}
			number++;
			String line = new String(bytes, start, end - start, StandardCharsets.UTF_8);
			start = end + 1;
			valid = start;
			if (line.startsWith(Journal.HEADER) && number == 1) {
				format = parseFormat(line.substring(Journal.HEADER.length()).strip());
			} else if (!line.startsWith("#") && !line.isBlank()) { //$NON-NLS-1$
				JournalEntry entry = entry(line);
				if (entry == null) {
					unreadable.add(number);
				} else {
					into.add(entry);
				}
			}
		}
		return new Journal.Contents(List.copyOf(into), format, List.copyOf(unreadable), valid);
	}

	static int parseFormat(String text) {
		try {
			return Integer.parseInt(text);
		} catch (NumberFormatException e) {
			return 1;
		}
	}

	static @Nullable JournalEntry entry(String line) {
		String[] parts = line.split("\t", 5); //$NON-NLS-1$
		if (parts.length < 3) {
			return null;
		}
		try {
			return new JournalEntry(Instant.parse(parts[0]), new RecipientKey(unescape(parts[1])),
					RecipientState.valueOf(parts[2]), parts.length > 3 ? unescape(parts[3]) : "", //$NON-NLS-1$
					parts.length > 4 ? Integer.parseInt(parts[4].strip()) : 0);
		} catch (RuntimeException e) {
			return null;
		}
	}

	static String line(JournalEntry entry) {
		return entry.time() + "\t" + escape(entry.recipient().value()) + '\t' + entry.state() + '\t' //$NON-NLS-1$
				+ escape(entry.detail()) + (entry.addresses() > 0 ? "\t" + entry.addresses() : "") + '\n'; //$NON-NLS-1$ //$NON-NLS-2$
	}

	static String escape(String text) {
		return text.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r"); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$ //$NON-NLS-5$ //$NON-NLS-6$ //$NON-NLS-7$ //$NON-NLS-8$
	}

	static String unescape(String text) {
		StringBuilder out = new StringBuilder(text.length());
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c == '\\' && i + 1 < text.length()) {
				char next = text.charAt(++i);
				out.append(switch (next) {
				case 't' -> '\t';
				case 'n' -> '\n';
				case 'r' -> '\r';
				default -> next;
				});
			} else {
				out.append(c);
			}
		}
		return out.toString();
	}
}
