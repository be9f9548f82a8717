package com.securemailmerge.emulator;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import com.sun.net.httpserver.HttpExchange;

/** Reading requests and writing responses of the emulator's HTTP handlers. */
final class Exchanges {

	private Exchanges() {
	}

	static String body(HttpExchange exchange) throws IOException {
		try (InputStream in = exchange.getRequestBody()) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

	/** An application/x-www-form-urlencoded body or query string. */
	static Map<String, String> form(String encoded) {
		Map<String, String> values = new LinkedHashMap<>();
		for (String pair : encoded.split("&")) { //$NON-NLS-1$
			if (pair.isEmpty()) {
				continue;
			}
			int equals = pair.indexOf('=');
			String key = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
			String value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8); //$NON-NLS-1$
			values.put(key, value);
		}
		return values;
	}

	static Map<String, String> query(HttpExchange exchange) {
		String query = exchange.getRequestURI().getRawQuery();
		return query == null ? Map.of() : form(query);
	}

	static void json(HttpExchange exchange, int status, String json) throws IOException {
		send(exchange, status, "application/json; charset=utf-8", json); //$NON-NLS-1$
	}

	/** Set while a request runs whose answer is to be lost (Fault.LOST_ANSWER). */
	static final ThreadLocal<Boolean> LOSE_ANSWER = ThreadLocal.withInitial(() -> Boolean.FALSE);

	static void send(HttpExchange exchange, int status, String contentType, String body) throws IOException {
		if (LOSE_ANSWER.get().booleanValue()) {
			exchange.close(); // done, but the client never hears of it
			return;
		}
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().set("Content-Type", contentType); //$NON-NLS-1$
		exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
		if (bytes.length > 0) {
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(bytes);
			}
		}
		exchange.close();
	}

	/** A JSON string literal. */
	static String quote(String text) {
		StringBuilder json = new StringBuilder(text.length() + 2).append('"');
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			switch (c) {
			case '"' -> json.append("\\\""); //$NON-NLS-1$
			case '\\' -> json.append("\\\\"); //$NON-NLS-1$
			case '\n' -> json.append("\\n"); //$NON-NLS-1$
			case '\r' -> json.append("\\r"); //$NON-NLS-1$
			case '\t' -> json.append("\\t"); //$NON-NLS-1$
			default -> {
				if (c < 0x20) {
					json.append(String.format("\\u%04x", (int) c)); //$NON-NLS-1$
				} else {
					json.append(c);
				}
			}
			}
		}
		return json.append('"').toString();
	}

	/** Writes a parsed JSON value back as JSON. */
	static String toJson(@org.eclipse.jdt.annotation.Nullable Object value) {
		if (value == null) {
			return "null"; //$NON-NLS-1$
		}
		if (value instanceof String text) {
			return quote(text);
		}
		if (value instanceof Map<?, ?> map) {
			StringBuilder json = new StringBuilder("{"); //$NON-NLS-1$
			for (Map.Entry<?, ?> entry : map.entrySet()) {
				if (json.length() > 1) {
					json.append(',');
				}
				json.append(quote(String.valueOf(entry.getKey()))).append(':').append(toJson(entry.getValue()));
			}
			return json.append('}').toString();
		}
		if (value instanceof java.util.List<?> list) {
			StringBuilder json = new StringBuilder("["); //$NON-NLS-1$
			for (Object item : list) {
				if (json.length() > 1) {
					json.append(',');
				}
				json.append(toJson(item));
			}
			return json.append(']').toString();
		}
		return String.valueOf(value);
	}

	static void oauthError(HttpExchange exchange, int status, String error, String description) throws IOException {
		json(exchange, status, "{\"error\":" + quote(error) + ",\"error_description\":" + quote(description) //$NON-NLS-1$ //$NON-NLS-2$
				+ ",\"error_codes\":[70000],\"timestamp\":\"2026-11-27 00:00:00Z\",\"trace_id\":\"00000000-0000-0000-0000-000000000000\"," //$NON-NLS-1$
				+ "\"correlation_id\":\"00000000-0000-0000-0000-000000000000\"}"); //$NON-NLS-1$
	}
}
