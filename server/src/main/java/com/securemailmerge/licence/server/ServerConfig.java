package com.securemailmerge.licence.server;

import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/**
 * Everything {@code serve} is configured with but the database, which is opened before (see
 * {@link Main} for the options and defaults).
 *
 * @param bind the interface to listen on
 * @param httpPort the plain HTTP port (behind a TLS-terminating proxy), -1 for none, 0 for any
 * @param httpsPort the HTTPS port, -1 for none, 0 for any
 * @param keystore the HTTPS keystore (PKCS#12 or JKS)
 * @param keystorePassword its password
 * @param rateBurst requests a client may make at once
 * @param rateRefill one more request per this time
 * @param rateClients clients with a bucket of their own; the rest share one
 * @param trustedProxies peers whose X-Forwarded-For is believed
 * @param refresh how often the licence list's version is checked
 * @param purge how often ended licences and their seats are deleted
 * @param bodyLimit the largest body accepted, in bytes
 * @param accessLog whether each request is logged (method, path, status, duration)
 */
public record ServerConfig(String bind, int httpPort, int httpsPort, Optional<Path> keystore, char[] keystorePassword,
		double rateBurst, Duration rateRefill,
		int rateClients, Set<InetAddress> trustedProxies, Duration refresh, Duration purge, int bodyLimit,
		boolean accessLog) {

	/** The body limit by default: an address has at most 254 bytes. */
	public static final int DEFAULT_BODY_LIMIT = 320;
}
