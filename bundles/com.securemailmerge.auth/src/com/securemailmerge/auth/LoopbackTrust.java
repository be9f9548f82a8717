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
 * Trust in the certificates of one PEM file for servers on this computer only: how the workbench
 * talks to the local Microsoft 365 emulator (and, in tests and development, a local licence
 * server: one file may hold both certificates, at most {@link #MAX_CERTIFICATES}). Never used for
 * any other host.
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

	/** More than a handful of local servers is no set-up of ours: such a file is refused. */
	public static final int MAX_CERTIFICATES = 8;

	public static LoopbackTrust of(Path pem) throws IOException, GeneralSecurityException {
		if (Files.size(pem) > 64L * 1024 * MAX_CERTIFICATES) {
			throw new java.security.cert.CertificateException(pem + ": larger than " + MAX_CERTIFICATES + " certificates"); //$NON-NLS-1$ //$NON-NLS-2$
		}
		java.util.Collection<? extends java.security.cert.Certificate> certificates;
		try (InputStream in = Files.newInputStream(pem)) {
			certificates = CertificateFactory.getInstance("X.509").generateCertificates(in); //$NON-NLS-1$
		}
		if (certificates.isEmpty() || certificates.size() > MAX_CERTIFICATES) {
			throw new java.security.cert.CertificateException(pem + ": " + certificates.size() //$NON-NLS-1$
					+ " certificates, expected 1 to " + MAX_CERTIFICATES); //$NON-NLS-1$
		}
		KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
		store.load(null, null);
		int index = 0;
		for (java.security.cert.Certificate certificate : certificates) {
			if (!(certificate instanceof X509Certificate x509) || x509.getBasicConstraints() != -1) {
				// a certificate authority would vouch for any name on this computer: servers' own only
				throw new java.security.cert.CertificateException(pem + ": not a server's own X.509 certificate"); //$NON-NLS-1$
			}
			store.setCertificateEntry("loopback" + index++, certificate); //$NON-NLS-1$
		}
		TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
		factory.init(store);
		SSLContext context = SSLContext.getInstance("TLS"); //$NON-NLS-1$
		context.init(null, factory.getTrustManagers(), null);
		return new LoopbackTrust(context, (X509TrustManager) factory.getTrustManagers()[0]);
	}
}
