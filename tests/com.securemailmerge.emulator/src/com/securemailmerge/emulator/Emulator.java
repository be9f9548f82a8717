package com.securemailmerge.emulator;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import javax.net.ssl.SSLSocketFactory;

import org.eclipse.jdt.annotation.Nullable;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;

/**
 * The emulated tenant on one HTTPS port of 127.0.0.1: the identity provider under
 * {@code /{tenant}/oauth2/v2.0/} and Graph under {@code /v1.0/}. Start it, point MSAL4J at
 * {@link #authority()} with {@link #sslSocketFactory()}, decide who signs in, and inspect what came.
 */
public final class Emulator implements AutoCloseable {

	/** The tenant's id, also its authority path segment. */
	public static final String TENANT = "6f2c3a10-2b1e-4d6c-9a3f-0e5d4c3b2a19"; //$NON-NLS-1$

	private final HttpsServer server;
	private final SelfSignedCertificate certificate;
	private final IdentityProvider identity;
	private final List<String> requests = new CopyOnWriteArrayList<>();
	private final Map<String, Grant> accessTokens = new ConcurrentHashMap<>();
	private final AtomicInteger refreshes = new AtomicInteger();
	private volatile Duration tokenLifetime = Duration.ofHours(1);
	private volatile Duration clockOffset = Duration.ZERO;
	private volatile @Nullable Mailbox interactiveUser;

	private Emulator(HttpsServer server, SelfSignedCertificate certificate) {
		this.server = server;
		this.certificate = certificate;
		this.identity = new IdentityProvider(this);
	}

	/** Starts on a free port of 127.0.0.1. */
	public static Emulator start() throws IOException, GeneralSecurityException {
		SelfSignedCertificate certificate = SelfSignedCertificate.generate();
		HttpsServer server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		server.setHttpsConfigurator(new HttpsConfigurator(certificate.serverContext()));
		server.setExecutor(Executors.newFixedThreadPool(8, runnable -> {
			Thread thread = new Thread(runnable, "m365-emulator"); //$NON-NLS-1$
			thread.setDaemon(true);
			return thread;
		}));
		Emulator emulator = new Emulator(server, certificate);
		server.createContext("/" + TENANT + "/", emulator.identity); //$NON-NLS-1$ //$NON-NLS-2$
		server.createContext("/organizations/", emulator.identity); //$NON-NLS-1$
		server.createContext("/common/", emulator.identity); //$NON-NLS-1$
		server.createContext("/v1.0/", new GraphApi(emulator)); //$NON-NLS-1$
		server.start();
		return emulator;
	}

	public int port() {
		return server.getAddress().getPort();
	}

	/** {@code https://127.0.0.1:PORT}. */
	public String identityBase() {
		return "https://127.0.0.1:" + port(); //$NON-NLS-1$
	}

	/** The authority to give MSAL4J: {@code https://127.0.0.1:PORT/TENANT/}. */
	public String authority() {
		return identityBase() + '/' + TENANT + '/';
	}

	/** Graph's base URL for the SDK: {@code https://127.0.0.1:PORT/v1.0}. */
	public String graphBase() {
		return identityBase() + "/v1.0"; //$NON-NLS-1$
	}

	/** For clients: trusts the emulator's certificate only. */
	public SSLSocketFactory sslSocketFactory() {
		return certificate.clientSocketFactory();
	}

	public javax.net.ssl.SSLContext clientSslContext() {
		return certificate.clientContext();
	}

	// --- what the test decides

	/** Signs in the given user for every device code waiting now. */
	public void approveDeviceCodes(Mailbox user) {
		identity.approveAll(user);
	}

	/** The user codes shown to someone who should sign in now. */
	public Set<String> pendingUserCodes() {
		return identity.pendingUserCodes();
	}

	/** The user who is signed in at the authorize page (interactive flow); null: nobody. */
	public void signInInteractivelyAs(@Nullable Mailbox user) {
		interactiveUser = user;
	}

	@Nullable
	Mailbox interactiveUser() {
		return interactiveUser;
	}

	/** How long access tokens live from now on. */
	public void setTokenLifetime(Duration lifetime) {
		tokenLifetime = lifetime;
	}

	Duration tokenLifetime() {
		return tokenLifetime;
	}

	/** Moves the emulator's clock on: tokens expire without waiting. */
	public void advanceClock(Duration duration) {
		clockOffset = clockOffset.plus(duration);
	}

	/** The user's refresh tokens stop working (password changed, session revoked). */
	public void revokeRefreshTokens(Mailbox user) {
		identity.revokeRefreshTokens(user);
	}

	// --- what the test inspects

	/** Every request, as "METHOD /path", in order. */
	public List<String> requests() {
		return List.copyOf(requests);
	}

	/** How many refresh-token grants were asked for. */
	public int refreshCount() {
		return refreshes.get();
	}

	/** The access tokens issued so far. */
	public List<Grant> issuedTokens() {
		return List.copyOf(accessTokens.values());
	}

	// --- shared by the handlers

	Instant now() {
		return Clock.systemUTC().instant().plus(clockOffset);
	}

	void record(String request) {
		requests.add(request);
	}

	void countRefresh() {
		refreshes.incrementAndGet();
	}

	void issued(Grant access) {
		accessTokens.put(access.token(), access);
	}

	/** The valid, unexpired grant of an access token, or null. */
	@Nullable
	Grant grant(@Nullable String token) {
		if (token == null) {
			return null;
		}
		Grant grant = accessTokens.get(token);
		return grant == null || grant.isExpired(now()) ? null : grant;
	}

	@Override
	public void close() {
		server.stop(0);
	}
}
