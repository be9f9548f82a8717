package com.securemailmerge.emulator;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpContext;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpPrincipal;

/** One request of a JSON $batch, run through the same handlers as a request of its own. */
@NonNullByDefault({}) // the JDK's abstract class carries no null annotations
final class BatchExchange extends HttpExchange {

	private final String method;
	private final URI uri;
	private final Headers requestHeaders = new Headers();
	private final Headers responseHeaders = new Headers();
	private InputStream body;
	private ByteArrayOutputStream response = new ByteArrayOutputStream();
	private int status = -1;

	BatchExchange(String method, URI uri, @Nullable String authorization, String body) {
		this.method = method;
		this.uri = uri;
		if (authorization != null) {
			requestHeaders.set("Authorization", authorization); //$NON-NLS-1$
		}
		this.body = new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8));
	}

	int status() {
		return status;
	}

	String responseBody() {
		return response.toString(StandardCharsets.UTF_8);
	}

	@Override
	public Headers getRequestHeaders() {
		return requestHeaders;
	}

	@Override
	public Headers getResponseHeaders() {
		return responseHeaders;
	}

	@Override
	public URI getRequestURI() {
		return uri;
	}

	@Override
	public String getRequestMethod() {
		return method;
	}

	@Override
	public HttpContext getHttpContext() {
		throw new UnsupportedOperationException();
	}

	@Override
	public void close() {
		// nothing to release
	}

	@Override
	public InputStream getRequestBody() {
		return body;
	}

	@Override
	public OutputStream getResponseBody() {
		return response;
	}

	@Override
	public void sendResponseHeaders(int code, long length) {
		status = code;
	}

	@Override
	public InetSocketAddress getRemoteAddress() {
		return new InetSocketAddress(0);
	}

	@Override
	public int getResponseCode() {
		return status;
	}

	@Override
	public InetSocketAddress getLocalAddress() {
		return new InetSocketAddress(0);
	}

	@Override
	public String getProtocol() {
		return "HTTP/1.1"; //$NON-NLS-1$
	}

	@Override
	public Object getAttribute(String name) {
		return null;
	}

	@Override
	public void setAttribute(String name, Object value) {
		// no attributes
	}

	@Override
	public void setStreams(InputStream in, OutputStream out) {
		body = in;
	}

	@Override
	public HttpPrincipal getPrincipal() {
		return null;
	}
}
