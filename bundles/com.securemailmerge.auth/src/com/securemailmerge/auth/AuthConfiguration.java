package com.securemailmerge.auth;

import java.net.URI;
import java.util.function.Consumer;

import javax.net.ssl.SSLSocketFactory;

import org.eclipse.jdt.annotation.Nullable;

/**
 * Where to sign in: the app registration's client id and the authority (default
 * {@code https://login.microsoftonline.com/organizations/}). The socket factory and the browser are
 * set only to run against the local emulator: a factory that trusts its certificate, and a "browser"
 * that follows the sign-in page itself.
 */
public record AuthConfiguration(String clientId, String authority, @Nullable SSLSocketFactory sslSocketFactory,
		@Nullable Consumer<URI> browser) {

	public static final String DEFAULT_AUTHORITY = "https://login.microsoftonline.com/organizations/"; //$NON-NLS-1$

	public static AuthConfiguration of(String clientId) {
		return new AuthConfiguration(clientId, DEFAULT_AUTHORITY, null, null);
	}

	public boolean isConfigured() {
		return !clientId.isBlank();
	}

	/** Only a local authority (the emulator) skips Microsoft's instance discovery. */
	public boolean isLocal() {
		String host = URI.create(authority).getHost();
		return "127.0.0.1".equals(host) || "localhost".equals(host); //$NON-NLS-1$ //$NON-NLS-2$
	}
}
