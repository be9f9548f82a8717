package com.securemailmerge.auth;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * Trust in one certificate (a PEM file) for a server on this computer only: how the workbench
 * talks to the local Microsoft 365 emulator. Never used for any other host.
 */
public record LoopbackTrust(SSLContext context, X509TrustManager trustManager) {

	public static boolean isLoopback(String url) {
		try {
			String host = URI.create(url).getHost();
			return "127.0.0.1".equals(host) || "localhost".equals(host); //$NON-NLS-1$ //$NON-NLS-2$
		} catch (IllegalArgumentException e) {
			return false;
		}
	}

	public static LoopbackTrust of(Path pem) throws IOException, GeneralSecurityException {
		X509Certificate certificate;
		try (InputStream in = Files.newInputStream(pem)) {
			certificate = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in); //$NON-NLS-1$
		}
		KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
		store.load(null, null);
		store.setCertificateEntry("loopback", certificate); //$NON-NLS-1$
		TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
		factory.init(store);
		SSLContext context = SSLContext.getInstance("TLS"); //$NON-NLS-1$
		context.init(null, factory.getTrustManagers(), null);
		return new LoopbackTrust(context, (X509TrustManager) factory.getTrustManagers()[0]);
	}
}
