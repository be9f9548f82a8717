package com.securemailmerge.licence.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.List;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launch a product test uses: the production {@link Main} with HTTPS only, a keystore made by
 * keytool and a licence list in CSV, asked the way the workbench asks (POST, text/plain UTF-8,
 * User-Agent SecureMailMerge, no redirects, a client that trusts only that certificate).
 */
final class HttpsLauncherTest {

	@Test
	void servesHttpsOnlyWithTheGivenKeystoreAndLicenceList(@TempDir Path folder) throws Exception {
		Path keystore = folder.resolve("licence.p12");
		Path certificate = folder.resolve("licence.crt");
		String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
		run(keytool, "-genkeypair", "-alias", "licence", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=localhost",
				"-ext", "SAN=dns:localhost,ip:127.0.0.1", "-validity", "30", "-storetype", "PKCS12", "-keystore",
				keystore.toString(), "-storepass", "test-secret", "-keypass", "test-secret");
		run(keytool, "-exportcert", "-rfc", "-alias", "licence", "-keystore", keystore.toString(), "-storepass", "test-secret",
				"-file", certificate.toString());
		Path licences = folder.resolve("licences.csv");
		Files.writeString(licences, "key,until,customer\nworkbench.example,2099-12-31,Product test\n", StandardCharsets.UTF_8);

		try (ServerProcess server = ServerProcess.start(folder.resolve("server"), Main.class.getName(), List.of(),
				List.of("serve", "--port", "-1", "--https-port", "0", "--keystore", keystore.toString(), "--keystore-password",
						"test-secret", "--licences", licences.toString(), "--db", "sqlite:" + folder.resolve("db/licences.db")))) {
			assertFalse(server.hasHttp(), "HTTPS only");
			HttpClient client = HttpClient.newBuilder().sslContext(trusting(certificate))
					.followRedirects(HttpClient.Redirect.NEVER).build();
			HttpResponse<String> commercial = client.send(request(server, "tester" + "@" + "Workbench.example"),
					BodyHandlers.ofString());
			assertEquals(200, commercial.statusCode());
			assertEquals("{\"tier\":\"commercial\",\"until\":\"2099-12-31\"}", commercial.body());
			HttpResponse<String> free = client.send(request(server, "tester" + "@" + "elsewhere.example"), BodyHandlers.ofString());
			assertEquals("{\"tier\":\"free\"}", free.body());
		}
	}

	private static HttpRequest request(ServerProcess server, String address) {
		return HttpRequest.newBuilder(server.https("/api/license")).header("Content-Type", "text/plain; charset=UTF-8")
				.header("User-Agent", "SecureMailMerge").POST(BodyPublishers.ofByteArray(address.getBytes(StandardCharsets.UTF_8)))
				.build();
	}

	private static SSLContext trusting(Path certificate) throws Exception {
		KeyStore trust = KeyStore.getInstance("PKCS12");
		trust.load(null, null);
		try (InputStream in = Files.newInputStream(certificate)) {
			Certificate cert = CertificateFactory.getInstance("X.509").generateCertificate(in);
			trust.setCertificateEntry("licence", cert);
		}
		TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
		factory.init(trust);
		SSLContext context = SSLContext.getInstance("TLS");
		context.init(null, factory.getTrustManagers(), null);
		return context;
	}

	private static void run(String... command) throws Exception {
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertEquals(0, process.waitFor(), output);
	}
}
