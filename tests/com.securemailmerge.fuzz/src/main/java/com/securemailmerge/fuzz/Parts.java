package com.securemailmerge.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * How a fuzz input is cut into the strings a target needs: decoded as UTF-8 (malformed bytes become
 * U+FFFD, as a reader of a broken file sees them) and split at the unit separator U+001F, which
 * seed files write as a byte 0x1F. Missing parts are empty, so every input is usable.
 */
final class Parts {

	static final char SEPARATOR = '\u001F';

	private final String[] parts;

	private Parts(String[] parts) {
		this.parts = parts;
	}

	static Parts of(byte[] data) {
		return new Parts(new String(data, StandardCharsets.UTF_8).split(String.valueOf(SEPARATOR), -1));
	}

	String get(int index) {
		return index < parts.length ? parts[index] : "";
	}

	int count() {
		return parts.length;
	}

	@Override
	public String toString() {
		return Arrays.toString(parts);
	}
}
