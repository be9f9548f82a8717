package com.securemailmerge.licence.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The promises, checked against the real server in a child JVM on loopback, once per database:
 * a free address leaves no byte anywhere, a commercial one is stored as a seat and gone byte-wise
 * after the purge at the licence's end, bad requests get their 4xx and store nothing.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
abstract class LicenceServerContract {

	static final Instant JUNE_2027 = Instant.parse("2027-06-01T10:00:00Z");
	static final Instant AFTER_END = Instant.parse("2028-01-01T00:00:05Z");
	static final String TEXT_PLAIN = "text/plain; charset=UTF-8";

	final String marker = HexFormat.of().formatHex(longBytes());
	final String paidDomain = "paid-" + marker + ".example";
	final String exactAddress = "exact-" + marker + "@mailbox.example";
	/** Mixed case as a user might have it; stored lower-cased. */
	final String seatAddress = "Seat.User-" + marker + "@PAID-" + marker + ".Example";
	final String freeAddress = "Free.User-" + marker + "@gmail.example";
	final List<String> badTokens = new ArrayList<>();

	Path folder;
	ServerProcess server;
	final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
			.followRedirects(HttpClient.Redirect.NEVER).build();

	private static byte[] longBytes() {
		byte[] bytes = new byte[6];
		ThreadLocalRandom.current().nextBytes(bytes);
		return bytes;
	}

	/** Starts the database; {@code folder} is set. */
	abstract void startDatabase() throws Exception;

	/** The {@code --db} and credential options of the database. */
	abstract List<String> databaseOptions();

	abstract Connection connect() throws SQLException;

	/** The database's own files, searched with the server's folder. */
	abstract List<Path> databaseFolders();

	/** Run before a byte-wise search of the database files (PostgreSQL: a CHECKPOINT). */
	abstract void flushToFiles() throws SQLException;

	/** Database files that the purge does not promise to clean (see the README). */
	abstract Predicate<Path> notCoveredByPurge();

	abstract void stopDatabase() throws Exception;

	@BeforeAll
	void start() throws Exception {
		folder = Files.createDirectories(Path.of("target", "it", getClass().getSimpleName() + "-" + marker)).toAbsolutePath();
		startDatabase();
		Clock june = Clock.fixed(JUNE_2027, ZoneOffset.UTC);
		PrintStream quiet = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
		assertEquals(0, Main.licences(args("add", paidDomain, "2027-12-31", "--customer", "Paid Ltd"), june, quiet));
		assertEquals(0, Main.licences(args("add", exactAddress, "2027-12-31"), june, quiet));
		List<String> serve = new ArrayList<>(databaseOptions());
		serve.addAll(List.of("--port", "0", "--refresh-seconds", "0.2", "--purge-seconds", "0.2", "--rate-burst", "1000000"));
		server = ServerProcess.start(folder.resolve("server"), JUNE_2027, serve);
	}

	private String[] args(String... words) {
		List<String> all = new ArrayList<>(List.of(words));
		all.addAll(databaseOptions());
		return all.toArray(String[]::new);
	}

	@AfterAll
	void stop() throws Exception {
		try {
			if (server != null) {
				server.close();
			}
		} finally {
			stopDatabase();
		}
	}

	@Test
	@Order(1)
	void healthIsUpAndChecksTheDatabase() throws Exception {
		HttpResponse<String> health = client.send(HttpRequest.newBuilder(server.http("/health")).GET().build(),
				BodyHandlers.ofString());
		assertEquals(200, health.statusCode());
		assertEquals("{\"status\":\"up\"}", health.body());
		assertEquals("application/json", health.headers().firstValue("Content-Type").orElseThrow());
	}

	@Test
	@Order(2)
	void aFreeAddressPostedAThousandTimesLeavesNoByteAnywhere() throws Exception {
		for (int i = 0; i < 1000; i++) {
			HttpResponse<String> answer = post(server.http("/api/license"), TEXT_PLAIN, freeAddress.getBytes(StandardCharsets.UTF_8));
			assertEquals(200, answer.statusCode());
			assertEquals("{\"tier\":\"free\"}", answer.body());
			assertEquals("application/json", answer.headers().firstValue("Content-Type").orElseThrow());
		}
		flushToFiles();
		assertAbsent(p -> false, freeAddress);
	}

	@Test
	@Order(3)
	void badRequestsGetTheir4xxAndStoreNothing() throws Exception {
		URI licence = server.http("/api/license");
		expect(413, post(licence, TEXT_PLAIN, (bad() + " ".repeat(400)).getBytes(StandardCharsets.UTF_8)));
		expect(413, send(HttpRequest.newBuilder(licence).header("Content-Type", TEXT_PLAIN).POST(BodyPublishers.ofInputStream(
				() -> new ByteArrayInputStream((bad() + "x".repeat(5000)).getBytes(StandardCharsets.UTF_8))))));
		expect(415, post(licence, "application/json", ("\"" + bad() + "\"").getBytes(StandardCharsets.UTF_8)));
		expect(415, post(licence, "text/html", bad().getBytes(StandardCharsets.UTF_8)));
		expect(415, send(HttpRequest.newBuilder(licence).POST(BodyPublishers.ofString(bad()))));
		expect(400, post(licence, "text/plain; charset=ISO-8859-1", bad().getBytes(StandardCharsets.ISO_8859_1)));
		expect(400, post(licence, "text/plain; charset=UTF-16", bad().getBytes(StandardCharsets.UTF_16)));
		expect(400, post(licence, TEXT_PLAIN, withByte(bad(), (byte) 0xff)));
		expect(400, post(licence, TEXT_PLAIN, withBytes(bad(), (byte) 0xc0, (byte) 0xaf)));
		for (String notAnAddress : List.of(token() + ".no-at-sign." + paidDomain, token() + "@@" + paidDomain,
				" " + bad(), bad() + "\r\n", token() + " x@" + paidDomain, token() + "\u0001@" + paidDomain,
				token() + "x".repeat(60) + "@" + paidDomain, token() + "@localhost", token() + "@-" + paidDomain,
				token() + "\u00f6@" + paidDomain, "." + bad(), token() + "..x@" + paidDomain, "")) {
			expect(400, post(licence, TEXT_PLAIN, notAnAddress.getBytes(StandardCharsets.UTF_8)));
		}
		HttpResponse<String> get = send(HttpRequest.newBuilder(licence).GET());
		expect(405, get);
		assertEquals("POST", get.headers().firstValue("Allow").orElseThrow());
		HttpResponse<String> put = send(HttpRequest.newBuilder(licence).header("Content-Type", TEXT_PLAIN)
				.PUT(BodyPublishers.ofString(bad())));
		expect(405, put);
		assertEquals("POST", put.headers().firstValue("Allow").orElseThrow());
		expect(405, send(HttpRequest.newBuilder(licence).DELETE()));
		expect(404, post(server.http("/api/licence"), TEXT_PLAIN, bad().getBytes(StandardCharsets.UTF_8)));
		expect(404, post(server.http("/api/" + bad()), TEXT_PLAIN, bad().getBytes(StandardCharsets.UTF_8)));
		expect(404, post(server.http("/"), TEXT_PLAIN, bad().getBytes(StandardCharsets.UTF_8)));
		// a query string is never logged: the answer is for the body (free), nothing else is kept
		HttpResponse<String> query = post(server.http("/api/license?who=" + bad()), TEXT_PLAIN,
				("free-" + token() + "@gmail.example").getBytes(StandardCharsets.UTF_8));
		expect(200, query);
		assertEquals("{\"tier\":\"free\"}", query.body());
		assertEquals(0, count("SELECT COUNT(*) FROM seat"));
		flushToFiles();
		assertAbsent(p -> false, badTokens.toArray(String[]::new));
	}

	@Test
	@Order(4)
	void aCommercialAddressIsAnsweredAndStoredAsASeat() throws Exception {
		for (String address : List.of(seatAddress, exactAddress, seatAddress)) {
			HttpResponse<String> answer = post(server.http("/api/license"), TEXT_PLAIN, address.getBytes(StandardCharsets.UTF_8));
			assertEquals(200, answer.statusCode());
			assertEquals("{\"tier\":\"commercial\",\"until\":\"2027-12-31\"}", answer.body());
			assertEquals("application/json", answer.headers().firstValue("Content-Type").orElseThrow());
		}
		assertEquals(2, count("SELECT COUNT(*) FROM seat"));
		flushToFiles();
		// the search finds what is there: the control for the searches that find nothing
		assertFalse(ByteSearch.filesContaining(databaseFolders(), notCoveredByPurge(), seatAddress).isEmpty(),
				"the stored seat is in the database files");
		assertFalse(ByteSearch.filesContaining(databaseFolders(), notCoveredByPurge(), exactAddress).isEmpty());
		// stored in the database only: never in a log or a temp file
		assertTrue(ByteSearch.filesContaining(List.of(server.folder()), p -> false, seatAddress, exactAddress).isEmpty());
	}

	@Test
	@Order(5)
	void atTheLicenceEndThePurgeLeavesNoByteOfItsAddresses() throws Exception {
		server.setClock(AFTER_END);
		long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
		while (count("SELECT COUNT(*) FROM seat") + count("SELECT COUNT(*) FROM licence") > 0) {
			assertTrue(System.nanoTime() < deadline, "purged within 20 s");
			Thread.sleep(100);
		}
		while (!server.log().contains("purge: 4 ended rows deleted")) {
			assertTrue(System.nanoTime() < deadline, "the purge logged (and erased) within 20 s: " + server.log());
			Thread.sleep(100);
		}
		HttpResponse<String> after = post(server.http("/api/license"), TEXT_PLAIN, seatAddress.getBytes(StandardCharsets.UTF_8));
		assertEquals("{\"tier\":\"free\"}", after.body());
		assertEquals(0, count("SELECT COUNT(*) FROM seat"));
		flushToFiles();
		assertAbsent(notCoveredByPurge(), seatAddress, exactAddress, paidDomain);
		afterPurgeChecked();
	}

	/** What a database reports after the purge's checks. */
	void afterPurgeChecked() {
		// nothing beyond the byte-wise search
	}

	void assertAbsent(Predicate<Path> skip, String... strings) {
		List<Path> roots = new ArrayList<>(databaseFolders());
		roots.add(server.folder());
		assertTrue(ByteSearch.fileCount(roots) >= 4, "the search has files to look at");
		assertTrue(Files.exists(server.folder().resolve("log/server.log")));
		List<Path> hits = ByteSearch.filesContaining(roots, skip, strings);
		assertEquals(List.of(), hits, "files holding the address");
	}

	private String token() {
		String token = "bad" + badTokens.size() + "-" + marker;
		badTokens.add(token);
		return token;
	}

	private String bad() {
		return token() + "@" + paidDomain;
	}

	private static byte[] withByte(String text, byte b) {
		return withBytes(text, b);
	}

	private static byte[] withBytes(String text, byte... inserted) {
		byte[] plain = text.getBytes(StandardCharsets.UTF_8);
		int at = text.indexOf('@');
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.write(plain, 0, at);
		out.writeBytes(inserted);
		out.write(plain, at, plain.length - at);
		return out.toByteArray();
	}

	private static void expect(int status, HttpResponse<String> response) {
		assertEquals(status, response.statusCode(), response.body());
		if (status != 200) {
			assertTrue(response.body().startsWith("{\"error\":"), response.body());
		}
	}

	HttpResponse<String> post(URI uri, String contentType, byte[] body) throws IOException, InterruptedException {
		return send(HttpRequest.newBuilder(uri).header("Content-Type", contentType).POST(BodyPublishers.ofByteArray(body)));
	}

	HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
		return client.send(request.header("User-Agent", "SecureMailMerge").timeout(Duration.ofSeconds(20)).build(),
				BodyHandlers.ofString());
	}

	long count(String sql) throws SQLException {
		try (Connection c = connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
			rs.next();
			return rs.getLong(1);
		}
	}
}
