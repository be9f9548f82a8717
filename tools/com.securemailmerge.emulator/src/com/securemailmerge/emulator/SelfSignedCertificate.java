package com.securemailmerge.emulator;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * A certificate for 127.0.0.1 made by the JDK's keytool when the emulator starts, and the SSL
 * contexts for the server (its key) and for clients (trusting exactly this certificate).
 */
public final class SelfSignedCertificate {

	private static final char[] PASSWORD = "emulator".toCharArray(); //$NON-NLS-1$

	private final SSLContext server;
	private final SSLContext client;
	private final X509TrustManager trust;
	private @org.eclipse.jdt.annotation.Nullable X509Certificate certificate;

	private SelfSignedCertificate(SSLContext server, SSLContext client, X509TrustManager trust) {
		this.server = server;
		this.client = client;
		this.trust = trust;
	}

	public static SelfSignedCertificate generate() throws IOException, GeneralSecurityException {
		Path folder = Files.createTempDirectory("smm-emulator"); //$NON-NLS-1$
		Path store = folder.resolve("emulator.p12"); //$NON-NLS-1$
		Path keytool = Path.of(System.getProperty("java.home"), "bin", //$NON-NLS-1$ //$NON-NLS-2$
				System.getProperty("os.name").startsWith("Windows") ? "keytool.exe" : "keytool"); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$
		Process process = new ProcessBuilder(List.of(keytool.toString(), "-genkeypair", "-alias", "emulator", "-keyalg", //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$ //$NON-NLS-5$
				"EC", "-groupname", "secp256r1", "-validity", "2", "-dname", "CN=127.0.0.1", "-ext", //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$ //$NON-NLS-5$ //$NON-NLS-6$ //$NON-NLS-7$ //$NON-NLS-8$ //$NON-NLS-9$
				"SAN=ip:127.0.0.1,dns:localhost", "-storetype", "PKCS12", "-keystore", store.toString(), //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$
				"-storepass", new String(PASSWORD), "-keypass", new String(PASSWORD))) //$NON-NLS-1$ //$NON-NLS-2$
				.redirectErrorStream(true).start();
		String output;
		try (InputStream in = process.getInputStream()) {
			output = new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		try {
			if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
				throw new IOException("keytool could not make the emulator's certificate: " + output); //$NON-NLS-1$
			}
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IOException(e);
		}
		KeyStore keys = KeyStore.getInstance("PKCS12"); //$NON-NLS-1$
		try (InputStream in = Files.newInputStream(store)) {
			keys.load(in, PASSWORD);
		}
		Files.deleteIfExists(store);
		Files.deleteIfExists(folder);
		KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
		keyManagers.init(keys, PASSWORD);
		SSLContext server = SSLContext.getInstance("TLS"); //$NON-NLS-1$
		server.init(keyManagers.getKeyManagers(), null, null);
		KeyStore trusted = KeyStore.getInstance(KeyStore.getDefaultType());
		trusted.load(null, null);
		trusted.setCertificateEntry("emulator", (X509Certificate) keys.getCertificate("emulator")); //$NON-NLS-1$ //$NON-NLS-2$
		TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
		trust.init(trusted);
		SSLContext client = SSLContext.getInstance("TLS"); //$NON-NLS-1$
		client.init(null, trust.getTrustManagers(), null);
		SelfSignedCertificate made = new SelfSignedCertificate(server, client, (X509TrustManager) trust.getTrustManagers()[0]);
		made.certificate = (X509Certificate) keys.getCertificate("emulator"); //$NON-NLS-1$
		return made;
	}

	public SSLContext serverContext() {
		return server;
	}

	/** For clients (MSAL4J's sslSocketFactory): trusts this certificate and nothing else. */
	public SSLSocketFactory clientSocketFactory() {
		return client.getSocketFactory();
	}

	public SSLContext clientContext() {
		return client;
	}

	/** The certificate as PEM, for a workbench that should trust the emulator (loopbackCertificate). */
	public String pem() throws java.security.cert.CertificateEncodingException {
		X509Certificate known = java.util.Objects.requireNonNull(certificate);
		return "-----BEGIN CERTIFICATE-----\n" //$NON-NLS-1$
				+ java.util.Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(known.getEncoded()) //$NON-NLS-1$
				+ "\n-----END CERTIFICATE-----\n"; //$NON-NLS-1$
	}

	/** For OkHttp (the Graph SDK): trusts this certificate and nothing else. */
	public X509TrustManager trustManager() {
		return trust;
	}
}
