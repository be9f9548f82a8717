package com.securemailmerge.model;

/**
 * One entry of an address line as a merged message carries it: the bare address, or a display name
 * and the address as {@code "name" <address>}, the name always quoted (a backslash before {@code "}
 * and {@code \}), so that a comma, a semicolon or angle brackets in a name are the name's and never
 * separate, add or replace an address. Transports read entries only through this class.
 */
public final class AddressLine {

	private AddressLine() {
	}

	/** The entry of this name (may be blank) and address. */
	public static String format(String name, String address) {
		String display = name.strip();
		if (display.isEmpty()) {
			return address;
		}
		return '"' + display.replace("\\", "\\\\").replace("\"", "\\\"") + "\" <" + address + '>';
	}

	/** The address of an entry: what its last angle brackets hold, or the entry itself. */
	public static String address(String entry) {
		int close = entry.lastIndexOf('>');
		int open = close < 0 ? -1 : entry.lastIndexOf('<', close);
		return open >= 0 ? entry.substring(open + 1, close).strip() : entry.strip();
	}

	/** The display name of an entry (empty when it has none), unquoted. */
	public static String name(String entry) {
		int close = entry.lastIndexOf('>');
		int open = close < 0 ? -1 : entry.lastIndexOf('<', close);
		if (open < 0) {
			return "";
		}
		String name = entry.substring(0, open).strip();
		if (name.length() >= 2 && name.charAt(0) == '"' && name.charAt(name.length() - 1) == '"') {
			StringBuilder plain = new StringBuilder(name.length());
			for (int i = 1; i < name.length() - 1; i++) {
				char c = name.charAt(i);
				if (c == '\\' && i + 1 < name.length() - 1) {
					c = name.charAt(++i);
				}
				plain.append(c);
			}
			return plain.toString();
		}
		return name;
	}
}
