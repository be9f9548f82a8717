package com.securemailmerge.licence.server;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real PostgreSQL for one test class: initdb and pg_ctl on a fresh folder, listening on a free
 * loopback port. PostgreSQL refuses to run as root, so as root (CI) the folder is given to the
 * user {@code nobody} and the binaries run through {@code runuser -u nobody}; as any other user
 * they run as that user. The binaries are Debian's ({@code /usr/lib/postgresql/N/bin}, installed
 * by {@code .ci/install-deps --tests}) or those in {@code PG_BIN}; missing binaries fail the test.
 */
final class EmbeddedPostgres implements AutoCloseable {

	private final Path bin;
	private final Path folder;
	private final int port;
	private final List<String> asUser;

	private EmbeddedPostgres(Path bin, Path folder, int port, List<String> asUser) {
		this.bin = bin;
		this.folder = folder;
		this.port = port;
		this.asUser = asUser;
	}

	static EmbeddedPostgres start() throws IOException, InterruptedException {
		Path bin = binaries();
		Path folder = Files.createTempDirectory("smm-pg-");
		List<String> asUser = List.of();
		if (isRoot()) {
			UserPrincipal nobody = folder.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("nobody");
			Files.setOwner(folder, nobody);
			asUser = List.of("runuser", "-u", "nobody", "--");
		}
		int port;
		try (ServerSocket socket = new ServerSocket(0)) {
			port = socket.getLocalPort();
		}
		EmbeddedPostgres postgres = new EmbeddedPostgres(bin, folder, port, asUser);
		postgres.run(List.of(bin.resolve("initdb").toString(), "-D", postgres.dataDirectory().toString(), "-U", "postgres",
				"-A", "trust", "-E", "UTF8", "--locale=C", "--no-sync"));
		postgres.run(List.of(bin.resolve("pg_ctl").toString(), "-D", postgres.dataDirectory().toString(), "-l",
				postgres.logFile().toString(), "-w", "-t", "60", "-o",
				"-p " + port + " -k " + folder + " -c listen_addresses=127.0.0.1 -c fsync=off -c log_statement=none",
				"start"));
		return postgres;
	}

	private static Path binaries() throws IOException {
		String configured = System.getenv("PG_BIN");
		if (configured != null && !configured.isBlank()) {
			return Path.of(configured);
		}
		Path debian = Path.of("/usr/lib/postgresql");
		if (Files.isDirectory(debian)) {
			try (Stream<Path> versions = Files.list(debian)) {
				Path newest = versions.filter(v -> Files.isExecutable(v.resolve("bin/initdb")))
						.max(Comparator.comparingInt(v -> Integer.parseInt(v.getFileName().toString().replaceAll("\\D", "0"))))
						.orElse(null);
				if (newest != null) {
					return newest.resolve("bin");
				}
			}
		}
		throw new IllegalStateException(
				"PostgreSQL's initdb and pg_ctl not found: install Debian's postgresql (.ci/install-deps --tests) or set PG_BIN");
	}

	private static boolean isRoot() throws IOException, InterruptedException {
		Process id = new ProcessBuilder("id", "-u").redirectErrorStream(true).start();
		String uid = new String(id.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
		id.waitFor();
		return "0".equals(uid);
	}

	private void run(List<String> command) throws IOException, InterruptedException {
		List<String> full = new ArrayList<>(asUser);
		full.addAll(command);
		Process process = new ProcessBuilder(full).directory(folder.toFile()).redirectErrorStream(true).start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		if (!process.waitFor(90, TimeUnit.SECONDS) || process.exitValue() != 0) {
			throw new IllegalStateException(String.join(" ", full) + " failed: " + output
					+ (Files.exists(logFile()) ? Files.readString(logFile()) : ""));
		}
	}

	Path dataDirectory() {
		return folder.resolve("data");
	}

	Path logFile() {
		return folder.resolve("postgres.log");
	}

	String jdbcUrl() {
		return "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
	}

	Connection connect() throws SQLException {
		return DriverManager.getConnection(jdbcUrl(), "postgres", "");
	}

	@Override
	public void close() throws IOException, InterruptedException {
		try {
			run(List.of(bin.resolve("pg_ctl").toString(), "-D", dataDirectory().toString(), "-m", "immediate", "-w", "stop"));
		} finally {
			try (Stream<Path> files = Files.walk(folder)) {
				files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
			}
		}
	}
}
