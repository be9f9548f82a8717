package com.securemailmerge.licence.server;

import java.util.Locale;
import java.util.Optional;

/**
 * The address syntax the server accepts, and the form it matches in. An address is a dot-atom
 * local part (RFC 5322 atext and dots; no quoted strings, no comments), one {@code @} and a domain
 * of at least two LDH labels (RFC 1035: letters, digits, inner hyphens, 1 to 63 characters; the
 * last label not all digits). ASCII only: Exchange Online's primary SMTP addresses are ASCII.
 * At most 64 characters before the {@code @} and 254 in all (RFC 5321). No spaces, controls or
 * line breaks anywhere, not even at the ends. The whole address is lower-cased for matching, as
 * Exchange treats the local part case-insensitively too.
 *
 * <p>Never throws and never builds a message that holds its input.
 */
public final class AddressSyntax {

	static final int MAX_ADDRESS = 254;
	static final int MAX_LOCAL = 64;
	private static final int MAX_LABEL = 63;
	private static final String ATEXT_SPECIALS = "!#$%&'*+-/=?^_`{|}~";

	/** The address in matching form (lower case), or empty when the text is not an address. */
	public Optional<String> normalizeAddress(String text) {
		if (text.length() > MAX_ADDRESS) {
			return Optional.empty();
		}
		int at = text.indexOf('@');
		if (at <= 0 || at != text.lastIndexOf('@') || at > MAX_LOCAL) {
			return Optional.empty();
		}
		if (!isLocalPart(text, 0, at) || !isDomain(text, at + 1, text.length())) {
			return Optional.empty();
		}
		return Optional.of(text.toLowerCase(Locale.ROOT));
	}

	/** The domain in matching form (lower case), or empty when the text is not a domain. */
	public Optional<String> normalizeDomain(String text) {
		if (text.length() > MAX_ADDRESS - 2 || !isDomain(text, 0, text.length())) {
			return Optional.empty();
		}
		return Optional.of(text.toLowerCase(Locale.ROOT));
	}

	private static boolean isLocalPart(String text, int from, int to) {
		if (text.charAt(from) == '.' || text.charAt(to - 1) == '.') {
			return false;
		}
		for (int i = from; i < to; i++) {
			char c = text.charAt(i);
			if (c == '.') {
				if (text.charAt(i - 1) == '.') {
					return false;
				}
			} else if (!isAsciiLetterOrDigit(c) && ATEXT_SPECIALS.indexOf(c) < 0) {
				return false;
			}
		}
		return true;
	}

	private static boolean isDomain(String text, int from, int to) {
		int labels = 0;
		int start = from;
		boolean lastAllDigits = false;
		while (start <= to) {
			int end = text.indexOf('.', start);
			if (end < 0 || end > to) {
				end = to;
			}
			if (!isLabel(text, start, end)) {
				return false;
			}
			lastAllDigits = allDigits(text, start, end);
			labels++;
			start = end + 1;
		}
		return labels >= 2 && !lastAllDigits;
	}

	private static boolean isLabel(String text, int from, int to) {
		int length = to - from;
		if (length < 1 || length > MAX_LABEL || text.charAt(from) == '-' || text.charAt(to - 1) == '-') {
			return false;
		}
		for (int i = from; i < to; i++) {
			char c = text.charAt(i);
			if (!isAsciiLetterOrDigit(c) && c != '-') {
				return false;
			}
		}
		return true;
	}

	private static boolean allDigits(String text, int from, int to) {
		for (int i = from; i < to; i++) {
			if (text.charAt(i) < '0' || text.charAt(i) > '9') {
				return false;
			}
		}
		return true;
	}

	private static boolean isAsciiLetterOrDigit(char c) {
		return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9';
	}
}
