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
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import javax.net.ssl.SSLSocketFactory;

import org.eclipse.jdt.annotation.Nullable;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;

/**
 * The emulated tenant on one HTTPS port of 127.0.0.1: the identity provider under
 * {@code /{tenant}/oauth2/v2.0/}, Graph under {@code /v1.0/} and the product's licence endpoint
 * under {@code /licence}. Start it, point MSAL4J at
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
	private volatile @Nullable Mailbox autoApprove;
	private final Map<String, MailboxData> mailboxes = new ConcurrentHashMap<>();
	private final List<GraphRequest> graphRequests = new CopyOnWriteArrayList<>();
	private final Map<String, java.util.Deque<Instant>> recentRequests = new ConcurrentHashMap<>();
	private final Map<String, AtomicInteger> inFlight = new ConcurrentHashMap<>();
	private volatile int rateLimit;
	private volatile Duration rateWindow = Duration.ofMinutes(1);
	private volatile int concurrencyLimit = 4;
	private volatile @Nullable Fault fault;
	private volatile double faultProbability;
	private volatile java.util.Random faultRandom = new java.util.Random(1);
	private volatile Duration latency = Duration.ZERO;
	private final List<EmulatedMessage> delivered = new CopyOnWriteArrayList<>();
	private final Map<String, MailApi.Upload> uploads = new ConcurrentHashMap<>();
	private final Map<String, java.util.Deque<Instant>> recentSends = new ConcurrentHashMap<>();
	private volatile int sendLimit;
	private volatile int burstEvery;
	private volatile int burstLength;
	private final AtomicInteger burstCounter = new AtomicInteger();
	private volatile Duration sendWindow = Duration.ofMinutes(1);
	private final List<String> licenceRequests = new CopyOnWriteArrayList<>();
	private final Set<String> commercialLicences = ConcurrentHashMap.newKeySet();
	private final ScheduledExecutorService submissions = Executors.newScheduledThreadPool(2, runnable -> {
		Thread thread = new Thread(runnable, "m365-emulator-submission"); //$NON-NLS-1$
		thread.setDaemon(true);
		return thread;
	});
	private final AtomicInteger pendingSubmissions = new AtomicInteger();
	private final DeferredDelivery deferred = new DeferredDelivery(this);
	private volatile SubmissionDelay submissionDelay = new SubmissionDelay(Duration.ZERO, Duration.ZERO, new java.util.Random(1));

	/** How long each submission takes: fixed (min equals max) or drawn per message from the seeded random. */
	private record SubmissionDelay(Duration min, Duration max, java.util.Random random) {
	}

	private Emulator(HttpsServer server, SelfSignedCertificate certificate) {
		this.server = server;
		this.certificate = certificate;
		this.identity = new IdentityProvider(this);
		// deferred messages come due on the emulator's clock, looked at ten times a second
		submissions.scheduleWithFixedDelay(deferred::releaseDue, 100, 100, TimeUnit.MILLISECONDS);
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
		server.createContext("/upload/", emulator::upload); //$NON-NLS-1$
		server.createContext("/licence", new LicenceEndpoint(emulator)); //$NON-NLS-1$
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

	/** The licence endpoint for the workbench's licence preference: {@code https://127.0.0.1:PORT/licence}. */
	public String licenceEndpoint() {
		return identityBase() + "/licence"; //$NON-NLS-1$
	}

	/** For clients: trusts the emulator's certificate only. */
	public SSLSocketFactory sslSocketFactory() {
		return certificate.clientSocketFactory();
	}

	public javax.net.ssl.SSLContext clientSslContext() {
		return certificate.clientContext();
	}

	/** Writes the certificate as PEM, for the workbench's loopbackCertificate preference. */
	public java.nio.file.Path writeCertificate(java.nio.file.Path file) throws IOException {
		try {
			java.nio.file.Files.writeString(file, certificate.pem(), java.nio.charset.StandardCharsets.US_ASCII);
			return file;
		} catch (java.security.cert.CertificateEncodingException e) {
			throw new IOException(e);
		}
	}

	public javax.net.ssl.X509TrustManager trustManager() {
		return certificate.trustManager();
	}

	// --- what the test decides

	/** Signs in the given user for every device code waiting now. */
	public void approveDeviceCodes(Mailbox user) {
		identity.approveAll(user);
	}

	/** From now on every device code is signed in as this user when first polled (manual runs). */
	public void approveDeviceCodesAutomatically(@Nullable Mailbox user) {
		autoApprove = user;
	}

	@Nullable
	Mailbox autoApprove() {
		return autoApprove;
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

	/** Moves the emulator's clock on: tokens expire and deferred messages come due without waiting. */
	public void advanceClock(Duration duration) {
		clockOffset = clockOffset.plus(duration);
		deferred.releaseDue();
	}

	/** The user's refresh tokens stop working (password changed, session revoked). */
	public void revokeRefreshTokens(Mailbox user) {
		identity.revokeRefreshTokens(user);
	}

	/** A mailbox with contacts and categories (created empty when first named). */
	public void addMailbox(Mailbox mailbox) {
		mailboxes.computeIfAbsent(mailbox.address().toLowerCase(java.util.Locale.ROOT), a -> new MailboxData(mailbox));
	}

	public void addContacts(Mailbox owner, List<EmulatedContact> contacts) {
		addMailbox(owner);
		data(owner).contacts.addAll(contacts);
	}

	public void addContactFolder(Mailbox owner, String id, String name) {
		addMailbox(owner);
		data(owner).folders.put(id, name);
	}

	/** A master category with one of Outlook's preset colours ("preset0" is red, "preset7" blue...). */
	public void addCategory(Mailbox owner, String name, String presetColor) {
		addMailbox(owner);
		data(owner).categories.put(name, presetColor);
	}

	/** Gives a delegate rights on the owner's mailbox (a shared mailbox); no rights: none at all. */
	public void shareMailbox(Mailbox owner, Mailbox delegate, MailboxRight... rights) {
		addMailbox(owner);
		data(owner).delegates.put(delegate.address(), Set.of(rights));
	}

	public void setMaxMessageSize(Mailbox owner, long bytes) {
		addMailbox(owner);
		data(owner).maxMessageSize = bytes;
	}

	/** Graph answers 429 with Retry-After once a mailbox gets more requests in the window (0: no limit). */
	public void setRateLimit(int requests, Duration window) {
		rateLimit = requests;
		rateWindow = window;
	}

	/** How many requests Graph answered with 429 so far. */
	public long throttledCount() {
		return graphRequests.stream().filter(r -> r.status() == 429).count();
	}

	/** Graph answers 429 beyond this many requests at once for one mailbox (Graph's limit is 4). */
	public void setConcurrencyLimit(int limit) {
		concurrencyLimit = limit;
	}

	/** From now on each Graph request fails this way with the given probability (seeded: repeatable). */
	public void injectFaults(@Nullable Fault kind, double probability, long seed) {
		fault = kind;
		faultProbability = probability;
		faultRandom = new java.util.Random(seed);
	}

	public void setLatency(Duration delay) {
		latency = delay;
	}

	private MailboxData data(Mailbox owner) {
		return java.util.Objects.requireNonNull(mailbox(owner.address()));
	}

	/** Graph answers 429 to sending once a mailbox sends more messages in the window (0: no limit). */
	public void setSendLimit(int messages, Duration window) {
		sendLimit = messages;
		sendWindow = window;
	}

	/**
	 * How long Exchange takes to submit a sent message, from now on. Models what Microsoft documents for
	 * {@code POST /me/messages/{id}/send} (202 Accepted): the message is sent asynchronously, and its
	 * Sent Items copy "is not created until the message has been successfully sent, which may take
	 * time"; with {@code Prefer: IdType="ImmutableId"} the draft's id stays the id of that copy. From
	 * the 202 on, the draft has left Drafts: it is in no folder, GET by its id answers 404
	 * ErrorItemNotFound and no $filter finds it; after the delay its copy is in Sent Items with the
	 * same id and {@link #delivered()} records it. sendMail's copy comes after the same delay.
	 * <p>
	 * Zero (the default) goes the same way, but the 202 is written only once the copy is there: a
	 * client that got the answer finds the message in Sent Items (the emulator's behaviour before
	 * submission was modelled; Exchange promises no such thing).
	 */
	public void setSubmissionDelay(Duration fixed) {
		setSubmissionDelay(fixed, fixed, 1);
	}

	/**
	 * Each submission from now on takes a delay drawn evenly from {@code min} to {@code max} (seeded:
	 * the n-th message sent gets the same delay in every run). Models Exchange's asynchronous
	 * submission as {@link #setSubmissionDelay(Duration)} describes, with a time that varies per message.
	 */
	public void setSubmissionDelay(Duration min, Duration max, long seed) {
		if (min.isNegative() || max.compareTo(min) < 0) {
			throw new IllegalArgumentException("Need 0 <= min <= max: " + min + ", " + max); //$NON-NLS-1$ //$NON-NLS-2$
		}
		submissionDelay = new SubmissionDelay(min, max, new java.util.Random(seed));
	}

	/** The licence endpoint answers {@code commercial} for this address (any case), else {@code free}. */
	public void addCommercialLicence(String address) {
		commercialLicences.add(address.strip().toLowerCase(java.util.Locale.ROOT));
	}

	// --- what the test inspects

	/** Every body the licence endpoint received, in order, exactly as sent. */
	public List<String> licenceRequests() {
		return List.copyOf(licenceRequests);
	}

	/** Every message that left a mailbox, in order (also those not saved to Sent Items). */
	public List<EmulatedMessage> delivered() {
		return List.copyOf(delivered);
	}

	/** How many messages left a mailbox so far (cheap, for polling). */
	public int deliveredCount() {
		return delivered.size();
	}

	/**
	 * How many sent messages are still being submitted: accepted (202), no longer drafts, their Sent
	 * Items copy not yet made (see {@link #setSubmissionDelay(Duration)}).
	 */
	public int pendingSubmissions() {
		return pendingSubmissions.get();
	}

	/**
	 * Waits until every submission so far is done (each copy is in Sent Items and in
	 * {@link #delivered()}); false if some are still pending after the timeout.
	 */
	public boolean awaitSubmissions(Duration timeout) throws InterruptedException {
		long deadline = System.nanoTime() + timeout.toNanos();
		synchronized (pendingSubmissions) {
			while (pendingSubmissions.get() > 0) {
				long left = deadline - System.nanoTime();
				if (left <= 0) {
					return false;
				}
				TimeUnit.NANOSECONDS.timedWait(pendingSubmissions, left);
			}
			return true;
		}
	}

	/** The messages in a mailbox's Sent Items. */
	public List<EmulatedMessage> sentItems(Mailbox owner) {
		MailboxData data = mailbox(owner.address());
		return data == null ? List.of() : data.messages.values().stream().filter(m -> m.folder().equals("sentitems")).toList(); //$NON-NLS-1$
	}

	/** The drafts of a mailbox. */
	public List<EmulatedMessage> drafts(Mailbox owner) {
		MailboxData data = mailbox(owner.address());
		return data == null ? List.of() : data.messages.values().stream().filter(m -> m.folder().equals("drafts")).toList(); //$NON-NLS-1$
	}

	/** Every Graph request with its Prefer header and the status it got. */
	public List<GraphRequest> graphRequests() {
		return List.copyOf(graphRequests);
	}

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

	void recordLicenceRequest(String body) {
		licenceRequests.add(body);
	}

	boolean hasCommercialLicence(String address) {
		return commercialLicences.contains(address.toLowerCase(java.util.Locale.ROOT));
	}

	@Nullable
	MailboxData mailbox(String address) {
		return mailboxes.get(address.toLowerCase(java.util.Locale.ROOT));
	}

	/** The signed-in user's own mailbox exists as soon as they are signed in. */
	MailboxData ownMailbox(Mailbox user) {
		addMailbox(user);
		return data(user);
	}

	void recordGraph(GraphRequest request) {
		graphRequests.add(request);
	}

	/**
	 * 429 bursts: of every {@code every} Graph requests, the first {@code length} are answered 429
	 * with Retry-After: 1 (0: none), as when a tenant is briefly throttled.
	 */
	public void throttleBursts(int every, int length) {
		burstEvery = every;
		burstLength = length;
		burstCounter.set(0);
	}

	/** Null when the request may go on, else the seconds to tell in Retry-After. */
	@Nullable
	Integer admit(String address) {
		int every = burstEvery;
		if (every > 0 && Math.floorMod(burstCounter.getAndIncrement(), every) < burstLength) {
			return Integer.valueOf(1);
		}
		AtomicInteger running = inFlight.computeIfAbsent(address, a -> new AtomicInteger());
		if (running.incrementAndGet() > concurrencyLimit) {
			running.decrementAndGet();
			return Integer.valueOf(1);
		}
		int limit = rateLimit;
		Duration window = rateWindow;
		if (limit > 0) {
			java.util.Deque<Instant> recent = recentRequests.computeIfAbsent(address, a -> new java.util.ArrayDeque<>());
			Instant now = Instant.now();
			synchronized (recent) {
				while (!recent.isEmpty() && recent.peekFirst().isBefore(now.minus(window))) {
					recent.pollFirst();
				}
				if (recent.size() >= limit) {
					running.decrementAndGet();
					long wait = (Duration.between(now, recent.peekFirst().plus(window)).toMillis() + 999) / 1000;
					return Integer.valueOf((int) Math.max(1, wait));
				}
				recent.addLast(now);
			}
		}
		return null;
	}

	void release(String address) {
		AtomicInteger running = inFlight.get(address);
		if (running != null) {
			running.decrementAndGet();
		}
	}

	@Nullable
	Fault nextFault() {
		Fault kind = fault;
		if (kind == null) {
			return null;
		}
		synchronized (this) {
			return faultRandom.nextDouble() < faultProbability ? kind : null;
		}
	}

	void sleepLatency() {
		try {
			Thread.sleep(latency.toMillis());
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}

	void delivered(Mailbox from, EmulatedMessage message) {
		delivered.add(message);
	}

	/**
	 * Submits a message that has left Drafts (or came with sendMail): after the submission delay it is
	 * moved to Sent Items under its id (if saved) and recorded as delivered. Only a zero delay makes
	 * the caller wait for that, so that its answer comes after the copy.
	 */
	void submit(MailboxData mailbox, EmulatedMessage message, boolean saveToSentItems) throws IOException {
		Duration delay = nextSubmissionDelay();
		Future<?> done = submitLater(mailbox, message, saveToSentItems, delay);
		if (!delay.isZero()) {
			return;
		}
		try {
			done.get();
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IOException(e);
		} catch (ExecutionException e) {
			throw new IOException(e.getCause());
		}
	}

	/** A deferred message whose time came: submitted like any other, nobody waiting for it. */
	void submitReleased(MailboxData mailbox, EmulatedMessage message) {
		try {
			submitLater(mailbox, message, true, nextSubmissionDelay());
		} catch (IOException e) {
			// closed: it is dropped with the other pending submissions
		}
	}

	/** Exchange's deferred delivery: messages held in the Outbox until their time. */
	DeferredDelivery deferred() {
		return deferred;
	}

	/** How many sent messages wait in an Outbox for their deferred send time (PidTagDeferredSendTime). */
	public int heldCount() {
		return deferred.count();
	}

	/** The messages in a mailbox's Outbox (those held for their deferred send time). */
	public List<EmulatedMessage> outbox(Mailbox owner) {
		MailboxData data = mailbox(owner.address());
		return data == null ? List.of() : data.messages.values().stream().filter(m -> m.folder().equals("outbox")).toList(); //$NON-NLS-1$
	}

	private Future<?> submitLater(MailboxData mailbox, EmulatedMessage message, boolean saveToSentItems,
			Duration delay) throws IOException {
		pendingSubmissions.incrementAndGet();
		Future<?> done;
		try {
			done = submissions.schedule(() -> {
				try {
					message.moveTo("sentitems"); //$NON-NLS-1$
					if (saveToSentItems) {
						mailbox.messages.put(message.id(), message);
					}
					delivered(mailbox.owner, message);
				} finally {
					synchronized (pendingSubmissions) {
						pendingSubmissions.decrementAndGet();
						pendingSubmissions.notifyAll();
					}
				}
			}, delay.toNanos(), TimeUnit.NANOSECONDS);
		} catch (java.util.concurrent.RejectedExecutionException e) { // closed
			synchronized (pendingSubmissions) {
				pendingSubmissions.decrementAndGet();
				pendingSubmissions.notifyAll();
			}
			throw new IOException("The emulator is closed.", e); //$NON-NLS-1$
		}
		return done;
	}

	private Duration nextSubmissionDelay() {
		SubmissionDelay delay = submissionDelay;
		if (delay.min().equals(delay.max())) {
			return delay.min();
		}
		synchronized (delay.random()) {
			return Duration.ofNanos(delay.random().nextLong(delay.min().toNanos(), delay.max().toNanos() + 1));
		}
	}

	String openUpload(EmulatedMessage message, String name, long size) {
		String session = java.util.UUID.randomUUID().toString();
		uploads.put(session, new MailApi.Upload(message, name, size));
		return session;
	}

	/** PUT /upload/{session} with Content-Range: the pre-authenticated upload URL of Graph. */
	private void upload(com.sun.net.httpserver.HttpExchange exchange) throws IOException {
		String session = exchange.getRequestURI().getPath().substring("/upload/".length()); //$NON-NLS-1$
		record("PUT /upload/"); //$NON-NLS-1$
		MailApi.Upload upload = uploads.get(session);
		byte[] chunk;
		try (java.io.InputStream in = exchange.getRequestBody()) {
			chunk = in.readAllBytes();
		}
		String range = String.valueOf(exchange.getRequestHeaders().getFirst("Content-Range")); //$NON-NLS-1$
		if (upload == null || !range.startsWith("bytes ")) { //$NON-NLS-1$
			GraphApi.error(exchange, 404, "ItemNotFound", "No such upload session or no Content-Range."); //$NON-NLS-1$ //$NON-NLS-2$
			return;
		}
		long from = Long.parseLong(range.substring(6, range.indexOf('-')));
		synchronized (upload) {
			if (from != upload.bytes.size()) {
				GraphApi.error(exchange, 416, "InvalidRange", "Expected the range from " + upload.bytes.size()); //$NON-NLS-1$ //$NON-NLS-2$
				return;
			}
			upload.bytes.write(chunk);
			if (upload.bytes.size() >= upload.size) {
				upload.message.attach(new EmulatedMessage.Attachment(upload.name, "application/octet-stream", //$NON-NLS-1$
						upload.bytes.toByteArray()));
				uploads.remove(session);
				Exchanges.json(exchange, 201, "{}"); //$NON-NLS-1$
			} else {
				Exchanges.json(exchange, 200, "{\"expirationDateTime\":\"2099-01-01T00:00:00Z\",\"nextExpectedRanges\":[\"" //$NON-NLS-1$
						+ upload.bytes.size() + "-\"]}"); //$NON-NLS-1$
			}
		}
	}

	/** Null when a message may be sent now, else the seconds to tell in Retry-After. */
	@Nullable
	Integer admitSend(String address) {
		int limit = sendLimit;
		if (limit <= 0) {
			return null;
		}
		java.util.Deque<Instant> recent = recentSends.computeIfAbsent(address, a -> new java.util.ArrayDeque<>());
		Instant now = Instant.now();
		synchronized (recent) {
			while (!recent.isEmpty() && recent.peekFirst().isBefore(now.minus(sendWindow))) {
				recent.pollFirst();
			}
			if (recent.size() >= limit) {
				return Integer.valueOf((int) Math.max(1, (Duration.between(now, recent.peekFirst().plus(sendWindow)).toMillis() + 999) / 1000));
			}
			recent.addLast(now);
		}
		return null;
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

	/** Stops the server and drops the submissions still pending. */
	@Override
	public void close() {
		server.stop(0);
		submissions.shutdownNow();
	}
}
