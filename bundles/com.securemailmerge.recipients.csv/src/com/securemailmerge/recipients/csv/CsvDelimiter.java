package com.securemailmerge.recipients.csv;

import java.util.List;

/**
 * Guesses the delimiter from the first lines: the candidate (semicolon, the default of German
 * Excel; comma; tab) that appears outside quotes on the first line and the same number of times on
 * the most following lines wins; ties go to the one with more columns.
 */
final class CsvDelimiter {

	private static final char[] CANDIDATES = { ';', ',', '\t', '|' };

	private CsvDelimiter() {
	}

	static char sniff(List<String> lines) {
		char best = ';';
		long bestScore = -1;
		for (char candidate : CANDIDATES) {
			if (lines.isEmpty()) {
				break;
			}
			int header = count(lines.get(0), candidate);
			if (header == 0) {
				continue;
			}
			long consistent = lines.stream().skip(1).filter(l -> !l.isBlank() && count(l, candidate) == header).count();
			long score = consistent * 1000 + header;
			if (score > bestScore) {
				bestScore = score;
				best = candidate;
			}
		}
		return best;
	}

	private static int count(String line, char delimiter) {
		int count = 0;
		boolean quoted = false;
		for (int i = 0; i < line.length(); i++) {
			char c = line.charAt(i);
			if (c == '"') {
				quoted = !quoted;
			} else if (c == delimiter && !quoted) {
				count++;
			}
		}
		return count;
	}
}
