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
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.FormatStyle;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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

	/** The licence server's answer: {"tier":"free"} or {"tier":"commercial","until":"2027-12-31"}. */
	private static final Pattern TIER = Pattern.compile("\"tier\"\\s*:\\s*\"([a-z]{1,20})\""); //$NON-NLS-1$
	private static final Pattern UNTIL = Pattern.compile("\"until\"\\s*:\\s*\"(\\d{4}-\\d{2}-\\d{2})\""); //$NON-NLS-1$

	/**
	 * 2xx with a JSON document naming the tier (and for a commercial licence its last day), or an
	 * older server's plain text naming "commercial" or "free"; anything else is unknown. An end
	 * date that is no date is left out, the tier stays.
	 */
	static LicenceStatus interpret(String host, int status, String answer) {
		if (status < 200 || status > 299) {
			return unknown(NLS.bind(Messages.Licence_refused, host, Integer.valueOf(status)));
		}
		String text = answer.toLowerCase(Locale.ROOT);
		Matcher tier = TIER.matcher(text);
		// words count only in an older server's plain text: a JSON answer names its tier or none
		boolean json = text.contains("\"tier\""); //$NON-NLS-1$
		String named = tier.find() ? tier.group(1) : json ? "" //$NON-NLS-1$
				: text.contains("commercial") ? "commercial" : text.contains("free") ? "free" : ""; //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$ //$NON-NLS-5$
		return switch (named) {
		case "commercial" -> commercial(host, until(text)); //$NON-NLS-1$
		case "free" -> new LicenceStatus(Tier.FREE, NLS.bind(Messages.Licence_free, host)); //$NON-NLS-1$
		default -> unknown(NLS.bind(Messages.Licence_unclear, host, Integer.valueOf(status)));
		};
	}

	private static LicenceStatus commercial(String host, @Nullable LocalDate until) {
		return until == null ? new LicenceStatus(Tier.COMMERCIAL, NLS.bind(Messages.Licence_commercial, host))
				: new LicenceStatus(Tier.COMMERCIAL, NLS.bind(Messages.Licence_commercialUntil, host,
						DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).format(until)), until);
	}

	private static @Nullable LocalDate until(String text) {
		Matcher until = UNTIL.matcher(text);
		if (!until.find()) {
			return null;
		}
		try {
			return LocalDate.parse(until.group(1));
		} catch (DateTimeParseException e) {
			return null; // 2027-13-45: no date, and no reason to doubt the tier
		}
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
