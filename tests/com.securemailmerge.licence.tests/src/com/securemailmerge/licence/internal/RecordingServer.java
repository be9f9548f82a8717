package com.securemailmerge.licence.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.net.ssl.SSLContext;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;

/**
 * A licence endpoint on 127.0.0.1 that records every request (method, path, raw query, headers with
 * lower-case names, body bytes) and gives the answer the test sets.
 */
@org.eclipse.jdt.annotation.NonNullByDefault({})
final class RecordingServer implements AutoCloseable {

	static final String PATH = "/api/license";

	record Request(String method, String path, String query, Map<String, List<String>> headers, byte[] body) {

		String header(String name) {
			List<String> values = headers.get(name);
			return values == null || values.isEmpty() ? null : values.get(0);
		}
	}

	private final HttpServer server;
	private final String scheme;
	private final List<Request> requests = new CopyOnWriteArrayList<>();
	private volatile int status = 200;
	private volatile String answer = "free";
	private volatile String location;

	private RecordingServer(HttpServer server, String scheme) {
		this.server = server;
		this.scheme = scheme;
	}

	static RecordingServer https(SSLContext serverContext) throws IOException {
		HttpsServer server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		server.setHttpsConfigurator(new HttpsConfigurator(serverContext));
		return start(server, "https");
	}

	static RecordingServer http() throws IOException {
		return start(HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0), "http");
	}

	private static RecordingServer start(HttpServer server, String scheme) {
		RecordingServer recording = new RecordingServer(server, scheme);
		server.createContext("/", recording::handle);
		server.start();
		return recording;
	}

	/** The next answers: this status and body (and a Location header for a redirect, or null). */
	void answer(int newStatus, String body, String redirectTo) {
		status = newStatus;
		answer = body;
		location = redirectTo;
	}

	URI endpoint() {
		return URI.create(scheme + "://127.0.0.1:" + port() + PATH);
	}

	int port() {
		return server.getAddress().getPort();
	}

	List<Request> requests() {
		return List.copyOf(requests);
	}

	private void handle(HttpExchange exchange) throws IOException {
		byte[] body;
		try (InputStream in = exchange.getRequestBody()) {
			body = in.readAllBytes();
		}
		Map<String, List<String>> headers = new TreeMap<>();
		exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), List.copyOf(values)));
		requests.add(new Request(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(),
				exchange.getRequestURI().getRawQuery(), headers, body));
		byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
		if (location != null) {
			exchange.getResponseHeaders().set("Location", location);
		}
		exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
		if (bytes.length > 0) {
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(bytes);
			}
		}
		exchange.close();
	}

	@Override
	public void close() {
		server.stop(0);
	}
}
