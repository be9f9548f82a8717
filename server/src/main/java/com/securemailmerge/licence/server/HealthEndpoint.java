package com.securemailmerge.licence.server;

import java.io.IOException;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;

/** {@code GET /health}: 200 {@code {"status":"up"}} when the database answers, else 503. */
final class HealthEndpoint implements HttpHandler {

	private final LicenceStore store;

	HealthEndpoint(LicenceStore store) {
		this.store = store;
	}

	@Override
	public void handle(HttpExchange exchange) throws IOException {
		String method = exchange.getRequestMethod();
		if (!"GET".equals(method) && !"HEAD".equals(method)) {
			exchange.getResponseHeaders().set("Allow", "GET, HEAD");
			Responses.error(exchange, 405, "method_not_allowed");
		} else if (store.ping()) {
			Responses.json(exchange, 200, "{\"status\":\"up\"}");
		} else {
			Responses.json(exchange, 503, "{\"status\":\"down\"}");
		}
	}
}
