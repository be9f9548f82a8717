package com.securemailmerge.product.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.securemailmerge.emulator.EmulatedContact;
import com.securemailmerge.emulator.Emulator;
import com.securemailmerge.emulator.Mailbox;

/**
 * The built workbench against the real licence server of this repository (server/, its jar started
 * as it is deployed, HTTPS with its own keystore, SQLite): signed in at the emulator as a member of
 * the licensed domain, the account trim shows "kommerziell bis 31.12.2099"; signed in as someone
 * else, the free tier, and that address is nowhere in the server's database files or log.
 */
final class LicenceServerTest {

	private static final Mailbox ANNA = Mailbox.of("anna@verein.example", "Anna Weber");
	private static final Mailbox BERT = Mailbox.of("bert@anderswo.example", "Bert Braun");
	private static final String PASSWORD = "product-test-secret";

	@TempDir
	Path work;

	private Process server;
	private int port;
	private Path serverCertificate;

	@BeforeEach
	void startLicenceServer() throws Exception {
		Path jar = ProductRun.root().resolve("server/target/licence-server.jar");
		assertTrue(Files.isRegularFile(jar), jar + " is missing: server/ is built before the tests");
		Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
		Path keystore = work.resolve("licence.p12");
		ProductRun.exec(work, keytool.toString(), "-genkeypair", "-alias", "licence", "-keyalg", "EC", "-groupname", "secp256r1",
				"-dname", "CN=localhost", "-ext", "SAN=dns:localhost,ip:127.0.0.1", "-validity", "2", "-storetype", "PKCS12",
				"-keystore", keystore.toString(), "-storepass", PASSWORD, "-keypass", PASSWORD);
		serverCertificate = work.resolve("licence.pem");
		ProductRun.exec(work, keytool.toString(), "-exportcert", "-rfc", "-alias", "licence", "-keystore", keystore.toString(),
				"-storepass", PASSWORD, "-file", serverCertificate.toString());
		Path licences = work.resolve("licences.csv");
		Files.writeString(licences, "key,until,customer\nverein.example,2099-12-31,Verein (product test)\n", StandardCharsets.UTF_8);
		Files.createDirectories(work.resolve("server/tmp"));
		List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				"-Djava.io.tmpdir=" + work.resolve("server/tmp"), "-jar", jar.toString(), "serve", "--port", "-1",
				"--https-port", "0", "--keystore", keystore.toString(), "--keystore-password", PASSWORD, "--licences",
				licences.toString(), "--db", "sqlite:" + work.resolve("server/licences.db"), "--log-file",
				work.resolve("server/server.log").toString()));
		server = new ProcessBuilder(command).directory(work.resolve("server").toFile()).redirectErrorStream(true).start();
		BufferedReader lines = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
		String ready = CompletableFuture.supplyAsync(() -> {
			try {
				for (String line = lines.readLine(); line != null; line = lines.readLine()) {
					if (line.startsWith("READY ")) {
						return line;
					}
				}
				return "ended";
			} catch (IOException e) {
				return e.toString();
			}
		}).get(120, TimeUnit.SECONDS);
		assertTrue(ready.startsWith("READY ") && ready.contains("https=127.0.0.1:"), "the licence server started: " + ready);
		port = Integer.parseInt(ready.substring(ready.indexOf("https=127.0.0.1:") + "https=127.0.0.1:".length()).split("\\s")[0]);
	}

	@AfterEach
	void stopLicenceServer() throws Exception {
		if (server != null) {
			server.destroy();
			server.waitFor(30, TimeUnit.SECONDS);
		}
	}

	@Test
	void theWorkbenchShowsTheTierTheLicenceServerAnswers() throws Exception {
		String commercial = tierShownFor(ANNA, "licence-commercial");
		assertTrue(commercial.contains("kommerziell bis 31.12.2099"), commercial);
		assertTrue(commercial.contains("127.0.0.1"), "the tooltip names the licence server: " + commercial);

		String free = tierShownFor(BERT, "licence-free");
		assertTrue(free.contains("kostenlos"), free);
		assertFalse(free.contains("kommerziell"), free);

		// the promise: a free address touches nothing on the server; the licensee's is its seat
		server.destroy();
		assertTrue(server.waitFor(30, TimeUnit.SECONDS), "the licence server stopped");
		List<Path> files;
		try (Stream<Path> all = Files.walk(work.resolve("server"))) {
			files = all.filter(Files::isRegularFile).toList();
		}
		assertTrue(files.stream().anyMatch(f -> f.getFileName().toString().equals("licences.db")), files.toString());
		boolean seat = false;
		for (Path file : files) {
			byte[] bytes = Files.readAllBytes(file);
			assertFalse(contains(bytes, BERT.address()), BERT.address() + " is in " + file);
			seat |= contains(bytes, ANNA.address());
		}
		assertTrue(seat, "the licensee's address is stored as a seat of the licence: " + files);
	}

	/** One product run signed in as the mailbox; what the account trim then says, with its tooltip. */
	private String tierShownFor(Mailbox mailbox, String name) throws Exception {
		try (Emulator emulator = Emulator.start()) {
			emulator.addMailbox(mailbox);
			emulator.addContacts(mailbox, List.of(new EmulatedContact("AAMk-1", "Jörg", "Müller",
					List.of("joerg.mueller@example.org"), "", "Köln", List.of(), "contacts")));
			emulator.approveDeviceCodesAutomatically(mailbox);
			emulator.signInInteractivelyAs(mailbox);
			Path run = Files.createDirectories(work.resolve(name));
			ProductRun product = ProductRun.of(name, "com.securemailmerge.product", "com.securemailmerge.product", run);
			// one PEM with both loopback servers' certificates: the emulator's and the licence server's
			Path trusted = run.resolve("loopback.pem");
			Path emulatorCertificate = emulator.writeCertificate(run.resolve("emulator.pem"));
			Files.writeString(trusted, Files.readString(emulatorCertificate, StandardCharsets.US_ASCII) + "\n"
					+ Files.readString(serverCertificate, StandardCharsets.US_ASCII), StandardCharsets.US_ASCII);
			Path customization = run.resolve("plugin_customization.ini");
			Files.writeString(customization, String.join("\n",
					"com.securemailmerge.m365/clientId=3f0c2b7e-1d2a-4c5b-8e9f-0a1b2c3d4e5f",
					"com.securemailmerge.m365/authority=" + emulator.authority(),
					"com.securemailmerge.m365/graphBase=" + emulator.graphBase(),
					"com.securemailmerge.m365/loopbackCertificate=" + trusted,
					"com.securemailmerge.licence/endpoint=https://127.0.0.1:" + port + "/api/license", ""),
					StandardCharsets.ISO_8859_1);
			product.argument("-nl", "de", "-pluginCustomization", customization.toString());
			int exit = product.run("licence", 300);
			Map<String, String> steps = product.assertSteps(exit, "signed-in", "licence");
			assertTrue(steps.get("signed-in").contains(mailbox.address()), product.report());
			assertEquals(List.of(), emulator.licenceRequests(), "the emulator's own licence endpoint is not the one asked");
			return steps.get("licence");
		}
	}

	private static boolean contains(byte[] haystack, String needle) {
		byte[] bytes = needle.getBytes(StandardCharsets.UTF_8);
		outer: for (int i = 0; i + bytes.length <= haystack.length; i++) {
			for (int j = 0; j < bytes.length; j++) {
				if (haystack[i + j] != bytes[j]) {
					continue outer;
				}
			}
			return true;
		}
		return false;
	}
}
