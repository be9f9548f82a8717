package com.securemailmerge.merge.internal;

import java.util.ArrayList;
import java.util.List;

import com.securemailmerge.recipients.EmailAddresses;

/**
 * The address lines of a message: entries separated by commas or semicolons, each a bare address or
 * {@code Name <address>}; commas inside quotes or angle brackets do not separate.
 */
final class Addresses {

	private Addresses() {
	}

	static List<String> split(String line) {
		List<String> entries = new ArrayList<>();
		StringBuilder current = new StringBuilder();
		boolean quoted = false;
		boolean angled = false;
		for (int i = 0; i < line.length(); i++) {
			char c = line.charAt(i);
			if (c == '"') {
				quoted = !quoted;
			} else if (c == '<' && !quoted) {
				angled = true;
			} else if (c == '>' && !quoted) {
				angled = false;
			}
			if ((c == ',' || c == ';') && !quoted && !angled) {
				add(entries, current);
			} else {
				current.append(c);
			}
		}
		add(entries, current);
		return entries;
	}

	private static void add(List<String> entries, StringBuilder current) {
		String entry = current.toString().strip();
		if (!entry.isEmpty()) {
			entries.add(entry);
		}
		current.setLength(0);
	}

	/** The address of an entry: what is in angle brackets, or the entry itself. */
	static String address(String entry) {
		int open = entry.lastIndexOf('<');
		int close = entry.lastIndexOf('>');
		return open >= 0 && close > open ? entry.substring(open + 1, close).strip() : entry.strip();
	}

	static boolean isValid(String entry) {
		return EmailAddresses.isValid(address(entry));
	}
}
