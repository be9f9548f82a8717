package com.securemailmerge.campaign;

import org.eclipse.jdt.annotation.Nullable;

/**
 * Text and attribute values without the characters XML 1.0 cannot hold, not even as a
 * reference (control characters other than tab and line breaks, lone surrogates, U+FFFE and
 * U+FFFF): a template or name with an escape character pasted into it would otherwise be saved into
 * a campaign file that no longer opens. They carry nothing a message could show.
 */
final class XmlText {

	private XmlText() {
	}

	static String safe(@Nullable String text) {
		if (text == null) {
			return ""; //$NON-NLS-1$
		}
		StringBuilder safe = null;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			boolean allowed;
			if (Character.isHighSurrogate(c)) {
				allowed = i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1));
				if (allowed) {
					if (safe != null) {
						safe.append(c).append(text.charAt(i + 1));
					}
					i++;
					continue;
				}
			} else {
				allowed = c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD);
			}
			if (!allowed && safe == null) {
				safe = new StringBuilder(text.length()).append(text, 0, i);
			} else if (allowed && safe != null) {
				safe.append(c);
			}
		}
		return safe == null ? text : safe.toString();
	}
}
