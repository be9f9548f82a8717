package com.securemailmerge.merge.internal;

import java.util.ArrayList;
import java.util.List;

import com.securemailmerge.model.AddressLine;
import com.securemailmerge.recipients.EmailAddresses;

/**
 * An address line is parsed, never assembled: the template's own text gives the syntax (entries
 * separated by commas or semicolons, {@code Name <address>}, quotes), and every merged value, marked
 * by {@link Escaping#ADDRESS}, is one piece of text inside it: in front of the angle brackets it is
 * part of the display name, inside them or alone it is the address. So a value can neither add nor
 * remove a recipient ({@code <mallory@evil.example>,} in a name stays a name), a natural
 * {@code Müller, Hans} is a display name, and a cell holding two addresses is one invalid address.
 */
final class Addresses {

	/** Around each merged value (characters of Unicode's private use area). */
	static final String OPEN = "\uE000"; //$NON-NLS-1$
	static final String CLOSE = "\uE001"; //$NON-NLS-1$

	/** One entry: its display name and address as the line gave them. */
	record Entry(String name, String address) {

		boolean isValid() {
			return EmailAddresses.isValid(address);
		}

		/** As a merged message carries it. */
		String formatted() {
			return AddressLine.format(name, address);
		}

		/** For messages to the user. */
		String shown() {
			return name.isBlank() ? address : name + " <" + address + '>'; //$NON-NLS-1$
		}
	}

	private Addresses() {
	}

	/** A value as an address line carries it when no template is given (the e-mail field alone). */
	static String value(String text) {
		return Escaping.ADDRESS.escape(text).toString();
	}

	/** The line as the user reads it (the marks taken out). */
	static String plain(String line) {
		return line.replace(OPEN, "").replace(CLOSE, ""); //$NON-NLS-1$ //$NON-NLS-2$
	}

	static List<Entry> parse(String line) {
		List<Entry> entries = new ArrayList<>();
		StringBuilder name = new StringBuilder();
		StringBuilder address = new StringBuilder();
		boolean value = false;
		boolean quoted = false;
		boolean angled = false;
		boolean hadAngles = false;
		for (int i = 0; i < line.length(); i++) {
			char c = line.charAt(i);
			if (c == OPEN.charAt(0)) {
				value = true;
				continue;
			}
			if (c == CLOSE.charAt(0)) {
				value = false;
				continue;
			}
			if (!value) {
				if (c == '"' && !angled) {
					quoted = !quoted;
					continue;
				}
				if (!quoted && c == '<' && !angled) {
					angled = true;
					hadAngles = true;
					continue;
				}
				if (!quoted && c == '>' && angled) {
					angled = false;
					continue;
				}
				if (!quoted && !angled && (c == ',' || c == ';')) {
					add(entries, name, address, hadAngles);
					hadAngles = false;
					continue;
				}
			}
			(angled ? address : name).append(c);
		}
		add(entries, name, address, hadAngles);
		return entries;
	}

	private static void add(List<Entry> entries, StringBuilder name, StringBuilder address, boolean hadAngles) {
		String text = name.toString().strip();
		String mail = address.toString().strip();
		name.setLength(0);
		address.setLength(0);
		if (hadAngles) {
			if (!mail.isEmpty()) { // a name without an address (an empty field) is no recipient
				entries.add(new Entry(text, mail));
			}
		} else if (!text.isEmpty()) {
			entries.add(new Entry("", text)); //$NON-NLS-1$
		}
	}
}
