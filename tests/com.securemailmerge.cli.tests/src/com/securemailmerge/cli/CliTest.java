package com.securemailmerge.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.securemailmerge.campaign.CampaignFile;
import com.securemailmerge.merge.MergeEngine;
import com.securemailmerge.model.Attachment;
import com.securemailmerge.model.BodyFormat;
import com.securemailmerge.model.Campaign;
import com.securemailmerge.model.CampaignSettings;
import com.securemailmerge.model.RecipientKey;
import com.securemailmerge.model.SourceReference;
import com.securemailmerge.model.Template;
import com.securemailmerge.model.TransportKind;
import com.securemailmerge.recipients.RecipientSourceRegistry;

/**
 * The command line on the real services (the CSV and Excel sources, the merge engine, the journal
 * and the outbox): each command, its exit codes, the JSON it prints, resume without sending anyone
 * twice, and what a hostile or broken campaign does.
 */
@NonNullByDefault({})
final class CliTest {

	private static final Path SAMPLES = Path.of("../../features/com.securemailmerge.feature/rootfiles/common/samples");

	@TempDir
	Path folder;

	private Services services;
	private final ByteArrayOutputStream out = new ByteArrayOutputStream();
	private final ByteArrayOutputStream err = new ByteArrayOutputStream();

	@BeforeEach
	void services() throws Exception {
		services = new Services(OsgiServices.of(RecipientSourceRegistry.class), OsgiServices.of(MergeEngine.class), null, null,
				Files.createDirectories(folder.resolve("state")));
	}


	private int run(String... arguments) {
		out.reset();
		err.reset();
		return new Cli(services, new PrintStream(out, true, StandardCharsets.UTF_8),
				new PrintStream(err, true, StandardCharsets.UTF_8)).run(List.of(arguments));
	}

	private String out() {
		return out.toString(StandardCharsets.UTF_8);
	}

	private String err() {
		return err.toString(StandardCharsets.UTF_8);
	}

	/** A saved campaign (with an id) over a CSV file of these rows (name;email). */
	private Path campaign(String name, List<String> rows, String subject) throws Exception {
		Path csv = folder.resolve(name + ".csv");
		Files.writeString(csv, "Name;E-Mail\n" + String.join("\n", rows) + "\n", StandardCharsets.UTF_8);
		Path file = folder.resolve(name + ".smmc");
		Campaign campaign = new Campaign(UUID.randomUUID(), name, new SourceReference("csv", csv.toString()),
				Template.of(subject, "Hallo {{Name}}", BodyFormat.MARKDOWN, "{{Name}} <{{[E-Mail]}}>"), List.<Attachment>of(),
				TransportKind.OUTBOX, CampaignSettings.defaults(Locale.GERMANY).withEmailField("E-Mail"));
		CampaignFile.save(campaign, file);
		return file;
	}

	private static List<String> members(int count) {
		List<String> rows = new ArrayList<>();
		for (int i = 1; i <= count; i++) {
			rows.add("Mitglied " + i + ";m" + i + "@verein.example");
		}
		return rows;
	}

	private static long emls(Path outbox) throws Exception {
		if (!Files.isDirectory(outbox)) {
			return 0;
		}
		try (Stream<Path> files = Files.list(outbox)) {
			return files.filter(f -> f.getFileName().toString().endsWith(".eml")).count();
		}
	}

	@Test
	void theSampleCampaignValidatesWithItsTwoProblemsNamedByRecipientAndAddress() throws Exception {
		Path samples = Files.createDirectories(folder.resolve("samples"));
		for (String name : List.of("Summer-party.smmc", "Mitglieder.xlsx")) {
			Files.copy(SAMPLES.resolve(name), samples.resolve(name));
		}
		assertEquals(Cli.PROBLEMS, run("validate", samples.resolve("Summer-party.smmc").toString()), err());
		// the workbook's own check of Paul's address and the merge's check of his To: line, Marie's missing first name
		List<String> lines = out().lines().toList();
		assertEquals(4, lines.size(), out());
		String paul = lines.stream().filter(l -> l.contains("row 9")).findFirst().orElseThrow(() -> new AssertionError(out()));
		assertTrue(paul.startsWith("error: row 9 <"), paul);
		assertTrue(lines.stream().anyMatch(l -> l.contains("<marie.becker@example.org>")), out());
		assertTrue(lines.get(0).startsWith("error: row 8 <marie.becker@example.org>: field \"Vorname\": "), lines.get(0));
		assertTrue(lines.get(3).startsWith("3 error(s) for 2 recipient(s), 0 warning(s), 12 recipient(s) included"), lines.get(3));

		assertEquals(Cli.PROBLEMS, run("validate", samples.resolve("Summer-party.smmc").toString(), "--json"), err());
		lines = out().lines().toList();
		assertEquals(4, lines.size(), out());
		for (String line : lines) {
			assertTrue(line.startsWith("{\"type\":\"") && line.endsWith("}"), line);
		}
		assertEquals("{\"type\":\"problem\",\"severity\":\"error\",\"kind\":\"MISSING_VALUE\",\"recipient\":\"marie.becker@example.org\","
				+ "\"key\":\"mail:marie.becker@example.org\",\"row\":8,\"address\":\"marie.becker@example.org\",\"field\":\"Vorname\","
				+ "\"part\":null,\"line\":null,\"column\":null,\"message\":\"\\\"Vorname\\\" is empty for this recipient; give a fallback such as "
				+ "{{default Vorname \\\"\\u2026\\\"}} or fill it in.\"}", lines.get(0));
		assertTrue(lines.get(1).startsWith("{\"type\":\"problem\",\"severity\":\"error\",\"kind\":\"INVALID_ADDRESS\",\"recipient\":\"9\","
				+ "\"key\":\"row:9\",\"row\":9,\"address\":\"paul.hoffmann(at)example.org\","), lines.get(1));
		assertTrue(lines.get(3).startsWith("{\"type\":\"summary\",\"command\":\"validate\",\"campaign\":\""), lines.get(3));
		assertTrue(lines.get(3).contains("\"recipients\":12,\"included\":12,\"checked\":12,\"errors\":3,\"warnings\":0,\"recipientsWithErrors\":2,\"held\":0,\"ok\":false}"), lines.get(3));
	}

	@Test
	void aCleanCampaignValidatesWithExitCodeZero() throws Exception {
		Path file = campaign("Einladung", members(3), "Einladung für {{Name}}");
		assertEquals(Cli.OK, run("validate", file.toString()), err());
		assertEquals(List.of("No errors: 3 recipient(s) can be sent to (0 warning(s))."), out().lines().toList());
	}

	@Test
	void aTemplateErrorIsNamedWithItsPartLineAndColumn() throws Exception {
		Path file = campaign("Kaputt", members(2), "Hallo {{#if Name}}");
		assertEquals(Cli.PROBLEMS, run("validate", file.toString(), "--json"), err());
		String problem = out().lines().findFirst().orElseThrow();
		assertTrue(problem.contains("\"kind\":\"TEMPLATE_SYNTAX\"") && problem.contains("\"part\":\"subject\"")
				&& problem.contains("\"line\":1,\"column\":"), problem);
	}

	@Test
	void sendWritesEveryMessageOnceAndASecondSendResumesWithoutSendingAnyoneTwice() throws Exception {
		Path file = campaign("Rundbrief", members(5), "Rundbrief");
		Path outbox = folder.resolve("Rundbrief-outbox");
		assertEquals(Cli.OK, run("send", file.toString(), "--outbox"), err());
		assertEquals(5, emls(outbox));
		assertTrue(err().contains("5 message(s) go out through the outbox folder " + outbox), err());
		assertTrue(err().contains("[5/5] sent: m"), err());
		assertEquals("5 sent, 0 already sent before, 0 failed, 0 waiting, 0 unconfirmed.", out().lines().reduce((a, b) -> b).orElseThrow());

		// the list grew: the second send sends the two new ones only
		Files.writeString(folder.resolve("Rundbrief.csv"), "Name;E-Mail\n" + String.join("\n", members(7)) + "\n");
		assertEquals(Cli.OK, run("send", file.toString(), "--json"), err());
		assertEquals(7, emls(outbox));
		String summary = out().lines().reduce((a, b) -> b).orElseThrow();
		assertTrue(summary.contains("\"sent\":2,\"alreadySent\":5,\"failed\":0,\"deferred\":0,\"unconfirmed\":0"), summary);
		assertTrue(summary.endsWith("\"ok\":true}"), summary);

		assertEquals(Cli.OK, run("send", file.toString()), err());
		assertEquals(7, emls(outbox));
		assertTrue(out().contains("0 sent, 7 already sent before"), out());
	}

	@Test
	void sendRefusesACampaignWithErrorsAndSendsNobody() throws Exception {
		Path file = campaign("Fehler", List.of("Anna;anna@verein.example", "Paul;paul(at)verein"), "Hallo");
		assertEquals(Cli.PROBLEMS, run("send", file.toString(), "--outbox"), err());
		assertEquals(0, emls(folder.resolve("Fehler-outbox")));
		assertTrue(out().contains("<paul(at)verein>"), out());
		assertTrue(err().contains("Nothing was sent"), err());
	}

	@Test
	void aSampleWithoutIdAndACopiedCampaignFileAreNotSent() throws Exception {
		Path samples = Files.createDirectories(folder.resolve("samples"));
		for (String name : List.of("Summer-party.smmc", "Mitglieder.xlsx")) {
			Files.copy(SAMPLES.resolve(name), samples.resolve(name));
		}
		assertEquals(Cli.USAGE, run("send", samples.resolve("Summer-party.smmc").toString(), "--outbox"));
		assertTrue(err().contains("no id yet"), err());

		Path file = campaign("Original", members(2), "Hallo");
		assertEquals(Cli.OK, run("send", file.toString()), err());
		Path copy = Files.createDirectories(folder.resolve("elsewhere")).resolve("Original.smmc");
		Files.copy(file, copy);
		Files.copy(folder.resolve("Original.csv"), copy.resolveSibling("Original.csv"));
		assertEquals(Cli.USAGE, run("send", copy.toString()), err());
		assertTrue(err().contains("holds the same campaign: " + file), err());
		assertEquals(0, emls(copy.resolveSibling("Original-outbox")));
	}

	@Test
	void reportWritesTheCsvTheWorkbenchExports() throws Exception {
		Path file = campaign("Bericht", members(3), "Hallo");
		Campaign excluding = CampaignFile.load(file);
		CampaignFile.save(excluding.withSettings(excluding.settings().withExcluded(Set.of(new RecipientKey("mail:m3@verein.example")))), file);
		assertEquals(Cli.OK, run("send", file.toString()), err());
		Path report = folder.resolve("report.csv");
		assertEquals(Cli.OK, run("report", file.toString(), "--out", report.toString(), "--json"), err());
		List<String> rows = Files.readAllLines(report, StandardCharsets.UTF_8);
		assertEquals(4, rows.size(), rows.toString());
		assertTrue(rows.get(1).contains(";m1@verein.example;SENT;"), rows.get(1));
		assertTrue(rows.get(3).contains(";m3@verein.example;SKIPPED;"), rows.get(3));
		assertTrue(out().contains("\"included\":2,\"sent\":2}"), out());
	}

	@Test
	void usageAndFileErrorsExitWithTwo() throws Exception {
		assertEquals(Cli.USAGE, run());
		assertTrue(err().contains("Usage:"), err());
		assertEquals(Cli.USAGE, run("publish", "x.smmc"));
		assertTrue(err().startsWith("Unknown command \"publish\"."), err());
		assertEquals(Cli.USAGE, run("validate"));
		assertEquals(Cli.USAGE, run("validate", "a.smmc", "b.smmc"));
		assertEquals(Cli.USAGE, run("validate", "a.smmc", "--outbox"));
		assertEquals(Cli.USAGE, run("send", "a.smmc", "--outbox", "--m365"));
		assertEquals(Cli.USAGE, run("report", "a.smmc"));
		assertEquals(Cli.USAGE, run("report", "a.smmc", "--out"));
		assertEquals(Cli.OK, run("--help"));
		assertTrue(out().contains("validate  checks every recipient"), out());

		assertEquals(Cli.USAGE, run("validate", folder.resolve("missing.smmc").toString(), "--json"));
		assertTrue(out().startsWith("{\"type\":\"error\",\"message\":\""), out());
		Path broken = folder.resolve("broken.smmc");
		Files.writeString(broken, "<campaign xmlns=\"urn:securemailmerge:campaign:1\"><source");
		assertEquals(Cli.USAGE, run("validate", broken.toString()));
		Path hostile = folder.resolve("hostile.smmc");
		Files.writeString(hostile, "<?xml version=\"1.0\"?><!DOCTYPE c [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
				+ "<campaign xmlns=\"urn:securemailmerge:campaign:1\" name=\"&x;\"/>");
		assertEquals(Cli.USAGE, run("validate", hostile.toString()));
		assertFalse(err().contains("root:"), err());

		Path file = campaign("Ohne", members(1), "Hallo");
		Files.delete(folder.resolve("Ohne.csv"));
		assertEquals(Cli.USAGE, run("send", file.toString()));
		assertTrue(err().startsWith("The campaign's recipients file is missing: "), err());
		Campaign other = CampaignFile.load(file).withSource(new SourceReference("nosuchsource", "x"));
		CampaignFile.save(other, file);
		assertEquals(Cli.USAGE, run("validate", file.toString()));
		assertTrue(err().contains("\"nosuchsource\", which is not installed"), err());
		CampaignFile.save(other.withSource(SourceReference.account("outlook", "me")), file);
		assertEquals(Cli.USAGE, run("validate", file.toString()));
	}

	@Test
	void aHostileFieldValueStaysOnItsLineAndTheJsonStaysValid() throws Exception {
		Path csv = folder.resolve("Feind.csv");
		Files.writeString(csv, "Name;E-Mail\nEve;\"eve\nerror: row 1 <fake>\u2028@x\"\n", StandardCharsets.UTF_8);
		Path file = folder.resolve("Feind.smmc");
		CampaignFile.save(new Campaign(UUID.randomUUID(), "Feind", new SourceReference("csv", csv.toString()),
				Template.of("Hallo", "Hallo {{Name}}", BodyFormat.MARKDOWN, "{{[E-Mail]}}"), List.of(), TransportKind.OUTBOX,
				CampaignSettings.defaults(Locale.GERMANY).withEmailField("E-Mail")), file);
		// the source's check of the address and the merge's check of the To: line, each on one line, and the summary
		assertEquals(Cli.PROBLEMS, run("validate", file.toString()), err());
		assertEquals(3, out().lines().count(), out());
		assertTrue(out().startsWith("error: row 2 <eve error: row 1 <fake> @x>: "), out());
		assertEquals(Cli.PROBLEMS, run("validate", file.toString(), "--json"), err());
		assertEquals(3, out().lines().count(), out());
		assertTrue(out().contains("\"address\":\"eve\\nerror: row 1 <fake>\\u2028@x\""), out());
		assertEquals("a [2Jb c d e", Output.oneLine("a\u001b[2Jb\u202ec\u2066d\re"));
		assertEquals("{\"a\":\"q\\\"b\\\\c\\n\\u0001\\ud800x\\u00e4\\ud83d\\udce7\",\"n\":null,\"i\":3,\"b\":true}",
				Output.object(new java.util.LinkedHashMap<>(Map.of()) {
					private static final long serialVersionUID = 1L;
					{
						put("a", "q\"b\\c\n\u0001\ud800x\u00e4\ud83d\udce7");
						put("n", null);
						put("i", 3);
						put("b", true);
					}
				}));
	}

	@Test
	void everyMessageHasItsGermanText() throws Exception {
		java.util.Properties english = new java.util.Properties();
		java.util.Properties german = new java.util.Properties();
		try (var in = Messages.class.getResourceAsStream("messages.properties");
				var de = Messages.class.getResourceAsStream("messages_de.properties")) {
			english.load(in);
			german.load(de);
		}
		assertEquals(english.keySet(), german.keySet());
		for (java.lang.reflect.Field field : Messages.class.getFields()) {
			assertTrue(english.containsKey(field.getName()), field.getName());
			assertFalse(german.getProperty(field.getName()).equals(english.getProperty(field.getName()))
					&& !field.getName().equals("Send_step"), field.getName());
		}
	}

	/** A mailbox whose day's allowance is two recipients: the rest waits, exit code 3, and the job does not run again by itself. */
	@Test
	void whatTheDaysAllowanceLeavesWaitsForTheNextSendWithExitCodeThree() throws Exception {
		Path mailbox = folder.resolve("mailbox");
		services = new Services(services.sources(), services.engine(), new com.securemailmerge.send.TransportProvider() {
			@Override
			public java.lang.@org.eclipse.jdt.annotation.NonNull String label() {
				return "Test mailbox (anna@verein.example)";
			}

			@Override
			public boolean isReady() {
				return true;
			}

			@Override
			public com.securemailmerge.send.@org.eclipse.jdt.annotation.NonNull OpenTransport open(
					@org.eclipse.jdt.annotation.NonNull Purpose purpose,
					org.eclipse.core.runtime.@org.eclipse.jdt.annotation.NonNull IProgressMonitor monitor) {
				return new com.securemailmerge.send.OpenTransport(new com.securemailmerge.send.OutboxTransport(mailbox, null),
						"anna@verein.example", 0, new com.securemailmerge.send.Pacing(6000, 2, 4));
			}
		}, prompt -> {
		}, services.workbenchState());
		Path file = campaign("Kontingent", members(5), "Hallo");
		assertEquals(Cli.OK, run("send", file.toString(), "--outbox"), err());
		assertEquals(SendCommand.LATER, run("send", file.toString(), "--m365", "--json"), err());
		assertTrue(err().contains("5 recipient(s) already got this campaign the way the campaign file names"), err());
		String summary = out().lines().reduce((a, b) -> b).orElseThrow();
		assertTrue(summary.contains("\"sent\":2,\"alreadySent\":0,\"failed\":0,\"deferred\":3,\"unconfirmed\":0,\"resumeAt\":\""), summary);
		assertTrue(err().contains("the rest can go out from "), err());
		assertEquals(0, org.eclipse.core.runtime.jobs.Job.getJobManager().find(com.securemailmerge.send.CampaignJob.FAMILY).length,
				"no job waits to send the rest by itself");
		assertEquals(2, emls(mailbox));
		assertEquals(SendCommand.LATER, run("send", file.toString(), "--m365"), err());
		assertTrue(out().contains("0 sent, 2 already sent before, 0 failed, 3 waiting"), out());
		assertEquals(2, emls(mailbox));
		Path report = folder.resolve("m365.csv");
		assertEquals(Cli.OK, run("report", file.toString(), "--m365", "--out", report.toString(), "--json"), err());
		assertTrue(out().contains("\"sent\":2"), out());
	}

	@Test
	void aReportNeverReplacesTheCampaignItsListOrAnotherDocument() throws Exception {
		Path file = campaign("Schutz", members(2), "Hallo");
		Path list = folder.resolve("Schutz.csv");
		String before = Files.readString(list);
		assertEquals(Cli.USAGE, run("report", file.toString(), "--out", list.toString()));
		assertTrue(err().contains("is the campaign, its recipients or its journal"), err());
		assertEquals(before, Files.readString(list));
		assertEquals(Cli.USAGE, run("report", file.toString(), "--out", file.toString()));
		Path letter = Files.writeString(folder.resolve("Brief.docx"), "wichtig");
		assertEquals(Cli.USAGE, run("report", file.toString(), "--out", letter.toString()));
		assertEquals("wichtig", Files.readString(letter));
		Path old = Files.writeString(folder.resolve("alt.csv"), "x");
		assertEquals(Cli.OK, run("report", file.toString(), "--out", old.toString()), err());
		assertTrue(Files.readString(old).contains("recipient;address;state"));
	}

	@Test
	void aSendWithErrorsEndsWithTheSendsSummaryAndUsageErrorsSpeakJson() throws Exception {
		Path file = campaign("Fehler2", List.of("Paul;paul(at)verein"), "Hallo");
		assertEquals(Cli.PROBLEMS, run("send", file.toString(), "--json"));
		List<String> lines = out().lines().toList();
		assertTrue(lines.stream().noneMatch(l -> l.contains("\"command\":\"validate\"")), out());
		assertTrue(lines.get(lines.size() - 1).contains("\"command\":\"send\"") && lines.get(lines.size() - 1).contains("\"errors\":2")
				&& lines.get(lines.size() - 1).endsWith("\"sent\":0,\"ok\":false}"), out());
		assertEquals(Cli.USAGE, run("validate", "--json"));
		assertEquals("{\"type\":\"error\",\"message\":\"Name the campaign file (.smmc).\"}", out().strip());
	}

	/** Through a link the campaign is the file it leads to: its journal, so nobody gets it twice. */
	@Test
	void aCampaignOpenedThroughALinkHasTheJournalOfItsFile() throws Exception {
		Path file = campaign("Echt", members(3), "Hallo");
		assertEquals(Cli.OK, run("send", file.toString()), err());
		Path link = Files.createSymbolicLink(Files.createDirectories(folder.resolve("links")).resolve("Verweis.smmc"), file);
		assertEquals(Cli.OK, run("send", link.toString()), err());
		assertTrue(out().contains("0 sent, 3 already sent before"), out());
		assertEquals(3, emls(folder.resolve("Echt-outbox")));
	}

	@Test
	void aFileOrFieldNameCannotDriveTheTerminal() throws Exception {
		Path csv = folder.resolve("Terminal.csv");
		Files.writeString(csv, "Name;\u001b[2JVorname\u202e;E-Mail\nEve;;eve(at)x\n", StandardCharsets.UTF_8);
		Path file = folder.resolve("Terminal.smmc");
		CampaignFile.save(new Campaign(UUID.randomUUID(), "T", new SourceReference("csv", csv.toString()),
				Template.of("Hallo {{[\u001b[2JVorname\u202e]}}", "Hallo {{Name}}", BodyFormat.MARKDOWN, "{{[E-Mail]}}"), List.of(),
				TransportKind.OUTBOX, CampaignSettings.defaults(Locale.GERMANY).withEmailField("E-Mail")), file);
		assertEquals(Cli.PROBLEMS, run("validate", file.toString()), err());
		assertTrue(out().contains("[2JVorname "), "the field is named: " + out());
		assertFalse(out().contains("\u001b") || out().contains("\u202e"), out());
		Files.delete(csv);
		Files.createDirectories(folder.resolve("x\u001b[31mrot"));
		CampaignFile.save(CampaignFile.load(file).withSource(new SourceReference("csv", folder.resolve("x\u001b[31mrot/fehlt.csv").toString())), file);
		assertEquals(Cli.USAGE, run("validate", file.toString()));
		assertFalse(err().contains("\u001b"), err());
	}
}
