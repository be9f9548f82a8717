package com.securemailmerge.licence.server;

import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;

/**
 * The licence server's command line.
 *
 * <pre>
 * java -jar licence-server.jar serve [--demo] [--licences FILE.csv] [options]
 * java -jar licence-server.jar licences add KEY YYYY-MM-DD [--customer TEXT] | list | end KEY | import FILE.csv | purge
 * </pre>
 *
 * Options of both: {@code --db sqlite:PATH} (default: the environment variable {@code LICENCE_DB},
 * else {@code sqlite:licence-data/licences.db} in the current folder) or
 * {@code --db jdbc:postgresql://HOST:PORT/DB} with {@code --db-user} and the password in
 * {@code --db-password-file} or {@code LICENCE_DB_PASSWORD}; {@code --log-file PATH} (default
 * standard error). Options of {@code serve}: {@code --bind} (127.0.0.1), {@code --port} (8080,
 * plain HTTP for a TLS-terminating proxy; -1 for none), {@code --https-port} (-1) with
 * {@code --keystore FILE} and its password in {@code --keystore-password-file},
 * {@code LICENCE_KEYSTORE_PASSWORD} or (for tests) {@code --keystore-password};
 * {@code --rate-burst} (10), {@code --rate-refill-seconds} (6), {@code --rate-clients} (100000),
 * {@code --trusted-proxies IP,IP}, {@code --refresh-seconds} (5), {@code --purge-seconds} (600),
 * {@code --body-limit} (320), {@code --access-log true|false} (true); {@code --demo} adds the
 * licences {@code example.com} and {@code licensee@example.com} until the end of next year;
 * {@code --licences FILE.csv} imports a licence list before the ports open.
 *
 * <p>When the ports are open, one line goes to standard output:
 * {@code READY http=127.0.0.1:8080 https=-} (a launcher reads the ports from it).
 */
public final class Main {

	private static final Set<String> COMMON = Set.of("db", "db-user", "db-password-file", "log-file");
	private static final Set<String> SERVE = Set.of("bind", "port", "https-port", "keystore", "keystore-password",
			"keystore-password-file", "rate-burst", "rate-refill-seconds", "rate-clients", "trusted-proxies",
			"refresh-seconds", "purge-seconds", "body-limit", "access-log", "licences");

	private Main() {
	}

	public static void main(String[] args) throws Exception {
		configureProcess(args);
		if (args.length > 0 && "serve".equals(args[0])) {
			Running running = serve(Arrays.copyOfRange(args, 1, args.length), Clock.systemUTC(), System.out);
			CountDownLatch stopped = new CountDownLatch(1);
			Runtime.getRuntime().addShutdownHook(new Thread(() -> {
				running.close();
				stopped.countDown();
			}));
			stopped.await();
		} else if (args.length > 0 && "licences".equals(args[0])) {
			System.exit(licences(Arrays.copyOfRange(args, 1, args.length), Clock.systemUTC(), System.out));
		} else {
			System.err.println("usage: licence-server serve [options] | licences add|list|end|import|purge ...");
			System.exit(2);
		}
	}

	/**
	 * Sets what must be set before the first logger and the first HTTP server exist: the log file
	 * and the JDK HTTP server's limits (no request may take over 10 s to arrive: slow clients are
	 * cut off; small answers are not delayed by Nagle's algorithm).
	 */
	static void configureProcess(String[] args) {
		if (args.length > 0 && "licences".equals(args[0])) {
			setDefault("org.slf4j.simpleLogger.defaultLogLevel", "warn"); // the command's own output only
		}
		for (int i = 0; i + 1 < args.length; i++) {
			if ("--log-file".equals(args[i])) {
				System.setProperty("org.slf4j.simpleLogger.logFile", args[i + 1]);
			}
		}
		setDefault("org.slf4j.simpleLogger.showDateTime", "true");
		setDefault("org.slf4j.simpleLogger.dateTimeFormat", "yyyy-MM-dd'T'HH:mm:ss.SSSXXX");
		setDefault("org.slf4j.simpleLogger.showThreadName", "false");
		setDefault("org.slf4j.simpleLogger.showShortLogName", "true");
		setDefault("sun.net.httpserver.maxReqTime", "10");
		setDefault("sun.net.httpserver.maxRspTime", "10");
		setDefault("sun.net.httpserver.nodelay", "true");
		setDefault("sun.net.httpserver.maxReqHeaders", "64");
		setDefault("sun.net.httpserver.maxReqHeaderSize", "16384");
		setDefault("sun.net.httpserver.maxIdleConnections", "1000");
		setDefault("jdk.httpserver.maxConnections", "10000");
	}

	private static void setDefault(String name, String value) {
		if (System.getProperty(name) == null) {
			System.setProperty(name, value);
		}
	}

	/** A started server and its database, closed together. */
	record Running(LicenceServer server, Database database) implements AutoCloseable {
		@Override
		public void close() {
			server.close();
			database.close();
		}
	}

	/** Opens the database, imports what was asked, starts the server and prints the READY line. */
	static Running serve(String[] args, Clock clock, PrintStream out) throws Exception {
		Set<String> valued = new HashSet<>(COMMON);
		valued.addAll(SERVE);
		Options options = new Options(args, valued, Set.of("demo"));
		Database database = open(options);
		try {
			LicenceStore store = new LicenceStore(database);
			LicenceKeys keys = new LicenceKeys(new AddressSyntax());
			if (options.flag("demo")) {
				LocalDate until = LocalDate.of(LocalDate.now(clock).getYear() + 1, 12, 31);
				store.put("example.com", until, "demo: every address at example.com");
				store.put("licensee@example.com", until, "demo: one address");
			}
			String licences = options.get("licences", "");
			if (!licences.isEmpty()) {
				for (CsvLicences.Entry entry : new CsvLicences(keys).read(Path.of(licences))) {
					store.put(entry.key(), entry.until(), entry.customer());
				}
			}
			LicenceServer server = new LicenceServer(config(options), database, clock);
			server.start();
			out.println("READY http=" + server.httpAddress().map(Main::hostPort).orElse("-") + " https="
					+ server.httpsAddress().map(Main::hostPort).orElse("-"));
			out.flush();
			return new Running(server, database);
		} catch (Exception | Error e) {
			database.close();
			throw e;
		}
	}

	private static String hostPort(java.net.InetSocketAddress address) {
		return address.getAddress().getHostAddress() + ":" + address.getPort();
	}

	/** Runs a {@code licences} command; returns the exit code. */
	static int licences(String[] args, Clock clock, PrintStream out) throws Exception {
		Set<String> valued = new HashSet<>(COMMON);
		valued.add("customer");
		Options options = new Options(args, valued, Set.of());
		try (Database database = open(options)) {
			return new LicenceCli(new LicenceStore(database), new LicenceKeys(new AddressSyntax()), clock, out)
					.run(options.words(), options.get("customer", ""));
		}
	}

	private static Database open(Options options) throws IOException {
		String fallback = System.getenv("LICENCE_DB");
		return Database.open(options.get("db", fallback == null || fallback.isBlank() ? "sqlite:licence-data/licences.db" : fallback),
				options.get("db-user", ""),
				secret(options.get("db-password-file", ""), "LICENCE_DB_PASSWORD", ""));
	}

	private static ServerConfig config(Options options) throws IOException {
		Set<InetAddress> proxies = new HashSet<>();
		for (String proxy : options.get("trusted-proxies", "").split(",")) {
			if (!proxy.isBlank()) {
				InetAddress address = ClientAddress.literal(proxy.strip());
				if (address == null) {
					throw new IllegalArgumentException("--trusted-proxies takes IP addresses");
				}
				proxies.add(address);
			}
		}
		String keystore = options.get("keystore", "");
		String password = options.get("keystore-password", "");
		if (password.isEmpty()) {
			password = secret(options.get("keystore-password-file", ""), "LICENCE_KEYSTORE_PASSWORD", "");
		}
		return new ServerConfig(options.get("bind", "127.0.0.1"), options.integer("port", 8080),
				options.integer("https-port", -1), keystore.isEmpty() ? Optional.empty() : Optional.of(Path.of(keystore)),
				password.toCharArray(), options.decimal("rate-burst", 10), seconds(options.decimal("rate-refill-seconds", 6)),
				options.integer("rate-clients", 100_000), proxies, seconds(options.decimal("refresh-seconds", 5)),
				seconds(options.decimal("purge-seconds", 600)), options.integer("body-limit", ServerConfig.DEFAULT_BODY_LIMIT),
				Boolean.parseBoolean(options.get("access-log", "true")));
	}

	private static Duration seconds(double seconds) {
		return Duration.ofNanos(Math.max(1_000_000L, (long) (seconds * 1e9)));
	}

	private static String secret(String file, String variable, String fallback) throws IOException {
		if (!file.isEmpty()) {
			return Files.readString(Path.of(file), StandardCharsets.UTF_8).strip();
		}
		String value = System.getenv(variable);
		return value == null ? fallback : value;
	}
}
