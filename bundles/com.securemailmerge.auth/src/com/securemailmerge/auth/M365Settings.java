package com.securemailmerge.auth;

import java.nio.file.Path;

import org.eclipse.core.runtime.preferences.DefaultScope;
import org.eclipse.core.runtime.preferences.InstanceScope;
import org.eclipse.jdt.annotation.Nullable;

/**
 * The Microsoft 365 preferences (node {@code com.securemailmerge.m365}, presettable in
 * plugin_customization.ini): client id, authority, Graph's base URL and, for a loopback authority
 * only (the local emulator), the certificate to trust. No client id: the offline profile.
 */
public record M365Settings(String clientId, String authority, String graphBase, @Nullable Path loopbackCertificate) {

	public static final String NODE = "com.securemailmerge.m365"; //$NON-NLS-1$
	public static final String CLIENT_ID = "clientId"; //$NON-NLS-1$
	public static final String AUTHORITY = "authority"; //$NON-NLS-1$
	public static final String GRAPH_BASE = "graphBase"; //$NON-NLS-1$
	public static final String LOOPBACK_CERTIFICATE = "loopbackCertificate"; //$NON-NLS-1$
	public static final String GRAPH = "https://graph.microsoft.com/v1.0"; //$NON-NLS-1$

	public static M365Settings read() {
		String certificate = preference(LOOPBACK_CERTIFICATE, ""); //$NON-NLS-1$
		String authority = preference(AUTHORITY, AuthConfiguration.DEFAULT_AUTHORITY);
		String graph = preference(GRAPH_BASE, GRAPH);
		return new M365Settings(preference(CLIENT_ID, ""), authority, graph, //$NON-NLS-1$
				certificate.isEmpty() || !LoopbackTrust.isLoopback(authority) ? null : Path.of(certificate));
	}

	private static String preference(String key, String fallback) {
		String preset = DefaultScope.INSTANCE.getNode(NODE).get(key, fallback);
		return InstanceScope.INSTANCE.getNode(NODE).get(key, preset).strip();
	}
}
