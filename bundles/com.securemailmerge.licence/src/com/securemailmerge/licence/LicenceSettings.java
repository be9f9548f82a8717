package com.securemailmerge.licence;

import java.net.URI;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

import org.eclipse.core.runtime.preferences.DefaultScope;
import org.eclipse.core.runtime.preferences.InstanceScope;
import org.eclipse.jdt.annotation.Nullable;

import com.securemailmerge.auth.LoopbackTrust;
import com.securemailmerge.auth.M365Settings;

/**
 * The licence preferences (node {@code com.securemailmerge.licence}, presettable in
 * plugin_customization.ini): the endpoint, empty for none (the free tier, nothing is sent). For a
 * loopback endpoint only (the local emulator), the certificate of the Microsoft 365 preferences
 * ({@link M365Settings#LOOPBACK_CERTIFICATE}) is trusted.
 */
public record LicenceSettings(String endpoint, @Nullable Path loopbackCertificate) {

	public static final String NODE = "com.securemailmerge.licence"; //$NON-NLS-1$
	public static final String ENDPOINT = "endpoint"; //$NON-NLS-1$

	public static LicenceSettings read() {
		String endpoint = preference(NODE, ENDPOINT);
		String certificate = preference(M365Settings.NODE, M365Settings.LOOPBACK_CERTIFICATE);
		return new LicenceSettings(endpoint, certificate.isEmpty() || !isLoopback(endpoint) ? null : path(certificate));
	}

	private static @Nullable Path path(String file) {
		try {
			return Path.of(file);
		} catch (InvalidPathException e) {
			return null; // the JVM's default trust, which will not know the loopback server
		}
	}

	/** False: the free tier, no licence request at all. */
	public boolean isConfigured() {
		return !endpoint.isBlank();
	}

	/** 127.0.0.1, localhost or ::1. */
	public static boolean isLoopback(String url) {
		if (LoopbackTrust.isLoopback(url)) {
			return true;
		}
		try {
			String host = URI.create(url).getHost();
			return "[::1]".equals(host) || "::1".equals(host); //$NON-NLS-1$ //$NON-NLS-2$
		} catch (IllegalArgumentException e) {
			return false;
		}
	}

	private static String preference(String node, String key) {
		String preset = DefaultScope.INSTANCE.getNode(node).get(key, ""); //$NON-NLS-1$
		return InstanceScope.INSTANCE.getNode(node).get(key, preset).strip();
	}
}
