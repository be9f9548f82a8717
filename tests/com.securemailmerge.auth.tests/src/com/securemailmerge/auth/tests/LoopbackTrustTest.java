package com.securemailmerge.auth.tests;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.securemailmerge.auth.LoopbackTrust;

/**
 * What a loopback certificate file may hold: the emulator's and a local licence server's own
 * certificates together; a certificate authority (it would vouch for any name), more than eight
 * certificates, an oversized file or none at all are refused with the file's name.
 */
@org.eclipse.jdt.annotation.NonNullByDefault({})
final class LoopbackTrustTest {

	@TempDir
	Path folder;

	private String certificate(String alias, String... extensions) throws Exception {
		Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
		Path store = folder.resolve(alias + ".p12");
		List<String> command = new ArrayList<>(List.of(keytool.toString(), "-genkeypair", "-alias", alias, "-keyalg", "EC",
				"-groupname", "secp256r1", "-dname", "CN=localhost", "-validity", "2", "-storetype", "PKCS12", "-keystore",
				store.toString(), "-storepass", "secret12", "-keypass", "secret12"));
		for (String extension : extensions) {
			command.addAll(List.of("-ext", extension));
		}
		run(command);
		Path pem = folder.resolve(alias + ".pem");
		run(List.of(keytool.toString(), "-exportcert", "-rfc", "-alias", alias, "-keystore", store.toString(), "-storepass",
				"secret12", "-file", pem.toString()));
		return Files.readString(pem, StandardCharsets.US_ASCII);
	}

	private static void run(List<String> command) throws Exception {
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertTrue(process.waitFor(60, TimeUnit.SECONDS) && process.exitValue() == 0, output);
	}

	private Path file(String name, String text) throws Exception {
		return Files.writeString(folder.resolve(name), text, StandardCharsets.US_ASCII);
	}

	@Test
	void twoServersOwnCertificatesAreTrustedTogether() throws Exception {
		String both = certificate("emulator", "SAN=ip:127.0.0.1") + "\n" + certificate("licence", "SAN=dns:localhost");
		assertNotNull(LoopbackTrust.of(file("both.pem", both)).trustManager());
	}

	@Test
	void aCertificateAuthorityIsRefused() throws Exception {
		Path ca = file("ca.pem", certificate("authority", "bc:c"));
		CertificateException refused = assertThrows(CertificateException.class, () -> LoopbackTrust.of(ca));
		assertTrue(refused.getMessage().contains(ca.toString()), refused.getMessage());
	}

	@Test
	void moreThanEightNoneOrAnOversizedFileIsRefused() throws Exception {
		String one = certificate("one");
		Path nine = file("nine.pem", String.join("\n", java.util.Collections.nCopies(9, one)));
		assertTrue(assertThrows(CertificateException.class, () -> LoopbackTrust.of(nine)).getMessage().contains("9"));
		Path none = file("none.pem", "no certificate here\n");
		assertThrows(CertificateException.class, () -> LoopbackTrust.of(none));
		Path huge = file("huge.pem", one + "\n" + "x".repeat(64 * 1024 * LoopbackTrust.MAX_CERTIFICATES));
		assertTrue(assertThrows(CertificateException.class, () -> LoopbackTrust.of(huge)).getMessage().contains("larger"));
	}
}
