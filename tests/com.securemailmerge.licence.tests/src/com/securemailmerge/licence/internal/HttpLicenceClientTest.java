package com.securemailmerge.licence.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.securemailmerge.emulator.SelfSignedCertificate;
import com.securemailmerge.licence.LicenceService.Moment;
import com.securemailmerge.licence.LicenceStatus;
import com.securemailmerge.licence.LicenceStatus.Tier;

/**
 * What leaves the computer: against a local HTTPS endpoint that records everything, the request is
 * one POST whose body is exactly the address, with no query string and no header carrying data; the
 * answer is read as commercial, free or unknown; nothing is sent over plain HTTP, to an untrusted
 * certificate, or for an address that is none.
 */
@org.eclipse.jdt.annotation.NonNullByDefault({})
final class HttpLicenceClientTest {

	private static final String ANNA = "anna.weber@verein.example";
	/** What Java's HttpClient sends with a POST over HTTPS (HTTP/1.1): nothing of ours but the type. */
	private static final Set<String> EXPECTED_HEADERS = Set.of("host", "content-length", "content-type", "user-agent");

	private static SelfSignedCertificate certificate;
	private RecordingServer server;
	private HttpLicenceClient client;

	@BeforeAll
	static void makeCertificate() throws Exception {
		certificate = SelfSignedCertificate.generate();
	}

	@BeforeEach
	void start() throws Exception {
		server = RecordingServer.https(certificate.serverContext());
		client = new HttpLicenceClient(server.endpoint(), certificate.clientContext());
	}

	@AfterEach
	void stop() {
		client.close();
		server.close();
	}

	@Test
	void postsExactlyTheAddressAndNothingElse() {
		client.check("  " + ANNA + " \n");

		List<RecordingServer.Request> requests = server.requests();
		assertEquals(1, requests.size());
		RecordingServer.Request request = requests.get(0);
		assertEquals("POST", request.method());
		assertEquals(RecordingServer.PATH, request.path());
		assertNull(request.query(), "no query string");
		assertArrayEquals(ANNA.getBytes(StandardCharsets.UTF_8), request.body());
		assertTrue(EXPECTED_HEADERS.containsAll(request.headers().keySet()), request.headers().toString());
		request.headers().values().forEach(values -> assertEquals(1, values.size(), request.headers().toString()));
		assertEquals("127.0.0.1:" + server.port(), request.header("host"));
		assertEquals(String.valueOf(ANNA.length()), request.header("content-length"));
		assertEquals("text/plain; charset=UTF-8", request.header("content-type"));
		assertEquals("SecureMailMerge", request.header("user-agent"), "the product's name, not the JVM's version");
		for (Map.Entry<String, List<String>> header : request.headers().entrySet()) {
			String value = header.getValue().get(0);
			assertFalse(value.contains("@") || value.contains("anna") || value.contains("verein"), header.toString());
			for (Moment moment : Moment.values()) {
				assertFalse(value.toUpperCase(java.util.Locale.ROOT).contains(moment.name()), header.toString());
			}
		}
	}

	@Test
	void sendsANonAsciiAddressAsItsUtf8Bytes() {
		String address = "jörg.müller@straße.example";
		client.check(address);

		assertEquals(1, server.requests().size());
		assertArrayEquals(address.getBytes(StandardCharsets.UTF_8), server.requests().get(0).body());
		assertEquals(String.valueOf(address.getBytes(StandardCharsets.UTF_8).length),
				server.requests().get(0).header("content-length"));
	}

	@Test
	void readsCommercialFreeOrUnknownFromTheAnswer() {
		server.answer(200, "commercial", null);
		assertEquals(Tier.COMMERCIAL, client.check(ANNA).tier());
		server.answer(200, "{\"tier\":\"Commercial\",\"until\":\"2027-01-01\"}", null);
		assertEquals(Tier.COMMERCIAL, client.check(ANNA).tier());
		server.answer(200, "free", null);
		assertEquals(Tier.FREE, client.check(ANNA).tier());
		server.answer(200, "{\"tier\":\"FREE\"}", null);
		assertEquals(Tier.FREE, client.check(ANNA).tier());
		server.answer(200, "{\"status\":\"ok\"}", null);
		assertEquals(Tier.UNKNOWN, client.check(ANNA).tier());

		server.answer(500, "commercial", null);
		LicenceStatus failed = client.check(ANNA);
		assertEquals(Tier.UNKNOWN, failed.tier());
		assertTrue(failed.message().contains("500") && failed.message().contains("127.0.0.1"), failed.message());
		assertEquals(6, server.requests().size());
	}

	@Test
	void followsNoRedirect() {
		server.answer(302, "", "https://127.0.0.1:" + server.port() + "/elsewhere?address=" + ANNA);

		LicenceStatus status = client.check(ANNA);

		assertEquals(Tier.UNKNOWN, status.tier());
		assertTrue(status.message().contains("302"), status.message());
		assertEquals(1, server.requests().size());
	}

	@Test
	void refusesAPlainHttpEndpointWithoutSendingAnything() throws Exception {
		try (RecordingServer plain = RecordingServer.http();
				HttpLicenceClient insecure = new HttpLicenceClient(plain.endpoint(), null)) {
			LicenceStatus status = insecure.check(ANNA);

			assertEquals(Tier.UNKNOWN, status.tier());
			assertTrue(status.message().contains(plain.endpoint().toString()), status.message());
			assertEquals(List.of(), plain.requests());
		}
	}

	/** What the licence server (server/) answers: the tier in a JSON document, a licence's last day. */
	@Test
	void theLicenceServersAnswerGivesTheTierAndTheLastDay() {
		LicenceStatus commercial = HttpLicenceClient.interpret("licence.example", 200,
				"{\"tier\":\"commercial\",\"until\":\"2027-12-31\"}");
		assertEquals(Tier.COMMERCIAL, commercial.tier());
		assertEquals(java.time.LocalDate.of(2027, 12, 31), commercial.until());
		assertTrue(commercial.message().contains("licence.example"), commercial.message());
		assertTrue(commercial.message().contains("2027") && commercial.message().contains("31"), commercial.message());
		LicenceStatus free = HttpLicenceClient.interpret("licence.example", 200, "{\"tier\":\"free\"}");
		assertEquals(Tier.FREE, free.tier());
		assertNull(free.until());
		// an older server's plain text still counts, without a date
		assertEquals(Tier.COMMERCIAL, HttpLicenceClient.interpret("h", 200, "commercial").tier());
		assertNull(HttpLicenceClient.interpret("h", 200, "commercial").until());
	}

	/** A hostile or broken answer: the tier field wins over words elsewhere; a date that is none is left out. */
	@Test
	void aBrokenAnswerNeverMakesALicenceUp() {
		assertEquals(Tier.FREE, HttpLicenceClient.interpret("h", 200, "{\"tier\":\"free\",\"note\":\"commercial\"}").tier());
		LicenceStatus noDate = HttpLicenceClient.interpret("h", 200, "{\"tier\":\"commercial\",\"until\":\"2027-13-45\"}");
		assertEquals(Tier.COMMERCIAL, noDate.tier());
		assertNull(noDate.until());
		assertEquals(Tier.UNKNOWN, HttpLicenceClient.interpret("h", 200, "{\"tier\":\"platinum\"}").tier());
		assertEquals(Tier.UNKNOWN, HttpLicenceClient.interpret("h", 200, "{}").tier());
		assertEquals(Tier.UNKNOWN, HttpLicenceClient.interpret("h", 200, "{\"tier\":\"commercial_trial\"}").tier());
		assertEquals(Tier.UNKNOWN, HttpLicenceClient.interpret("h", 200, "{\"tier\":null,\"note\":\"no commercial licence\"}").tier());
		assertEquals(Tier.UNKNOWN, HttpLicenceClient.interpret("h", 302, "{\"tier\":\"commercial\"}").tier());
		assertNull(HttpLicenceClient.interpret("h", 200, "{\"tier\":\"free\",\"until\":\"2027-12-31\"}").until(),
				"a free tier has no end");
	}

	@Test
	void sendsNothingToAServerWhoseCertificateIsNotTrusted() {
		try (HttpLicenceClient defaultTrust = new HttpLicenceClient(server.endpoint(), null)) {
			LicenceStatus status = defaultTrust.check(ANNA);

			assertEquals(Tier.UNKNOWN, status.tier());
			assertTrue(status.message().contains("127.0.0.1"), status.message());
			assertEquals(List.of(), server.requests());
		}
	}

	@Test
	void sendsNothingForAnAddressThatIsNone() {
		for (String none : List.of("", "   ", "anna.weber", "\n")) {
			assertEquals(Tier.UNKNOWN, client.check(none).tier(), none);
		}
		assertEquals(List.of(), server.requests());
	}

	@Test
	void anUnreachableServerIsUnknownQuicklyAndNamed() throws Exception {
		int closed;
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			closed = socket.getLocalPort();
		}
		try (HttpLicenceClient unreachable = new HttpLicenceClient(URI.create("https://127.0.0.1:" + closed + "/licence"),
				certificate.clientContext())) {
			long start = System.nanoTime();
			LicenceStatus status = unreachable.check(ANNA);
			Duration took = Duration.ofNanos(System.nanoTime() - start);

			assertEquals(Tier.UNKNOWN, status.tier());
			assertTrue(status.message().contains("127.0.0.1"), status.message());
			assertTrue(took.compareTo(Duration.ofSeconds(5)) < 0, took.toString());
		}
	}
}
