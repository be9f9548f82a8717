package com.securemailmerge.licence.server;

import java.io.IOException;
import java.util.Map;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;

/** Exact paths to handlers; every other path is 404. */
final class Router implements HttpHandler {

	/** The paths the server answers; the access log names only these. */
	static final String LICENCE = "/api/license";
	static final String HEALTH = "/health";

	private final Map<String, HttpHandler> routes;

	Router(HttpHandler licence, HttpHandler health) {
		this.routes = Map.of(LICENCE, licence, HEALTH, health);
	}

	@Override
	public void handle(HttpExchange exchange) throws IOException {
		try (exchange) {
			HttpHandler handler = routes.get(exchange.getRequestURI().getRawPath());
			if (handler == null) {
				Responses.error(exchange, 404, "not_found");
			} else {
				handler.handle(exchange);
			}
		}
	}

	static boolean known(String path) {
		return LICENCE.equals(path) || HEALTH.equals(path);
	}
}
