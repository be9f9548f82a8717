package com.securemailmerge.product.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The built product's command line as a scheduler starts it: {@code securemailmerge.sh --headless}
 * without a display, no GUI class loaded; validate in English and German, JSON; a send killed with
 * SIGKILL in the middle and started again sends every recipient exactly once; the report.
 */
final class HeadlessTest {

	@TempDir
	Path work;

	private Path product;
	private Path campaigns;

	@BeforeEach
	void copyProduct() throws Exception {
		Path built = ProductRun.root().resolve("releng/com.securemailmerge.product/target/products/com.securemailmerge.product/linux/gtk/x86_64/SecureMailMerge");
		assertTrue(Files.isRegularFile(built.resolve("securemailmerge.sh")), built + " is built before the tests");
		product = work.resolve("SecureMailMerge");
		ProductRun.exec(work, "cp", "-a", built.toString(), product.toString());
		campaigns = Files.createDirectories(work.resolve("campaigns"));
		for (String name : List.of("Summer-party.smmc", "Mitglieder.xlsx")) {
			Files.copy(product.resolve("samples").resolve(name), campaigns.resolve(name));
		}
	}

	private record Run(int code, String out, String err) {
	}

	private ProcessBuilder command(Path classes, String... arguments) {
		List<String> command = new ArrayList<>(List.of("sh", product.resolve("securemailmerge.sh").toString(), "--headless",
				"-data", work.resolve("data").toString()));
		command.addAll(List.of(arguments));
		ProcessBuilder builder = new ProcessBuilder(command).directory(campaigns.toFile());
		builder.environment().remove("DISPLAY");
		builder.environment().remove("WAYLAND_DISPLAY");
		builder.environment().put("SMM_JAVA_HOME", System.getProperty("java.home"));
		builder.environment().put("HOME", work.resolve("home").toString());
		builder.environment().put("JAVA_TOOL_OPTIONS", "-Xlog:class+load=info:file=" + classes);
		return builder;
	}

	private Run run(String... arguments) throws Exception {
		Path classes = work.resolve("classes-" + System.nanoTime() + ".txt");
		Path out = work.resolve("out.txt");
		Path err = work.resolve("err.txt");
		Process process = command(classes, arguments).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
		if (!process.waitFor(120, TimeUnit.SECONDS)) {
			process.descendants().forEach(ProcessHandle::destroyForcibly);
			process.destroyForcibly();
			fail("the command line did not end within 120 s: " + String.join(" ", arguments));
		}
		String loaded = Files.readString(classes, StandardCharsets.UTF_8);
		assertTrue(loaded.contains("com.securemailmerge.cli.HeadlessApplication"), "the command line ran");
		for (String gui : List.of("org.eclipse.swt.", "org.eclipse.jface.", "org.eclipse.e4.ui.workbench.swt.", "java.awt.Window")) {
			assertFalse(loaded.contains(" " + gui), "no GUI class is loaded (" + gui + ")");
		}
		return new Run(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
	}

	@Test
	void validatePrintsTheProblemsWithoutADisplayInEnglishGermanAndJson() throws Exception {
		Run english = run("validate", "Summer-party.smmc");
		assertEquals(1, english.code(), english.err());
		assertTrue(english.out().contains("error: row 9 <paul.hoffmann(at)example.org>: "), english.out());
		assertTrue(english.out().contains("3 error(s) for 2 recipient(s)"), english.out());

		Run german = run("-nl", "de", "validate", "Summer-party.smmc");
		assertEquals(1, german.code(), german.err());
		assertTrue(german.out().contains("Fehler: Zeile 9 <paul.hoffmann(at)example.org>: "), german.out());
		assertTrue(german.out().contains("3 Fehler bei 2 Empfänger(n)"), german.out());

		Run json = run("validate", "Summer-party.smmc", "--json");
		assertEquals(1, json.code(), json.err());
		List<String> lines = json.out().lines().toList();
		assertEquals(4, lines.size(), json.out());
		assertTrue(lines.get(3).startsWith("{\"type\":\"summary\",\"command\":\"validate\","), lines.get(3));

		Run usage = run("publish");
		assertEquals(2, usage.code());
		assertTrue(usage.err().contains("Usage:"), usage.err());
		// a sample has no id yet: it is saved in the workbench before it sends
		Run sample = run("send", "Summer-party.smmc", "--outbox");
		assertEquals(2, sample.code(), sample.err());
		assertTrue(sample.err().contains("no id yet"), sample.err());
	}

	/** A saved campaign over a CSV file of this many members. */
	private Path campaign(int members) throws Exception {
		StringBuilder csv = new StringBuilder("Name;E-Mail\n");
		for (int i = 1; i <= members; i++) {
			csv.append("Mitglied ").append(i).append(";m").append(i).append("@verein.example\n");
		}
		Files.writeString(campaigns.resolve("Rundbrief.csv"), csv, StandardCharsets.UTF_8);
		Path file = campaigns.resolve("Rundbrief.smmc");
		Files.writeString(file, """
				<?xml version="1.0" encoding="UTF-8"?>
				<campaign xmlns="urn:securemailmerge:campaign:1" version="1" id="6f1c2d3e-4b5a-4c6d-8e7f-901a2b3c4d5e" name="Rundbrief">
					<source id="csv" file="true" location="Rundbrief.csv"/>
					<settings locale="de-DE" transport="OUTBOX" emailField="E-Mail"/>
					<template format="MARKDOWN">
						<to>{{Name}} &lt;{{[E-Mail]}}&gt;</to>
						<subject>Rundbrief für {{Name}}</subject>
						<body>Hallo {{Name}},

				hier ist unser Rundbrief.</body>
					</template>
				</campaign>
				""", StandardCharsets.UTF_8);
		return file;
	}

	private Map<Path, Object> outbox() throws Exception {
		Path outbox = campaigns.resolve("Rundbrief-outbox");
		Map<Path, Object> files = new HashMap<>();
		if (Files.isDirectory(outbox)) {
			try (Stream<Path> list = Files.list(outbox)) {
				for (Path file : list.filter(f -> f.getFileName().toString().endsWith(".eml")).toList()) {
					BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
					files.put(file, attributes.fileKey() + "@" + attributes.lastModifiedTime().toMillis());
				}
			}
		}
		return files;
	}

	@Test
	void aSendKilledInTheMiddleGoesOnWithoutSendingAnyoneTwiceOrLosingAnyone() throws Exception {
		int members = 3000;
		campaign(members);
		Path classes = work.resolve("classes-killed.txt");
		Process first = command(classes, "send", "Rundbrief.smmc", "--outbox")
				.redirectOutput(work.resolve("killed-out.txt").toFile()).redirectError(work.resolve("killed-err.txt").toFile()).start();
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
		while (outbox().size() < 200 && first.isAlive() && System.nanoTime() < deadline) {
			Thread.sleep(5);
		}
		first.descendants().forEach(ProcessHandle::destroyForcibly); // SIGKILL: no shutdown hook runs
		first.destroyForcibly();
		first.waitFor(30, TimeUnit.SECONDS);
		Map<Path, Object> before = outbox();
		assertTrue(before.size() >= 200 && before.size() < members,
				"killed in the middle: " + before.size() + " of " + members + "\n" + Files.readString(work.resolve("killed-err.txt")));

		Run resumed = run("send", "Rundbrief.smmc", "--json");
		assertEquals(0, resumed.code(), resumed.err());
		Map<Path, Object> after = outbox();
		assertEquals(members, after.size(), "nobody lost");
		before.forEach((file, identity) -> assertEquals(identity, after.get(file), "not written again: " + file));
		String summary = resumed.out().lines().reduce((a, b) -> b).orElseThrow();
		assertTrue(summary.contains("\"failed\":0,\"deferred\":0,\"unconfirmed\":0"), summary);
		assertTrue(summary.endsWith("\"ok\":true}"), summary);

		Run again = run("send", "Rundbrief.smmc");
		assertEquals(0, again.code(), again.err());
		assertTrue(again.out().contains("0 sent, " + members + " already sent before"), again.out());
		assertEquals(after, outbox());

		Path report = work.resolve("report.csv");
		Run written = run("report", "Rundbrief.smmc", "--out", report.toString());
		assertEquals(0, written.code(), written.err());
		List<String> rows = Files.readAllLines(report, StandardCharsets.UTF_8);
		assertEquals(members + 1, rows.size());
		assertEquals(members, rows.stream().filter(r -> r.contains(";SENT;")).count());
	}
}
