package com.securemailmerge.licence.server;

import java.util.List;
import java.util.Locale;

/**
 * The Content-Type check of a licence request: exactly one {@code text/plain}, whose charset, if
 * named, is UTF-8 (a missing charset is read as UTF-8; the bytes are checked either way).
 */
final class PlainTextType {

	/** What a Content-Type header means for the request. */
	enum Verdict {
		/** text/plain in UTF-8. */
		ACCEPTED,
		/** Not text/plain, or missing: 415. */
		UNSUPPORTED,
		/** text/plain in another charset: 400. */
		WRONG_CHARSET
	}

	private PlainTextType() {
	}

	static Verdict of(List<String> values) {
		if (values == null || values.size() != 1) {
			return Verdict.UNSUPPORTED;
		}
		String[] parts = values.get(0).split(";", -1);
		if (!"text/plain".equals(parts[0].strip().toLowerCase(Locale.ROOT))) {
			return Verdict.UNSUPPORTED;
		}
		for (int i = 1; i < parts.length; i++) {
			String parameter = parts[i].strip();
			int equals = parameter.indexOf('=');
			if (equals < 0) {
				return Verdict.UNSUPPORTED;
			}
			if ("charset".equals(parameter.substring(0, equals).strip().toLowerCase(Locale.ROOT))) {
				String charset = parameter.substring(equals + 1).strip();
				if (charset.length() >= 2 && charset.startsWith("\"") && charset.endsWith("\"")) {
					charset = charset.substring(1, charset.length() - 1);
				}
				if (!"utf-8".equals(charset.toLowerCase(Locale.ROOT))) {
					return Verdict.WRONG_CHARSET;
				}
			}
		}
		return Verdict.ACCEPTED;
	}
}
