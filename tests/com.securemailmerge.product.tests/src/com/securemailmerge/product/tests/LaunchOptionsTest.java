package com.securemailmerge.product.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The JVM options have one place, jvm.properties at the root of every product archive: its launcher
 * scripts on Linux, macOS and Windows pass them to java, a Java runtime accepts them, and ./bench
 * gives the benchmarks' JVM the same (./bench startup starts the product and the bare application
 * with them), so no figure is measured with options the product does not use.
 */
final class LaunchOptionsTest {

	@TempDir
	Path work;

	/**
	 * Runs the Linux and macOS scripts with a stand-in java that writes down its arguments; reads the
	 * Windows script's java line (no Windows here).
	 */
	@Test
	void everyLauncherScriptPassesTheOptionsOfJvmProperties() throws Exception {
		Path root = ProductRun.root();
		Path rootfiles = root.resolve("features/com.securemailmerge.feature/rootfiles");
		Path shared = rootfiles.resolve("common/jvm.properties");
		for (String module : List.of("com.securemailmerge.product", "com.securemailmerge.base.product")) {
			Path built = root.resolve("releng").resolve(module).resolve("target/products").resolve(module)
					.resolve("linux/gtk/x86_64/SecureMailMerge");
			assertEquals(Files.readString(shared, StandardCharsets.UTF_8),
					Files.readString(built.resolve("jvm.properties"), StandardCharsets.UTF_8), module + " ships jvm.properties");
			List<String> options = options(built.resolve("jvm.properties"));
			assertTrue(options.stream().anyMatch(o -> o.startsWith("-XX:Tier4InvocationThreshold=")), module + ": " + options);
			assertTrue(options.contains("-Xmx1g"), module + ": " + options);
			for (Path script : List.of(built.resolve("securemailmerge.sh"), rootfiles.resolve("macosx/SecureMailMerge.command"))) {
				List<String> passed = argumentsOfJava(script, built.resolve("jvm.properties"));
				for (String option : options) {
					assertTrue(passed.contains(option), script + " passes " + option + " to java: " + passed);
				}
			}
		}
		String bench = Files.readString(root.resolve("bench"), StandardCharsets.UTF_8);
		assertTrue(bench.contains("rootfiles/common/jvm.properties") && bench.contains("-Dsmm.bench.jit=\"$jit\""),
				"./bench gives the benchmarks' JVM the options of jvm.properties");
		List<String> cmd = Files.readAllLines(rootfiles.resolve("win32/securemailmerge.cmd"), StandardCharsets.UTF_8);
		assertTrue(cmd.stream().anyMatch(l -> l.contains("in (\"%HERE%jvm.properties\")")), "securemailmerge.cmd reads jvm.properties");
		assertTrue(cmd.contains("if not defined SMM_XMX set \"SMM_XMX=%HEAP%\""), "securemailmerge.cmd defaults the heap to heap=");
		for (String java : cmd.stream().filter(l -> l.startsWith("\"%JAVA")).toList()) {
			assertTrue(java.contains("%OPTIONS% -Xmx%SMM_XMX%"), "securemailmerge.cmd passes the options: " + java);
		}
	}

	/** options= split at spaces, and heap= as -Xmx. */
	private static List<String> options(Path properties) throws Exception {
		List<String> options = new ArrayList<>();
		for (String line : Files.readAllLines(properties, StandardCharsets.UTF_8)) {
			if (line.startsWith("options=")) {
				options.addAll(List.of(line.substring("options=".length()).strip().split(" +")));
			} else if (line.startsWith("heap=")) {
				options.add("-Xmx" + line.substring("heap=".length()).strip());
			}
		}
		assertFalse(options.isEmpty(), properties + " names JVM options");
		return options;
	}

	/**
	 * {@code --headless} as the first argument starts the command line: the application
	 * com.securemailmerge.cli.headless without a splash, java.awt.headless, the arguments after it
	 * unchanged (spaces kept), no -XstartOnFirstThread on macOS, and the command's exit code is the
	 * script's, 23 included (no restart loop for a command).
	 */
	@Test
	void headlessStartsTheCommandLineWithItsArgumentsAndExitCode() throws Exception {
		Path root = ProductRun.root();
		Path rootfiles = root.resolve("features/com.securemailmerge.feature/rootfiles");
		for (Path script : List.of(rootfiles.resolve("linux/securemailmerge.sh"), rootfiles.resolve("macosx/SecureMailMerge.command"))) {
			List<String> passed = argumentsOfJava(script, 0, "--headless", "validate", "Mein Verein.smmc", "--json");
			int jar = passed.indexOf("-jar");
			assertTrue(jar > 0, script + ": " + passed);
			List<String> after = passed.subList(jar + 2, passed.size());
			int application = after.indexOf("-application");
			assertTrue(application >= 0, script + ": " + after);
			assertEquals(List.of("-application", "com.securemailmerge.cli.headless", "-nosplash", "validate", "Mein Verein.smmc",
					"--json"), after.subList(application, after.size()), script.toString());
			assertTrue(passed.contains("-Djava.awt.headless=true"), script + ": " + passed);
			assertFalse(passed.contains("-XstartOnFirstThread"), script + ": " + passed);
			assertFalse(argumentsOfJava(script, 0).contains("-application"), script + " without --headless starts the window");
			for (int code : new int[] { 1, 2, 3, 23 }) {
				argumentsOfJava(script, code, "--headless", "send", "x.smmc");
			}
		}
		assertTrue(argumentsOfJava(rootfiles.resolve("macosx/SecureMailMerge.command"), 0).contains("-XstartOnFirstThread"));
		List<String> cmd = Files.readAllLines(rootfiles.resolve("win32/securemailmerge.cmd"), StandardCharsets.UTF_8);
		assertTrue(cmd.contains("if \"%~1\"==\"--headless\" goto headless"), "securemailmerge.cmd: " + cmd);
		String launch = cmd.stream().filter(l -> l.startsWith("\"%JAVA:javaw.exe=java.exe%\"")).findFirst().orElseThrow();
		assertTrue(launch.contains("-application com.securemailmerge.cli.headless -nosplash") && launch.contains("-Djava.awt.headless=true"), launch);
		assertTrue(cmd.get(cmd.indexOf(launch) + 1).equals("exit /b %ERRORLEVEL%"), "the command's exit code");
	}

	private List<String> argumentsOfJava(Path script) throws Exception {
		return argumentsOfJava(script, 0);
	}

	/** As the script is started beside the product's jvm.properties. */
	private List<String> argumentsOfJava(Path script, Path properties) throws Exception {
		beside = properties;
		try {
			return argumentsOfJava(script, 0);
		} finally {
			beside = null;
		}
	}

	private Path beside;

	/**
	 * Starts a launcher script in a folder of its own with SMM_JAVA_HOME at a recording java that ends
	 * with {@code exit}; the script must end with the same code.
	 */
	private List<String> argumentsOfJava(Path script, int exit, String... arguments) throws Exception {
		Path folder = Files.createTempDirectory(work, "launcher");
		Files.createDirectories(folder.resolve("plugins"));
		Files.createFile(folder.resolve("plugins/org.eclipse.equinox.launcher_1.0.0.jar"));
		Path copy = folder.resolve(script.getFileName());
		Files.copy(script, copy);
		if (beside != null) {
			Files.copy(beside, folder.resolve("jvm.properties"));
		}
		Path bin = Files.createDirectories(folder.resolve("fake-java/bin"));
		Path recorded = folder.resolve("arguments.txt");
		Path java = bin.resolve("java");
		Files.writeString(java, """
				#!/bin/sh
				case "$1" in -XshowSettings*) echo '    java.specification.version = 25'; exit 0 ;; esac
				for a in "$@"; do echo "$a"; done > "$(dirname "$0")/../../arguments.txt"
				exit %d
				""".formatted(exit), StandardCharsets.UTF_8);
		java.toFile().setExecutable(true);
		List<String> command = new ArrayList<>(List.of("sh", copy.toString()));
		command.addAll(List.of(arguments));
		ProcessBuilder builder = new ProcessBuilder(command).directory(folder.toFile()).redirectErrorStream(true);
		builder.environment().put("SMM_JAVA_HOME", bin.getParent().toString());
		builder.environment().remove("SMM_XMX");
		Process process = builder.start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertTrue(process.waitFor(60, TimeUnit.SECONDS), script + " ended");
		assertEquals(exit, process.exitValue(), script + " said: " + output);
		assertTrue(Files.isRegularFile(recorded), script + " started java: " + output);
		return Files.readAllLines(recorded, StandardCharsets.UTF_8);
	}

	@Test
	void aJavaRuntimeAcceptsTheJvmOptions() throws Exception {
		Path built = ProductRun.root().resolve("releng/com.securemailmerge.product/target/products")
				.resolve("com.securemailmerge.product/linux/gtk/x86_64/SecureMailMerge");
		List<String> command = new ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		command.addAll(options(built.resolve("jvm.properties")));
		command.add("-version");
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertTrue(process.waitFor(60, TimeUnit.SECONDS), "java -version ended");
		assertEquals(0, process.exitValue(), "java with " + command + " said: " + output);
		assertFalse(output.contains("Unrecognized") || output.contains("Ignoring option"), output);
	}
}
