package com.securemailmerge.licence.server;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A licence server in a JVM of its own, as it runs for real: its log file, its standard output
 * and error, and its {@code java.io.tmpdir} are all in one folder the test owns and searches.
 */
final class ServerProcess implements AutoCloseable {

	private static final Pattern READY = Pattern.compile("READY http=(\\S+) https=(\\S+)");

	private final Process process;
	private final Path folder;
	private final Optional<String> http;
	private final Optional<String> https;
	private final boolean stopsAtEndOfInput;

	private ServerProcess(Process process, Path folder, Optional<String> http, Optional<String> https,
			boolean stopsAtEndOfInput) {
		this.process = process;
		this.folder = folder;
		this.http = http;
		this.https = https;
		this.stopsAtEndOfInput = stopsAtEndOfInput;
	}

	/** Starts {@link TestServerLauncher} with its clock at {@code clock}. */
	static ServerProcess start(Path folder, Instant clock, List<String> serveArgs) throws IOException, InterruptedException {
		return start(folder, TestServerLauncher.class.getName(), List.of("-Dsmm.test.clock=" + clock), serveArgs);
	}

	/** Starts a main class of the module with the test class path; {@code serveArgs} follow it. */
	static ServerProcess start(Path folder, String mainClass, List<String> jvmArgs, List<String> args)
			throws IOException, InterruptedException {
		Path logs = Files.createDirectories(folder.resolve("log"));
		Path tmp = Files.createDirectories(folder.resolve("tmp"));
		List<String> command = new ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		command.add("-Xmx256m");
		command.add("-XX:+UseSerialGC");
		command.add("--enable-native-access=ALL-UNNAMED");
		command.add("-Djava.io.tmpdir=" + tmp);
		command.addAll(jvmArgs);
		command.add("-cp");
		command.add(absoluteClassPath());
		command.add(mainClass);
		command.addAll(args);
		command.add("--log-file");
		command.add(logs.resolve("server.log").toString());
		Path out = logs.resolve("stdout.txt");
		Process process = new ProcessBuilder(command).directory(folder.toFile()).redirectOutput(out.toFile())
				.redirectError(logs.resolve("stderr.txt").toFile()).start();
		long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
		while (System.nanoTime() < deadline) {
			Matcher ready = READY.matcher(Files.readString(out, StandardCharsets.UTF_8));
			if (ready.find()) {
				return new ServerProcess(process, folder, port(ready.group(1)), port(ready.group(2)),
						TestServerLauncher.class.getName().equals(mainClass));
			}
			if (!process.isAlive()) {
				throw new IllegalStateException("server exited " + process.exitValue() + ": "
						+ Files.readString(logs.resolve("stderr.txt")));
			}
			Thread.sleep(50);
		}
		process.destroyForcibly();
		throw new IllegalStateException("server not ready in 60 s");
	}

	/** This JVM's class path with absolute entries: the child runs in another folder. */
	private static String absoluteClassPath() {
		return java.util.Arrays.stream(System.getProperty("java.class.path").split(java.io.File.pathSeparator))
				.map(entry -> Path.of(entry).toAbsolutePath().toString())
				.collect(java.util.stream.Collectors.joining(java.io.File.pathSeparator));
	}

	private static Optional<String> port(String hostPort) {
		return "-".equals(hostPort) ? Optional.empty() : Optional.of(hostPort);
	}

	URI http(String path) {
		return URI.create("http://" + http.orElseThrow() + path);
	}

	URI https(String path) {
		return URI.create("https://localhost:" + https.orElseThrow().substring(https.orElseThrow().lastIndexOf(':') + 1) + path);
	}

	boolean hasHttp() {
		return http.isPresent();
	}

	/** The folder with the log, standard output and error, and the temp folder. */
	Path folder() {
		return folder;
	}

	String log() throws IOException {
		return Files.readString(folder.resolve("log/server.log"), StandardCharsets.UTF_8);
	}

	/** Moves the server's clock and waits until the server has taken it. */
	void setClock(Instant instant) throws IOException, InterruptedException {
		OutputStream in = process.getOutputStream();
		in.write(("clock " + instant + "\n").getBytes(StandardCharsets.UTF_8));
		in.flush();
		Path out = folder.resolve("log/stdout.txt");
		long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
		while (!Files.readString(out).contains("CLOCK " + instant)) {
			if (System.nanoTime() > deadline) {
				throw new IllegalStateException("the server did not take the clock");
			}
			Thread.sleep(20);
		}
	}

	@Override
	public void close() throws InterruptedException {
		try {
			process.getOutputStream().close(); // the launcher stops at the end of its input
		} catch (IOException e) {
			// already gone
		}
		if (!stopsAtEndOfInput || !process.waitFor(10, TimeUnit.SECONDS)) {
			process.destroy(); // SIGTERM: Main's shutdown hook closes the server
			if (!process.waitFor(10, TimeUnit.SECONDS)) {
				process.destroyForcibly().waitFor();
			}
		}
	}
}
