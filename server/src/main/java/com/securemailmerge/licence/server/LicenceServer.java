package com.securemailmerge.licence.server;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.security.GeneralSecurityException;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;

import com.sun.net.httpserver.HttpContext;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;

/**
 * The licence server: the JDK's HTTP server (HTTP and/or HTTPS) on virtual threads in front of
 * the in-memory licence list, with the list's refresh, the purge and the rate limiter's sweep on
 * one scheduler thread. Stateless apart from the database: any number can run side by side.
 */
public final class LicenceServer implements AutoCloseable {

	private static final Duration SWEEP = Duration.ofMinutes(1);

	private final ServerConfig config;
	private final Database database;
	private final Clock clock;
	private final List<HttpServer> servers = new ArrayList<>();
	private final ExecutorService workers = Executors.newVirtualThreadPerTaskExecutor();
	private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(
			r -> Thread.ofPlatform().daemon().name("licence-scheduler").unstarted(r));
	private Optional<InetSocketAddress> http = Optional.empty();
	private Optional<InetSocketAddress> https = Optional.empty();

	public LicenceServer(ServerConfig config, Database database, Clock clock) {
		this.config = config;
		this.database = database;
		this.clock = clock;
	}

	/** Loads the licence list, starts the schedules and opens the ports. */
	public void start() throws IOException, SQLException, GeneralSecurityException {
		LicenceStore store = new LicenceStore(database);
		LicenceDirectory directory = new LicenceDirectory(store);
		RateLimiter limiter = new RateLimiter(config.rateBurst(), config.rateRefill().toNanos(), config.rateClients(),
				System::nanoTime);
		HttpHandler router = new Router(new LicenceEndpoint(new LicenceCheck(directory, store, clock), new AddressSyntax(),
				limiter, new ClientAddress(config.trustedProxies()), config.bodyLimit()), new HealthEndpoint(store));
		Purger purger = new Purger(store, directory, clock);
		every(config.refresh(), directory::refresh);
		every(config.purge(), purger);
		every(SWEEP, limiter::sweep);
		if (config.httpPort() >= 0) {
			HttpServer server = HttpServer.create(new InetSocketAddress(config.bind(), config.httpPort()), 512);
			http = Optional.of(open(server, router));
		}
		if (config.httpsPort() >= 0) {
			HttpsServer server = HttpsServer.create(new InetSocketAddress(config.bind(), config.httpsPort()), 512);
			SSLContext tls = TlsContext.load(config.keystore().orElseThrow(
					() -> new IllegalArgumentException("HTTPS needs --keystore")), config.keystorePassword());
			server.setHttpsConfigurator(new HttpsConfigurator(tls) {
				@Override
				public void configure(HttpsParameters parameters) {
					SSLParameters ssl = tls.getDefaultSSLParameters();
					ssl.setProtocols(new String[] { "TLSv1.3", "TLSv1.2" });
					parameters.setSSLParameters(ssl);
				}
			});
			https = Optional.of(open(server, router));
		}
	}

	private InetSocketAddress open(HttpServer server, HttpHandler router) {
		HttpContext context = server.createContext("/", router);
		if (config.accessLog()) {
			context.getFilters().add(new AccessLog());
		}
		server.setExecutor(workers);
		server.start();
		servers.add(server);
		return server.getAddress();
	}

	private void every(Duration period, Runnable task) {
		scheduler.scheduleWithFixedDelay(task, 0, period.toMillis(), TimeUnit.MILLISECONDS);
	}

	/** Where plain HTTP listens, if it does. */
	public Optional<InetSocketAddress> httpAddress() {
		return http;
	}

	/** Where HTTPS listens, if it does. */
	public Optional<InetSocketAddress> httpsAddress() {
		return https;
	}

	@Override
	public void close() {
		servers.forEach(server -> server.stop(1));
		scheduler.shutdownNow();
		workers.shutdownNow();
	}
}
