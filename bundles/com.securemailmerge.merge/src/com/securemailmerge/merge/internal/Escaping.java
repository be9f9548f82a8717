package com.securemailmerge.merge.internal;

import org.eclipse.jdt.annotation.NonNullByDefault;

import com.github.jknack.handlebars.EscapingStrategy;

/** How printed values are escaped in each part of a message. */
@NonNullByDefault({}) // Handlebars' interface carries no null annotations
enum Escaping implements EscapingStrategy {

	/** Headers and file names: a line break in a value becomes a space, it never reaches a header. */
	HEADER {
		@Override
		public CharSequence escape(CharSequence value) {
			return singleLine(value);
		}
	},
	/**
	 * Address lines: a value is marked as one (on one line), so that the line is parsed with the
	 * template's syntax alone and the value goes in as a display name or an address, never as syntax
	 * ({@link Addresses}). Marks a value might carry itself are dropped.
	 */
	ADDRESS {
		@Override
		public CharSequence escape(CharSequence value) {
			if (value == null || value.length() == 0) {
				return ""; //$NON-NLS-1$
			}
			// a value holding the marks themselves cannot end its own value early: they become U+FFFD,
			// which no address holds (so the address is invalid, not silently another one)
			String line = singleLine(value).toString().replace(Addresses.OPEN, "\uFFFD").replace(Addresses.CLOSE, //$NON-NLS-1$
					"\uFFFD"); //$NON-NLS-1$
			return Addresses.OPEN + line + Addresses.CLOSE;
		}
	},
	/** The plain-text alternative: values as they are, line breaks included. */
	TEXT {
		@Override
		public CharSequence escape(CharSequence value) {
			return value == null ? "" : value; //$NON-NLS-1$
		}
	},
	/** HTML bodies: the value is text, never markup. */
	HTML {
		@Override
		public CharSequence escape(CharSequence value) {
			return EscapingStrategy.HTML_ENTITY.escape(value);
		}
	},
	/** Markdown bodies: every ASCII punctuation mark is backslash-escaped, so values stay text. */
	MARKDOWN {
		@Override
		public CharSequence escape(CharSequence value) {
			if (value == null) {
				return ""; //$NON-NLS-1$
			}
			StringBuilder escaped = new StringBuilder(value.length() + 8);
			for (int i = 0; i < value.length(); i++) {
				char c = value.charAt(i);
				if (c < 128 && isPunctuation(c)) {
					escaped.append('\\');
				}
				escaped.append(c);
			}
			return escaped;
		}
	};

	private static boolean isPunctuation(char c) {
		return (c >= '!' && c <= '/') || (c >= ':' && c <= '@') || (c >= '[' && c <= '`') || (c >= '{' && c <= '~');
	}

	static CharSequence singleLine(CharSequence value) {
		if (value == null) {
			return ""; //$NON-NLS-1$
		}
		StringBuilder line = null;
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			if (c == '\r' || c == '\n' || c == '\u0085' || c == '\u2028' || c == '\u2029') {
				if (line == null) {
					line = new StringBuilder(value.length()).append(value, 0, i);
				}
				if (line.length() == 0 || line.charAt(line.length() - 1) != ' ') {
					line.append(' ');
				}
			} else if (line != null) {
				line.append(c);
			}
		}
		return line == null ? value : line;
	}
}
