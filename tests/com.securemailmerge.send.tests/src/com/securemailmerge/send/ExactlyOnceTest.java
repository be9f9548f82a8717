package com.securemailmerge.send;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.securemailmerge.merge.CompiledTemplate;
import com.securemailmerge.merge.MergeInput;
import com.securemailmerge.merge.internal.HandlebarsMergeEngine;
import com.securemailmerge.model.BodyFormat;
import com.securemailmerge.model.Field;
import com.securemailmerge.model.FieldValue;
import com.securemailmerge.model.FieldValues;
import com.securemailmerge.model.MergedMessage;
import com.securemailmerge.model.Recipient;
import com.securemailmerge.model.RecipientKey;
import com.securemailmerge.model.RecipientList;
import com.securemailmerge.model.SourceReference;
import com.securemailmerge.model.Template;

/**
 * The journal and the runner on the outbox transport: every recipient gets exactly one message,
 * also when a crash falls between delivering and recording, when the journal's last line was cut
 * off, and when some deliveries failed and are retried.
 */
@org.eclipse.jdt.annotation.NonNullByDefault({})
class ExactlyOnceTest {

	private static final String[] NAMES = { "E-Mail", "Vorname" };
	private static final UUID CAMPAIGN = UUID.fromString("7f3c0e0a-8d8e-4b0e-9d55-0a7e5d7e4c11");

	@TempDir
	Path folder;

	private CompiledTemplate template;
	private RecipientList list;

	@BeforeEach
	void prepare() {
		List<Recipient> recipients = new ArrayList<>();
		for (int i = 0; i < 500; i++) {
			recipients.add(new Recipient(new RecipientKey("row:" + (i + 2)), FieldValues.of(NAMES,
					new FieldValue[] { FieldValue.text("p" + i + "@example.org"), FieldValue.text(i == 7 ? "" : "P" + i) })));
		}
		list = new RecipientList(new SourceReference("csv", "x.csv"), List.of(Field.text("E-Mail"), Field.text("Vorname")),
				recipients, "E-Mail");
		template = new HandlebarsMergeEngine().compile(new MergeInput(
				Template.of("Hallo {{default Vorname \"Mitglied\"}}", "<p>Hallo {{Vorname}}</p>", BodyFormat.HTML, ""),
				List.of(), List.of("E-Mail", "Vorname"), "E-Mail", Locale.GERMANY)).template();
	}

	private Set<String> outboxFiles() throws IOException {
		try (Stream<Path> files = Files.list(folder.resolve("outbox"))) {
			return files.map(p -> p.getFileName().toString()).collect(Collectors.toSet());
		}
	}

	@Test
	void aCampaignGoesOutOnceAndASecondRunSendsNothing() throws Exception {
		OutboxTransport outbox = new OutboxTransport(folder.resolve("outbox"), "verein@example.org");
		try (Journal journal = Journal.open(folder.resolve("k.journal"))) {
			RunResult first = new CampaignRunner(CAMPAIGN, journal, outbox).run(template, list, new NullProgressMonitor());
			assertEquals(new RunResult(499, 0, 1), first, "row 9 has no first name: not sent, recorded as failed");
			assertEquals(RecipientState.FAILED, journal.state(new RecipientKey("row:9")));
			assertTrue(journal.states().get(new RecipientKey("row:9")).detail().contains("Vorname"));
		}
		assertEquals(499, outboxFiles().size());
		try (Journal journal = Journal.open(folder.resolve("k.journal"))) {
			RunResult second = new CampaignRunner(CAMPAIGN, journal, outbox).run(template, list, new NullProgressMonitor());
			assertEquals(new RunResult(0, 499, 1), second);
		}
		assertEquals(499, outboxFiles().size());
		String eml = Files.readString(folder.resolve("outbox").resolve(outboxFiles().iterator().next()), StandardCharsets.US_ASCII);
		assertTrue(eml.contains("X-Unsent: 1") && eml.contains("@securemailmerge.invalid>"), eml);
	}

	/** Delivers, then "crashes" before the runner can record it, after a given number of messages. */
	@org.eclipse.jdt.annotation.NonNullByDefault
	private static final class CrashingTransport implements Transport {
		private final Transport inner;
		private final int crashAfter;
		private final AtomicInteger delivered;

		CrashingTransport(Transport inner, int crashAfter, AtomicInteger delivered) {
			this.inner = inner;
			this.crashAfter = crashAfter;
			this.delivered = delivered;
		}

		@Override
		public Optional<String> findDelivered(String tag) throws IOException {
			return inner.findDelivered(tag);
		}

		@Override
		public String deliver(MergedMessage message, String tag, java.util.function.Consumer<String> drafted) throws IOException {
			String id = inner.deliver(message, tag, drafted);
			if (delivered.incrementAndGet() == crashAfter) {
				throw new IllegalStateException("crash"); // the process died here: delivered, not recorded
			}
			return id;
		}
	}

	@Test
	void aCrashBetweenDeliveringAndRecordingSendsNobodyTwiceAndSkipsNobody() throws Exception {
		OutboxTransport outbox = new OutboxTransport(folder.resolve("outbox"), null);
		AtomicInteger delivered = new AtomicInteger();
		int[] crashes = { 37, 120, 333 };
		int run = 0;
		for (int crashAt : crashes) {
			try (Journal journal = Journal.open(folder.resolve("k.journal"))) {
				CampaignRunner runner = new CampaignRunner(CAMPAIGN, journal, new CrashingTransport(outbox, crashAt, delivered));
				assertThrows(IllegalStateException.class, () -> runner.run(template, list, new NullProgressMonitor()));
			}
			run++;
			// the journal's last line may be cut off too
			Files.writeString(folder.resolve("k.journal"), "2026-11-28T00:00:00Z\trow:4", StandardOpenOption.APPEND);
		}
		try (Journal journal = Journal.open(folder.resolve("k.journal"))) {
			RunResult last = new CampaignRunner(CAMPAIGN, journal, new CrashingTransport(outbox, -1, delivered))
					.run(template, list, new NullProgressMonitor());
			assertEquals(499, last.sent() + last.alreadySent());
			Map<RecipientKey, JournalEntry> states = journal.states();
			assertEquals(499, states.values().stream().filter(e -> e.state() == RecipientState.SENT).count());
		}
		assertEquals(3, run);
		assertEquals(499, outboxFiles().size(), "every recipient exactly once");
		assertEquals(499, delivered.get(), "no message was delivered twice");
	}

	/** Fails for two recipients as a lost network would. */
	@org.eclipse.jdt.annotation.NonNullByDefault
	private static final class FlakyTransport implements Transport {
		private final Transport inner;

		FlakyTransport(Transport inner) {
			this.inner = inner;
		}

		@Override
		public Optional<String> findDelivered(String tag) throws IOException {
			return inner.findDelivered(tag);
		}

		@Override
		public String deliver(MergedMessage message, String tag, java.util.function.Consumer<String> drafted) throws IOException {
			if (tag.endsWith("row:50") || tag.endsWith("row:60")) {
				throw new IOException("Netzwerk weg");
			}
			return inner.deliver(message, tag, drafted);
		}
	}

	@Test
	void failedDeliveriesAreRetriedAndOnlyThey() throws Exception {
		OutboxTransport outbox = new OutboxTransport(folder.resolve("outbox"), null);
		Transport flaky = new FlakyTransport(outbox);
		try (Journal journal = Journal.open(folder.resolve("k.journal"))) {
			assertEquals(new RunResult(497, 0, 3), new CampaignRunner(CAMPAIGN, journal, flaky).run(template, list,
					new NullProgressMonitor()));
			assertEquals("Netzwerk weg", journal.states().get(new RecipientKey("row:50")).detail());
			assertEquals(new RunResult(2, 497, 1), new CampaignRunner(CAMPAIGN, journal, outbox).run(template, list,
					new NullProgressMonitor()));
		}
		assertEquals(499, outboxFiles().size());
	}

	@Test
	void theReportListsEveryRecipientWithItsStateAndReason() throws Exception {
		OutboxTransport outbox = new OutboxTransport(folder.resolve("outbox"), null);
		RecipientList excluded = list.withIncluded(Set.of(new RecipientKey("row:3")), false);
		Path report = folder.resolve("bericht.csv");
		try (Journal journal = Journal.open(folder.resolve("k.journal"))) {
			new CampaignRunner(CAMPAIGN, journal, new FlakyTransport(outbox)).run(template, excluded, new NullProgressMonitor());
			journal.record(new RecipientKey("row:61"), RecipientState.FAILED, "=HYPERLINK(\"x\";\"y\")");
			Report.write(journal, excluded, report);
		}
		List<String> lines = Files.readAllLines(report, StandardCharsets.UTF_8);
		assertEquals(501, lines.size());
		assertTrue(lines.get(0).startsWith("\uFEFFrecipient;address;state;detail;time"), lines.get(0));
		assertTrue(lines.get(1).startsWith("row:2;p0@example.org;SENT;"), lines.get(1));
		assertTrue(lines.get(2).startsWith("row:3;p1@example.org;SKIPPED;"), lines.get(2));
		assertTrue(lines.get(49).startsWith("row:50;p48@example.org;FAILED;Netzwerk weg;"), lines.get(49));
		assertTrue(lines.get(60).startsWith("row:61;p59@example.org;FAILED;\"'=HYPERLINK(\"\"x\"\";\"\"y\"\")\";"), lines.get(60));
	}

	@Test
	void theJournalKeepsTabsAndLineBreaksInDetailsAndDropsATornLine() throws Exception {
		Path file = folder.resolve("j.journal");
		try (Journal journal = Journal.open(file)) {
			journal.record(new RecipientKey("row:2"), RecipientState.FAILED, "a\tb\nc\\d");
			journal.record(new RecipientKey("row:3"), RecipientState.SENT, "id-3");
		}
		Files.writeString(file, "2026-11-28T00:00:00Z\trow:4\tSE", StandardOpenOption.APPEND);
		try (Journal journal = Journal.open(file)) {
			assertEquals("a\tb\nc\\d", journal.states().get(new RecipientKey("row:2")).detail());
			assertEquals(2, journal.entries().size(), "the torn line never counted");
			journal.record(new RecipientKey("row:4"), RecipientState.SENT, "id-4");
		}
		try (Journal journal = Journal.open(file)) {
			assertEquals(RecipientState.SENT, journal.state(new RecipientKey("row:4")));
			assertEquals(3, journal.entries().size());
		}
	}
}
