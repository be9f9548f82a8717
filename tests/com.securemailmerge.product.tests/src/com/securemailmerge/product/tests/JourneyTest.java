package com.securemailmerge.product.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.securemailmerge.emulator.EmulatedMessage;
import com.securemailmerge.emulator.Emulator;
import com.securemailmerge.emulator.Grant;
import com.securemailmerge.emulator.Mailbox;

/**
 * The user's journey on the built product in German (see the driver's JourneyScript), on a
 * campaign folder with the sample workbook and attachments, and the local Microsoft 365 emulator
 * preset as the product's tenant. Afterwards: the outbox holds one message per included member
 * with both attachments and the test mail; the emulator's mailbox sent each of them exactly once
 * in spite of the cancel; the report names everybody; the licence endpoint got only the address;
 * no token and no message text is left on disk outside the campaign folder.
 */
final class JourneyTest {

	private static final Mailbox ANNA = Mailbox.of("anna@verein.example", "Anna Weber");
	/** Surname and address of each member of the sample workbook, Paul's invalid address aside. */
	private static final Map<String, String> MEMBERS = members("Weber anna.weber@example.org", "Müller joerg.mueller@example.org",
			"Martin sophie.martin@example.com", "Schneider lukas.schneider@example.org", "Fischer emma.fischer@example.org",
			"Okafor david.okafor@example.com", "Becker marie.becker@example.org", "Wagner clara.wagner@example.org",
			"Richter tom.richter@example.org", "Klein laura.klein@example.com", "Wolf felix.wolf@example.org");

	@TempDir
	Path work;

	private Emulator emulator;

	@BeforeEach
	void emulator() throws Exception {
		emulator = Emulator.start();
		emulator.addMailbox(ANNA);
		emulator.approveDeviceCodesAutomatically(ANNA);
		emulator.signInInteractivelyAs(ANNA);
	}

	@AfterEach
	void close() {
		emulator.close();
	}

	@Test
	void importToReportOfflineAndThroughMicrosoft365() throws Exception {
		ProductRun run = ProductRun.of("journey", "com.securemailmerge.product", "com.securemailmerge.product", work);
		Path campaign = Files.createDirectories(work.resolve("Sommerfest"));
		Files.copy(run.product().resolve("samples/Mitglieder.xlsx"), campaign.resolve("Mitglieder.xlsx"));
		byte[] programme = pdf("Programm des Sommerfests", 40_000);
		Files.write(campaign.resolve("Programm.pdf"), programme);
		Map<String, byte[]> letters = new HashMap<>();
		Files.createDirectories(campaign.resolve("briefe"));
		for (String surname : List.of("Weber", "Müller", "Martin", "Schneider", "Fischer", "Okafor", "Becker", "Hoffmann",
				"Wagner", "Richter", "Klein", "Wolf")) {
			letters.put(surname, pdf("Brief an " + surname, 3_000));
			Files.write(campaign.resolve("briefe").resolve(surname + ".pdf"), letters.get(surname));
		}
		Path customization = work.resolve("plugin_customization.ini");
		Path certificate = emulator.writeCertificate(work.resolve("emulator.pem"));
		Files.writeString(customization, String.join("\n",
				"com.securemailmerge.m365/clientId=3f0c2b7e-1d2a-4c5b-8e9f-0a1b2c3d4e5f",
				"com.securemailmerge.m365/authority=" + emulator.authority(),
				"com.securemailmerge.m365/graphBase=" + emulator.graphBase(),
				"com.securemailmerge.m365/loopbackCertificate=" + certificate,
				"com.securemailmerge.licence/endpoint=" + emulator.licenceEndpoint(), ""), StandardCharsets.ISO_8859_1);
		run.traceConnections().property("smm.driver.campaign", campaign.toString()).argument("-nl", "de", "-pluginCustomization",
				customization.toString());

		int exit;
		try {
			exit = run.run("journey", 900);
		} finally {
			ProductRun.exec(work, "cp", "-a", campaign.toString(), run.out().resolve("campaign").toString());
		}

		Map<String, String> steps = run.assertSteps(exit, "started", "workbook-imported", "category-ticked", "template-edited",
				"problem-fixed", "preview-follows", "preview-connects-nowhere", "attachments", "test-mail", "outbox-campaign", "signed-in",
				"m365-cancelled", "m365-resumed", "report");
		String report = run.report();
		assertTrue(steps.get("signed-in").contains("anna@verein.example"), report);

		// the outbox: one message per included member, both attachments, and the test mail
		List<Path> emls = list(campaign.resolve("Sommerfest-outbox"));
		assertEquals(11, emls.size(), report);
		Map<String, String> byAddress = new TreeMap<>();
		for (Path eml : emls) {
			String text = Files.readString(eml, StandardCharsets.ISO_8859_1);
			String to = header(text, "To");
			String address = MEMBERS.values().stream().filter(to::contains).findFirst()
					.orElseThrow(() -> new AssertionError("unexpected recipient " + to + " in " + eml));
			assertTrue(byAddress.put(address, eml.getFileName().toString()) == null, "twice: " + address);
			assertTrue(text.contains("filename=Programm.pdf") || text.contains("filename=\"Programm.pdf\""), eml + " has the programme");
			String surname = surname(address);
			assertTrue(text.contains(ascii(surname) + ".pdf"), eml + " has the letter of " + surname);
		}
		assertEquals(Set.copyOf(MEMBERS.values()), byAddress.keySet());
		List<Path> tests = list(campaign.resolve("Sommerfest-outbox/test"));
		assertEquals(1, tests.size(), tests::toString);
		assertTrue(header(Files.readString(tests.get(0), StandardCharsets.ISO_8859_1), "Subject").contains("[Test]"));

		// Microsoft 365: each member exactly once, with the programme and the own letter, from Anna's mailbox
		List<EmulatedMessage> sent = emulator.sentItems(ANNA);
		Map<String, Integer> times = new TreeMap<>();
		for (EmulatedMessage message : sent) {
			List<String> to = message.recipients("toRecipients");
			assertEquals(1, to.size(), message.subject());
			times.merge(to.get(0), 1, Integer::sum);
			String surname = surname(to.get(0));
			assertTrue(message.subject().startsWith("Einladung zum Sommerfest, "), message.subject());
			Map<String, byte[]> attached = message.attachments().stream()
					.collect(Collectors.toMap(EmulatedMessage.Attachment::name, EmulatedMessage.Attachment::content));
			assertEquals(Set.of("Programm.pdf", surname + ".pdf"), attached.keySet(), message.subject());
			assertTrue(Arrays.equals(programme, attached.get("Programm.pdf")));
			assertTrue(Arrays.equals(letters.get(surname), attached.get(surname + ".pdf")));
		}
		Map<String, Integer> once = new TreeMap<>();
		MEMBERS.values().forEach(address -> once.put(address, 1));
		assertEquals(once, times, "everybody exactly once through Microsoft 365\n" + report);
		assertTrue(emulator.drafts(ANNA).isEmpty(), "no draft left behind");

		// the report: everybody sent, Paul skipped
		String csv = Files.readString(campaign.resolve("Sommerfest-bericht.csv"), StandardCharsets.UTF_8);
		for (String address : MEMBERS.values()) {
			assertTrue(csv.contains(";" + address + ";SENT"), address + " in\n" + csv);
		}
		assertTrue(csv.contains("paul.hoffmann(at)example.org;SKIPPED"), csv);

		// privacy: the licence endpoint got the primary address and nothing else; nothing on disk
		List<String> licence = emulator.licenceRequests();
		assertFalse(licence.isEmpty(), "the licence was checked when the campaign was sent");
		for (String body : licence) {
			assertEquals("anna@verein.example", body.strip(), "the licence request body");
		}
		// every connect() of the product and of all it started, the browser's processes among them,
		// through the whole journey (a preview of a template with remote pictures, a stylesheet and a
		// font included): to this computer only
		ConnectTrace trace = run.connections();
		assertEquals(List.of(), trace.outside(), "connections that left this computer");
		int graph = java.net.URI.create(emulator.graphBase()).getPort();
		assertTrue(trace.connections().stream().anyMatch(c -> c.port() == graph),
				"the record holds the product's own connections to the emulator: " + trace.connections().size());
		Set<Integer> emulatorPorts = new java.util.HashSet<>(List.of(graph, java.net.URI.create(emulator.authority()).getPort(),
				java.net.URI.create(emulator.licenceEndpoint()).getPort()));
		assertEquals(List.of(), trace.connections().stream()
				.filter(c -> c.family().startsWith("AF_INET") && !c.bound() && !emulatorPorts.contains(c.port())).toList(),
				"on loopback too, only the emulator (a local proxy or resolver would carry the rest further)");
		assertTrue(trace.programs().stream().anyMatch(p -> p.endsWith("/WebKitNetworkProcess"))
				&& trace.programs().stream().anyMatch(p -> p.endsWith("/WebKitWebProcess")),
				"the browser's web and network processes were under the record: " + trace.programs());

		// nothing personal on standard output or error (the driver writes its steps to a file of its own)
		String output = Files.readAllLines(run.out().resolve("product-output.log"), StandardCharsets.UTF_8).stream()
				.filter(line -> !line.startsWith("Picked up JAVA_TOOL_OPTIONS:")) // the test's own options, echoed by Java
				.collect(Collectors.joining("\n"));
		for (String secret : personal(campaign)) {
			assertFalse(output.contains(secret), "the product's output names " + secret);
		}

		List<String> secrets = new ArrayList<>(personal(campaign));
		secrets.remove(campaign.toString()); // the workbench remembers the last campaign's folder, to open it again
		emulator.issuedTokens().stream().map(Grant::token).forEach(secrets::add);
		secrets.add("Programm des Sommerfests");
		secrets.add("unser Verein feiert am");
		assertNothingOnDisk(secrets, campaign, work.resolve("data"), work.resolve("home"), run.product().resolve("configuration"));
	}

	/** What the product must not write outside the campaign folder: addresses, subject, the folder's path. */
	private static List<String> personal(Path campaign) {
		List<String> personal = new ArrayList<>(MEMBERS.values());
		personal.add("paul.hoffmann(at)example.org");
		personal.add("Einladung zum Sommerfest");
		personal.add(campaign.toString());
		return personal;
	}

	/** None of the secrets in any file below the folders (the campaign folder is the user's). */
	private static void assertNothingOnDisk(List<String> secrets, Path campaign, Path... folders) throws Exception {
		for (Path folder : folders) {
			if (!Files.isDirectory(folder)) {
				continue;
			}
			try (Stream<Path> files = Files.walk(folder)) {
				for (Path file : files.filter(Files::isRegularFile).filter(f -> !f.startsWith(campaign)).toList()) {
					String content = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
					String utf8 = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
					for (String secret : secrets) {
						assertFalse(content.contains(secret) || utf8.contains(secret),
								file + " holds " + secret.substring(0, Math.min(12, secret.length())) + "...");
					}
				}
			}
		}
	}

	private static String surname(String address) {
		return MEMBERS.entrySet().stream().filter(e -> e.getValue().equals(address)).map(Map.Entry::getKey).findFirst()
				.orElseThrow(() -> new AssertionError("not a member: " + address));
	}

	/** What an ASCII message shows of a file name: "Müller" is an encoded word (RFC 2047, as Outlook reads it). */
	private static String ascii(String surname) {
		return surname.equals("Müller") ? "=?UTF-8?Q?M=C3=BCller" : surname;
	}

	private static String header(String message, String name) {
		StringBuilder value = new StringBuilder();
		boolean in = false;
		for (String line : message.split("\r\n")) {
			if (line.isEmpty()) {
				break;
			}
			if (in && (line.startsWith(" ") || line.startsWith("\t"))) {
				value.append(line);
			} else {
				in = line.regionMatches(true, 0, name + ":", 0, name.length() + 1);
				if (in) {
					value.append(line.substring(name.length() + 1).trim());
				}
			}
		}
		return value.toString();
	}

	private static List<Path> list(Path folder) throws Exception {
		try (Stream<Path> files = Files.list(folder)) {
			return files.filter(f -> f.toString().endsWith(".eml")).sorted().toList();
		}
	}

	private static byte[] pdf(String title, int size) {
		byte[] bytes = new byte[size];
		byte[] head = ("%PDF-1.4\n% " + title + "\n").getBytes(StandardCharsets.UTF_8);
		for (int i = 0; i < size; i++) {
			bytes[i] = i < head.length ? head[i] : (byte) ('a' + i % 23);
		}
		return bytes;
	}

	private static Map<String, String> members(String... pairs) {
		Map<String, String> members = new java.util.LinkedHashMap<>();
		for (String pair : pairs) {
			String[] parts = pair.split(" ");
			members.put(parts[0], parts[1]);
		}
		return members;
	}
}
