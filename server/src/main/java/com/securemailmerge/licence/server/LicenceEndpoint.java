package com.securemailmerge.licence.server;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;

/**
 * {@code POST /api/license}: the body is the primary address as {@code text/plain; charset=UTF-8}.
 * In this order: 405 for another method, 429 when the client's bucket is empty (before anything
 * is read), 415 for another type, 400 for another charset, 413 for a body over the limit, 400 for
 * bytes that are not UTF-8 or text that is not an address, else 200 with the tier. Nothing is
 * stored unless the answer is commercial; the address is never logged and never echoed.
 */
final class LicenceEndpoint implements HttpHandler {

	private static final Logger LOG = LoggerFactory.getLogger(LicenceEndpoint.class);

	private final LicenceCheck check;
	private final AddressSyntax syntax;
	private final RateLimiter limiter;
	private final ClientAddress clients;
	private final int bodyLimit;

	LicenceEndpoint(LicenceCheck check, AddressSyntax syntax, RateLimiter limiter, ClientAddress clients, int bodyLimit) {
		this.check = check;
		this.syntax = syntax;
		this.limiter = limiter;
		this.clients = clients;
		this.bodyLimit = bodyLimit;
	}

	@Override
	public void handle(HttpExchange exchange) throws IOException {
		try {
			answer(exchange);
		} catch (IOException e) {
			throw e;
		} catch (RuntimeException e) {
			// the type only: no message, which could hold a part of the request
			LOG.warn("licence request failed: {}", Errors.describe(e));
			Responses.error(exchange, 500, "internal");
		}
	}

	private void answer(HttpExchange exchange) throws IOException {
		if (!"POST".equals(exchange.getRequestMethod())) {
			exchange.getResponseHeaders().set("Allow", "POST");
			Responses.error(exchange, 405, "method_not_allowed");
			return;
		}
		String client = clients.key(exchange.getRemoteAddress().getAddress(),
				exchange.getRequestHeaders().get("X-Forwarded-For"));
		long retryAfter = limiter.acquire(client);
		if (retryAfter > 0) {
			exchange.getResponseHeaders().set("Retry-After", Long.toString(retryAfter));
			exchange.getResponseHeaders().set("Connection", "close");
			Responses.error(exchange, 429, "too_many_requests");
			return;
		}
		switch (PlainTextType.of(exchange.getRequestHeaders().get("Content-Type"))) {
		case UNSUPPORTED -> {
			exchange.getResponseHeaders().set("Connection", "close");
			Responses.error(exchange, 415, "text_plain_required");
			return;
		}
		case WRONG_CHARSET -> {
			exchange.getResponseHeaders().set("Connection", "close");
			Responses.error(exchange, 400, "utf8_required");
			return;
		}
		case ACCEPTED -> {
			// read on
		}
		}
		byte[] body = readBody(exchange);
		if (body == null) {
			exchange.getResponseHeaders().set("Connection", "close");
			Responses.error(exchange, 413, "body_too_large");
			return;
		}
		Optional<String> address = decode(body).flatMap(syntax::normalizeAddress);
		if (address.isEmpty()) {
			Responses.error(exchange, 400, "not_an_address");
			return;
		}
		Responses.json(exchange, 200, check.check(address.get()).json());
	}

	/** The body, or null when it is longer than the limit (declared or actual). */
	private byte[] readBody(HttpExchange exchange) throws IOException {
		String declared = exchange.getRequestHeaders().getFirst("Content-Length");
		if (declared != null) {
			try {
				if (Long.parseLong(declared.strip()) > bodyLimit) {
					return null;
				}
			} catch (NumberFormatException e) {
				return null;
			}
		}
		try (InputStream in = exchange.getRequestBody()) {
			byte[] body = in.readNBytes(bodyLimit + 1);
			return body.length > bodyLimit ? null : body;
		}
	}

	private static Optional<String> decode(byte[] body) {
		try {
			return Optional.of(StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
					.onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body)).toString());
		} catch (CharacterCodingException e) {
			return Optional.empty();
		}
	}
}
