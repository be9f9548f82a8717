package com.securemailmerge.licence.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The rate limit with its defaults (a burst of 10, one more every 6 s) on the real server:
 * 429 with Retry-After, nothing stored, and X-Forwarded-For believed only from a trusted proxy.
 */
final class RateLimitServerTest {

	private static final String PAID = "paid-rate.example";
	private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	@Test
	void theEleventhQuickRequestIs429WithRetryAfterAndStoresNothing(@TempDir Path folder) throws Exception {
		try (ServerProcess server = start(folder, List.of())) {
			for (int i = 0; i < 10; i++) {
				assertEquals(200, post(server, "probe" + i + "@gmail.example", null).statusCode());
			}
			HttpResponse<String> limited = post(server, "seat" + "@" + PAID, null);
			assertEquals(429, limited.statusCode());
			long retryAfter = Long.parseLong(limited.headers().firstValue("Retry-After").orElseThrow());
			assertTrue(retryAfter >= 1 && retryAfter <= 6, "Retry-After " + retryAfter);
			// from a peer that is no trusted proxy, X-Forwarded-For changes nothing
			assertEquals(429, post(server, "probe@gmail.example", "203.0.113.9").statusCode());
			assertEquals(0, seats(folder));
		}
	}

	@Test
	void aTrustedProxysClientsHaveABucketEach(@TempDir Path folder) throws Exception {
		try (ServerProcess server = start(folder, List.of("--trusted-proxies", "127.0.0.1"))) {
			for (int i = 0; i < 10; i++) {
				assertEquals(200, post(server, "probe" + i + "@gmail.example", "203.0.113.7").statusCode());
			}
			assertEquals(429, post(server, "probe@gmail.example", "203.0.113.7").statusCode());
			assertEquals(429, post(server, "probe@gmail.example", "198.51.100.1, 203.0.113.7").statusCode(),
					"the right-most untrusted hop counts, not what the client prepends");
			assertEquals(200, post(server, "probe@gmail.example", "203.0.113.8").statusCode());
			assertEquals(200, post(server, "probe@gmail.example", null).statusCode(), "the proxy itself");
		}
	}

	private static ServerProcess start(Path folder, List<String> extra) throws Exception {
		Path licences = folder.resolve("licences.csv");
		Files.writeString(licences, PAID + ",2099-12-31\n");
		List<String> args = new java.util.ArrayList<>(List.of("--port", "0", "--rate-burst", "10", "--rate-refill-seconds", "6",
				"--licences", licences.toString(), "--db", "sqlite:" + folder.resolve("data/licences.db")));
		args.addAll(extra);
		return ServerProcess.start(folder.resolve("server"), Instant.parse("2027-06-01T00:00:00Z"), args);
	}

	private HttpResponse<String> post(ServerProcess server, String address, String forwardedFor) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(server.http("/api/license"))
				.header("Content-Type", "text/plain; charset=UTF-8").POST(BodyPublishers.ofString(address, StandardCharsets.UTF_8));
		if (forwardedFor != null) {
			request.header("X-Forwarded-For", forwardedFor);
		}
		return client.send(request.build(), BodyHandlers.ofString());
	}

	private static long seats(Path folder) throws Exception {
		try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + folder.resolve("data/licences.db"));
				Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM seat")) {
			rs.next();
			return rs.getLong(1);
		}
	}
}
