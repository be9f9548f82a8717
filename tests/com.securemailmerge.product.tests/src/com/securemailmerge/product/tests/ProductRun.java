package com.securemailmerge.product.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * One start of a built product through its launcher script, with the driver bundle and a script
 * for it: a copy of the product (installing software changes it), a fresh data folder and home,
 * the driver's steps and screenshots kept under target/product-runs/NAME.
 */
final class ProductRun {

	private static final String DRIVER_JAR = "com.securemailmerge.product.driver-0.1.0-SNAPSHOT.jar";

	private final String name;
	private final Path product;
	private final Path out;
	private final Path work;
	private final Map<String, String> properties = new LinkedHashMap<>();
	private final List<String> arguments = new ArrayList<>();
	private Path connections;

	private ProductRun(String name, Path product, Path out, Path work) {
		this.name = name;
		this.product = product;
		this.out = out;
		this.work = work;
	}

	static Path root() {
		return Path.of(System.getProperty("smm.root", "../..")).toAbsolutePath().normalize();
	}

	/** The materialized product of that releng module (root folder inside), copied into work. */
	static ProductRun of(String name, String module, String productId, Path work) throws Exception {
		Path built = root().resolve("releng").resolve(module)
				.resolve("target/products").resolve(productId).resolve("linux/gtk/x86_64/SecureMailMerge");
		assertTrue(Files.isRegularFile(built.resolve("securemailmerge.sh")),
				built + " is missing: the releng modules are built before the tests (./mvnw verify)");
		Path copy = work.resolve("SecureMailMerge");
		exec(work, "cp", "-a", built.toString(), copy.toString());
		Path out = Path.of(System.getProperty("smm.artifacts", "target/product-runs")).toAbsolutePath().resolve(name);
		deleteTree(out);
		Files.createDirectories(out);
		return new ProductRun(name, copy, out, work);
	}

	Path product() {
		return product;
	}

	Path out() {
		return out;
	}

	ProductRun property(String key, String value) {
		properties.put(key, value);
		return this;
	}

	ProductRun argument(String... values) {
		arguments.addAll(List.of(values));
		return this;
	}

	/**
	 * Starts the product's launcher script with the driver running the script and waits for the
	 * launcher to end (it starts the product again when the product asks for a restart).
	 *
	 * @return the launcher's exit code
	 */
	int run(String script, long timeoutSeconds) throws Exception {
		Path driver = root().resolve("tests/com.securemailmerge.product.driver/target").resolve(DRIVER_JAR);
		assertTrue(Files.isRegularFile(driver), driver + " is missing: it is built before this module");
		Path home = Files.createDirectories(work.resolve("home"));
		StringBuilder options = new StringBuilder();
		// the driver is started with the product's own bundles; p2 rewriting bundles.info
		// (installing software) leaves this alone
		options.append("-Dosgi.bundles=org.eclipse.equinox.simpleconfigurator@1:start,reference:file:")
				.append(driver).append("@4:start");
		options.append(" -Dsmm.driver.script=").append(script).append(" -Dsmm.driver.out=").append(out);
		options.append(" -Duser.home=").append(home);
		properties.forEach((key, value) -> options.append(" -D").append(key).append('=').append(value));
		List<String> launch = new ArrayList<>(List.of("sh", product.resolve("securemailmerge.sh").toString(),
				"-nosplash", "-data", work.resolve("data").toString()));
		launch.addAll(arguments);
		List<String> command = connections == null ? launch : traced(connections, launch);
		ProcessBuilder builder = new ProcessBuilder(command).directory(work.toFile())
				.redirectErrorStream(true).redirectOutput(out.resolve("product-output.log").toFile());
		builder.environment().put("JAVA_TOOL_OPTIONS", options.toString());
		builder.environment().put("SMM_JAVA_HOME", System.getProperty("java.home"));
		builder.environment().put("HOME", home.toString());
		Process process = builder.start();
		if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
			process.descendants().forEach(ProcessHandle::destroyForcibly);
			process.destroyForcibly();
			fail(name + ": the product did not finish within " + timeoutSeconds + " s\n" + report());
		}
		return process.exitValue();
	}

	/**
	 * Records every connect() of the product and of every process it starts (the browser's web and
	 * network processes among them) with strace; see {@link #connections()}.
	 */
	ProductRun traceConnections() {
		connections = out.resolve("connections.strace");
		return this;
	}

	/** What the product connected to, when {@link #traceConnections()} was asked for. */
	ConnectTrace connections() throws IOException {
		assertTrue(connections != null && Files.isRegularFile(connections), "the connections were recorded");
		return ConnectTrace.read(connections);
	}

	/**
	 * The command run under strace, following every child: connect(), bind() and execve() into the record
	 * (whole strings, so paths are not cut). strace is a Debian package .ci/install-deps installs.
	 */
	static List<String> traced(Path record, List<String> command) {
		List<String> traced = new ArrayList<>(List.of("strace", "-f", "--seccomp-bpf", "-qq", "-s", "4096", "-e",
				"trace=connect,bind,execve", "-o", record.toString()));
		traced.addAll(command);
		return traced;
	}

	/** The driver's steps (OK lines, DONE or FAILED) and the end of the product's output. */
	String report() throws IOException {
		Path steps = out.resolve("steps.txt");
		Path log = out.resolve("product-output.log");
		String output = Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
		return "steps:\n" + (Files.exists(steps) ? Files.readString(steps, StandardCharsets.UTF_8) : "(none)")
				+ "\noutput (end):\n" + output.substring(Math.max(0, output.length() - 6000));
	}

	/** Asserts that the script ran to DONE with these steps in this order; returns step to detail. */
	Map<String, String> assertSteps(int exitCode, String... expected) throws IOException {
		String report = report();
		List<String> lines = Files.exists(out.resolve("steps.txt"))
				? Files.readAllLines(out.resolve("steps.txt"), StandardCharsets.UTF_8)
				: List.of();
		assertTrue(lines.contains("DONE") && lines.stream().noneMatch(l -> l.startsWith("FAILED")), report);
		Map<String, String> steps = new LinkedHashMap<>();
		for (String line : lines) {
			if (line.startsWith("OK ")) {
				int colon = line.indexOf(": ");
				steps.put(line.substring(3, colon), line.substring(colon + 2));
			}
		}
		assertEquals(List.of(expected), List.copyOf(steps.keySet()), report);
		assertEquals(0, exitCode, "the product's exit code\n" + report);
		try (Stream<Path> files = Files.list(out)) {
			long shots = files.filter(f -> f.toString().endsWith(".png")).count();
			assertTrue(shots >= expected.length, "a screenshot per step: " + shots + "\n" + report);
		}
		return steps;
	}

	static void exec(Path directory, String... command) throws Exception {
		Process process = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true).start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertEquals(0, process.waitFor(), String.join(" ", command) + ": " + output);
	}

	private static void deleteTree(Path folder) throws IOException {
		if (!Files.exists(folder)) {
			return;
		}
		try (Stream<Path> files = Files.walk(folder)) {
			for (Path file : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
				Files.delete(file);
			}
		}
	}
}
