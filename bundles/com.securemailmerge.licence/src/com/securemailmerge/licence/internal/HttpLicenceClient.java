package com.securemailmerge.licence.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpClient.Redirect;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;

import javax.net.ssl.SSLContext;

import org.eclipse.jdt.annotation.Nullable;
import org.eclipse.osgi.util.NLS;

import com.securemailmerge.licence.LicenceStatus;
import com.securemailmerge.licence.LicenceStatus.Tier;

/**
 * One licence endpoint over HTTPS: a POST whose body is the primary address and nothing else (no
 * query string added, no header carrying data, no cookies, redirects not followed). Never throws:
 * every failure is {@link Tier#UNKNOWN} with a message naming the host.
 */
public final class HttpLicenceClient implements AutoCloseable {

	static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
	static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(20);
	private static final int MAX_ANSWER = 4096;

	private final URI endpoint;
	/** The User-Agent of the licence request: the product's name, no version, no platform. */
	static final String USER_AGENT = "SecureMailMerge"; //$NON-NLS-1$

	private final @Nullable HttpClient client;

	public HttpLicenceClient(URI endpoint, @Nullable SSLContext ssl) {
		this.endpoint = endpoint;
		this.client = "https".equalsIgnoreCase(endpoint.getScheme()) ? build(ssl) : null; //$NON-NLS-1$
	}

	private static HttpClient build(@Nullable SSLContext ssl) {
		HttpClient.Builder builder = HttpClient.newBuilder().followRedirects(Redirect.NEVER).connectTimeout(CONNECT_TIMEOUT);
		if (ssl != null) {
			builder.sslContext(ssl);
		}
		return builder.build(); // no cookie handler: no cookies kept or sent
	}

	public LicenceStatus check(String primaryAddress) {
		HttpClient https = client;
		if (https == null) {
			return unknown(NLS.bind(Messages.Licence_notHttps, endpoint));
		}
		String address = primaryAddress.strip();
		if (address.isEmpty() || address.indexOf('@') < 0) {
			return unknown(Messages.Licence_noAddress);
		}
		String host = host();
		try {
			HttpRequest request = HttpRequest.newBuilder(endpoint).timeout(REQUEST_TIMEOUT)
					.header("Content-Type", "text/plain; charset=UTF-8") //$NON-NLS-1$ //$NON-NLS-2$
					// our name only: the JVM's default would tell the server which Java the user runs
					.header("User-Agent", USER_AGENT) //$NON-NLS-1$
					.POST(BodyPublishers.ofByteArray(address.getBytes(StandardCharsets.UTF_8))).build();
			HttpResponse<InputStream> response = https.send(request, BodyHandlers.ofInputStream());
			String answer;
			try (InputStream in = response.body()) {
				answer = new String(in.readNBytes(MAX_ANSWER), StandardCharsets.UTF_8);
			}
			return interpret(host, response.statusCode(), answer);
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			return unknown(NLS.bind(Messages.Licence_unreachable, host, reason(e)));
		} catch (IOException | RuntimeException e) {
			return unknown(NLS.bind(Messages.Licence_unreachable, host, reason(e)));
		}
	}

	/** The first message in the chain (the JDK's ConnectException has none), else the exception's name. */
	static String reason(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			String message = cause.getMessage();
			if (message != null && !message.isBlank()) {
				return message;
			}
		}
		return failure.getClass().getSimpleName();
	}

	/** 2xx naming "commercial" or "free" (plain text or JSON); anything else is unknown. */
	static LicenceStatus interpret(String host, int status, String answer) {
		if (status < 200 || status > 299) {
			return unknown(NLS.bind(Messages.Licence_refused, host, Integer.valueOf(status)));
		}
		String text = answer.toLowerCase(Locale.ROOT);
		if (text.contains("commercial")) { //$NON-NLS-1$
			return new LicenceStatus(Tier.COMMERCIAL, NLS.bind(Messages.Licence_commercial, host));
		}
		if (text.contains("free")) { //$NON-NLS-1$
			return new LicenceStatus(Tier.FREE, NLS.bind(Messages.Licence_free, host));
		}
		return unknown(NLS.bind(Messages.Licence_unclear, host, Integer.valueOf(status)));
	}

	private String host() {
		String host = endpoint.getHost();
		return host == null ? endpoint.toString() : host;
	}

	static LicenceStatus unknown(String message) {
		return new LicenceStatus(Tier.UNKNOWN, message);
	}

	@Override
	public void close() {
		HttpClient https = client;
		if (https != null) {
			https.shutdown();
		}
	}
}
