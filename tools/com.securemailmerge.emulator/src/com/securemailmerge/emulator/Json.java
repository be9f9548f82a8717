package com.securemailmerge.emulator;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.jdt.annotation.Nullable;

/** A small JSON reader (objects, arrays, strings, numbers, true, false, null) for request bodies. */
final class Json {

	private final String text;
	private int at;

	private Json(String text) {
		this.text = text;
	}

	static @Nullable Object parse(String text) {
		Json json = new Json(text);
		Object value = json.value();
		json.space();
		if (json.at != text.length()) {
			throw new IllegalArgumentException("Trailing characters at " + json.at); //$NON-NLS-1$
		}
		return value;
	}

	@SuppressWarnings("unchecked")
	static Map<String, Object> object(String text) {
		Object value = parse(text);
		if (!(value instanceof Map)) {
			throw new IllegalArgumentException("Not a JSON object"); //$NON-NLS-1$
		}
		return (Map<String, Object>) value;
	}

	private @Nullable Object value() {
		space();
		if (at >= text.length()) {
			throw new IllegalArgumentException("Unexpected end"); //$NON-NLS-1$
		}
		char c = text.charAt(at);
		switch (c) {
		case '{':
			return object();
		case '[':
			return array();
		case '"':
			return string();
		case 't':
			return literal("true", Boolean.TRUE); //$NON-NLS-1$
		case 'f':
			return literal("false", Boolean.FALSE); //$NON-NLS-1$
		case 'n':
			literal("null", Boolean.FALSE); //$NON-NLS-1$
			return null;
		default:
			return number();
		}
	}

	private Map<String, @Nullable Object> object() {
		Map<String, @Nullable Object> map = new LinkedHashMap<>();
		at++;
		space();
		if (text.charAt(at) == '}') {
			at++;
			return map;
		}
		while (true) {
			space();
			String key = string();
			space();
			expect(':');
			map.put(key, value());
			space();
			if (text.charAt(at) == ',') {
				at++;
				continue;
			}
			expect('}');
			return map;
		}
	}

	private List<@Nullable Object> array() {
		List<@Nullable Object> list = new ArrayList<>();
		at++;
		space();
		if (text.charAt(at) == ']') {
			at++;
			return list;
		}
		while (true) {
			list.add(value());
			space();
			if (text.charAt(at) == ',') {
				at++;
				continue;
			}
			expect(']');
			return list;
		}
	}

	private String string() {
		expect('"');
		StringBuilder out = new StringBuilder();
		while (true) {
			char c = text.charAt(at++);
			if (c == '"') {
				return out.toString();
			}
			if (c == '\\') {
				char e = text.charAt(at++);
				switch (e) {
				case 'n' -> out.append('\n');
				case 'r' -> out.append('\r');
				case 't' -> out.append('\t');
				case 'b' -> out.append('\b');
				case 'f' -> out.append('\f');
				case 'u' -> {
					out.append((char) Integer.parseInt(text.substring(at, at + 4), 16));
					at += 4;
				}
				default -> out.append(e);
				}
			} else {
				out.append(c);
			}
		}
	}

	private Object number() {
		int start = at;
		while (at < text.length() && "+-0123456789.eE".indexOf(text.charAt(at)) >= 0) { //$NON-NLS-1$
			at++;
		}
		String number = text.substring(start, at);
		if (number.isEmpty()) {
			throw new IllegalArgumentException("Unexpected character at " + start); //$NON-NLS-1$
		}
		return number.contains(".") || number.contains("e") || number.contains("E") ? (Object) Double.valueOf(number) //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
				: (Object) Long.valueOf(number);
	}

	private Object literal(String word, Object value) {
		if (!text.startsWith(word, at)) {
			throw new IllegalArgumentException("Expected " + word + " at " + at); //$NON-NLS-1$ //$NON-NLS-2$
		}
		at += word.length();
		return value;
	}

	private void expect(char c) {
		if (at >= text.length() || text.charAt(at) != c) {
			throw new IllegalArgumentException("Expected '" + c + "' at " + at); //$NON-NLS-1$ //$NON-NLS-2$
		}
		at++;
	}

	private void space() {
		while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
			at++;
		}
	}
}
