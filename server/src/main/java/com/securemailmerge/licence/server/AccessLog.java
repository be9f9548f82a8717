package com.securemailmerge.licence.server;

import java.io.IOException;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.sun.net.httpserver.Filter;
import com.sun.net.httpserver.HttpExchange;

/**
 * One line per request: method, path, status and duration. Never a body, a query string, a
 * header or the client's IP; a path other than the server's own is logged as {@code /other} and
 * an unusual method as {@code OTHER}, since either could carry an address a client put there.
 */
final class AccessLog extends Filter {

	private static final Logger LOG = LoggerFactory.getLogger("access");
	private static final Set<String> METHODS = Set.of("GET", "HEAD", "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "TRACE");

	@Override
	public void doFilter(HttpExchange exchange, Chain chain) throws IOException {
		long start = System.nanoTime();
		try {
			chain.doFilter(exchange);
		} finally {
			if (LOG.isInfoEnabled()) {
				String method = exchange.getRequestMethod();
				String path = exchange.getRequestURI().getRawPath();
				LOG.info("{} {} {} {}ms", METHODS.contains(method) ? method : "OTHER", Router.known(path) ? path : "/other",
						exchange.getResponseCode(), String.format("%.1f", (System.nanoTime() - start) / 1e6));
			}
		}
	}

	@Override
	public String description() {
		return "access log without bodies";
	}
}
