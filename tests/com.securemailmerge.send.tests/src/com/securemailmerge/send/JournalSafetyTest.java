package com.securemailmerge.send;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
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
import com.securemailmerge.model.Recipient;
import com.securemailmerge.model.RecipientIdentity;
import com.securemailmerge.model.RecipientKey;
import com.securemailmerge.model.RecipientList;
import com.securemailmerge.model.SourceReference;
import com.securemailmerge.model.Template;

/**
 * A journal that cannot be broken: one sender at a time, torn tails and garbage lines, a full disk,
 * journals of the first format; and recipients who stay themselves when the workbook is sorted.
 */
@org.eclipse.jdt.annotation.NonNullByDefault({})
class JournalSafetyTest {

	private static final UUID CAMPAIGN = UUID.fromString("5d1e0c2b-7a39-4f60-8e21-9b0c3d4e5f61");
	private static final String[] NAMES = { "E-Mail", "Name", "Anhang" };

	@TempDir
	Path folder;

	private CompiledTemplate template;

	@BeforeEach
	void prepare() {
		template = new HandlebarsMergeEngine().compile(new MergeInput(Template.of("Hallo {{Name}}",
				"<p>Hallo {{Name}}</p><p>{{Anhang}}</p>", BodyFormat.HTML, ""), List.of(), List.of(NAMES), "E-Mail",
				Locale.GERMANY)).template();
	}

	/** Rows as a file source reads them, keyed by address as the list builder keys them. */
	private static RecipientList rows(List<String> people, String padding) {
		List<Recipient> recipients = new ArrayList<>();
		for (int i = 0; i < people.size(); i++) {
			String name = people.get(i);
			recipients.add(new Recipient(new RecipientKey("row:" + (i + 2)), FieldValues.of(NAMES, new FieldValue[] {
					FieldValue.text(name.toLowerCase(Locale.ROOT) + "@example.org"), FieldValue.text(name),
					FieldValue.text(padding) }), java.util.Set.of(), true, i + 2));
		}
		return new RecipientList(new SourceReference("csv", "x.csv"),
				List.of(Field.text("E-Mail"), Field.text("Name"), Field.text("Anhang")),
				RecipientIdentity.keyed(recipients, "E-Mail").recipients(), "E-Mail");
	}

	private static List<String> people(int count) {
		List<String> names = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			names.add(String.format(Locale.ROOT, "P%03d", i));
		}
		return names;
	}

	/** How many .eml files of the outbox are addressed to each address. */
	private static Map<String, Integer> addressees(Path outbox) throws IOException {
		Map<String, Integer> times = new HashMap<>();
		if (!Files.isDirectory(outbox)) {
			return times;
		}
		try (Stream<Path> files = Files.list(outbox)) {
			for (Path eml : files.filter(f -> f.toString().endsWith(".eml")).toList()) {
				String text = Files.readString(eml, StandardCharsets.ISO_8859_1);
				int to = text.indexOf("\nTo: ");
				String line = text.substring(to + 5, text.indexOf('\n', to + 5)).strip();
				times.merge(line.toLowerCase(Locale.ROOT), 1, Integer::sum);
			}
		}
		return times;
	}

	@Test
	void aSecondSenderIsRefusedWithAMessageAndWritesNothing() throws Exception {
		Path file = folder.resolve("l.journal");
		try (Journal first = Journal.open(file)) {
			first.record(new RecipientKey("mail:a@example.org"), RecipientState.SENT, "id-a");
			long size = Files.size(file);
			SendingStopped refused = assertThrows(SendingStopped.class, () -> Journal.open(file));
			assertTrue(refused.getMessage().contains("being sent already") || refused.getMessage().contains("schon gesendet"),
					refused.getMessage());
			assertTrue(refused.getMessage().contains(String.valueOf(ProcessHandle.current().pid())), refused.getMessage());
			assertEquals(size, Files.size(file), "the refused sender wrote nothing");
			first.record(new RecipientKey("mail:b@example.org"), RecipientState.SENT, "id-b");
		}
		try (Journal again = Journal.open(file)) {
			assertEquals(2, again.states().size(), "no record lost");
		}
	}

	@Test
	void aLockLeftByAnotherComputerCountsUntilItIsStale() throws Exception {
		Path file = folder.resolve("s.journal");
		Files.writeString(JournalLock.file(file), "laptop-im-buero\t4711\t" + java.time.Instant.now() + "\n");
		SendingStopped refused = assertThrows(SendingStopped.class, () -> Journal.open(file));
		assertTrue(refused.getMessage().contains("laptop-im-buero"), refused.getMessage());
		Files.writeString(JournalLock.file(file), "laptop-im-buero\t4711\t"
				+ java.time.Instant.now().minus(JournalLock.STALE).minusSeconds(5) + "\n");
		try (Journal taken = Journal.open(file)) {
			assertEquals(0, taken.states().size());
		}
	}

	@Test
	void aTornTailAndAGarbageLineAreReportedAndEveryOtherRecordIsKept() throws Exception {
		Path file = folder.resolve("t.journal");
		Files.writeString(file, "# SecureMailMerge journal 2\n"
				+ "2026-12-01T10:00:00Z\tmail:a@example.org\tSENT\tid-a\t1\n"
				+ "\u0000\u0000garbage from a synced conflict\n"
				+ "2026-12-01T10:00:01Z\tmail:b@example.org\tSENT\tid-b\t1\n"
				+ "2026-12-01T10:00:02Z\tmail:c@example.org\tPLAN", StandardCharsets.UTF_8);
		try (Journal journal = Journal.open(file)) {
			assertEquals(List.of(3), journal.unreadable());
			assertEquals(RecipientState.SENT, journal.state(new RecipientKey("mail:a@example.org")));
			assertEquals(RecipientState.SENT, journal.state(new RecipientKey("mail:b@example.org")));
			assertFalse(journal.states().containsKey(new RecipientKey("mail:c@example.org")), "the torn line never counted");
			journal.record(new RecipientKey("mail:c@example.org"), RecipientState.SENT, "id-c", 1);
		}
		Journal.Contents contents = Journal.contents(file);
		assertEquals(3, contents.entries().size(), "the record after the torn tail is a line of its own");
		assertEquals(List.of(3), contents.unreadable());
	}

	@Test
	void aJournalOfTheFirstFormatIsMigratedAndItsOldTagsAreStillLookedUp() throws Exception {
		List<String> people = people(5);
		RecipientList list = rows(people, "x");
		Path outbox = folder.resolve("outbox");
		OutboxTransport transport = new OutboxTransport(outbox, null);
		// the first format: row keys; row 3 was delivered under its old tag, then a crash before SENT
		String oldTag = CAMPAIGN + "/row:3";
		transport.deliver(java.util.Objects.requireNonNull(template.render(list.recipients().get(1)).message()), oldTag, d -> { });
		Path file = folder.resolve("m.journal");
		Files.writeString(file, "# SecureMailMerge journal 1\n"
				+ "2026-11-20T10:00:00Z\trow:2\tSENT\tfile-2.eml\t1\n"
				+ "2026-11-20T10:00:01Z\trow:3\tPLANNED\t" + oldTag + "\n"
				+ "2026-11-20T10:00:02Z\trow:99\tFAILED\tgone\n");
		// row 2's message, also under its old tag
		transport.deliver(java.util.Objects.requireNonNull(template.render(list.recipients().get(0)).message()), CAMPAIGN + "/row:2", d -> { });
		try (Journal journal = Journal.open(file, list)) {
			assertNotNull(journal.migration());
			assertEquals(2, journal.migration().matched());
			assertEquals(java.util.Set.of(99), journal.migration().unmatched());
			assertEquals(RecipientState.SENT, journal.state(new RecipientKey("mail:p000@example.org")));
			assertEquals(RecipientState.FAILED, journal.state(new RecipientKey("row:99")), "kept, not dropped");
			RunResult result = new CampaignRunner(CAMPAIGN, journal, transport).run(template, list, new NullProgressMonitor());
			assertEquals(3, result.sent(), result.toString());
			assertEquals(2, result.alreadySent(), "row 2 by the journal, row 3 by its old tag");
		}
		assertTrue(Files.exists(folder.resolve("m.journal.format1")), "the first-format journal is kept beside");
		addressees(outbox).forEach((address, times) -> assertEquals(1, times, address));
		assertEquals(5, addressees(outbox).size());
	}

	@Test
	void sortedAndInsertedRowsBetweenRunsMailEveryoneOnceAndNeverTheExcluded() throws Exception {
		List<String> people = people(300);
		RecipientList list = rows(people, "x");
		RecipientKey excluded = new RecipientKey("mail:p007@example.org");
		list = list.withIncluded(java.util.Set.of(excluded), false);
		Path outbox = folder.resolve("outbox");
		OutboxTransport transport = new OutboxTransport(outbox, null);
		Path file = folder.resolve("r.journal");
		NullProgressMonitor cancelAfter100 = new NullProgressMonitor() {
			@Override
			public boolean isCanceled() {
				try {
					return addressees(outbox).size() >= 100;
				} catch (IOException e) {
					return true;
				}
			}
		};
		try (Journal journal = Journal.open(file, list)) {
			assertThrows(org.eclipse.core.runtime.OperationCanceledException.class,
					() -> new CampaignRunner(CAMPAIGN, journal, transport).run(template, rowsOf(journal), cancelAfter100));
		}
		// the workbook sorted by another column (descending names) and two rows inserted at the top
		List<String> resorted = new ArrayList<>(people);
		java.util.Collections.reverse(resorted);
		resorted.add(0, "Neu1");
		resorted.add(3, "Neu2");
		RecipientList after = rows(resorted, "x").withIncluded(java.util.Set.of(excluded), false);
		try (Journal journal = Journal.open(file, after)) {
			RunResult result = new CampaignRunner(CAMPAIGN, journal, transport).run(template, after, new NullProgressMonitor());
			assertTrue(result.alreadySent() >= 100, result.toString());
		}
		Map<String, Integer> times = addressees(outbox);
		assertEquals(301, times.size(), "300 people and 2 new ones, the excluded one not");
		times.forEach((address, count) -> assertEquals(1, count, address));
		assertFalse(times.containsKey("p007@example.org"), "the excluded person was never mailed");
		assertTrue(times.containsKey("neu1@example.org") && times.containsKey("neu2@example.org"));
	}

	private RecipientList rowsOf(Journal journal) {
		return rows(people(300), "x").withIncluded(java.util.Set.of(new RecipientKey("mail:p007@example.org")), false);
	}

	@Test
	void aFullDiskStopsTheRunCountsNothingThatIsNotOnDiskAndTheResumeMailsNobodyTwice() throws Exception {
		assumeTrue("root".equals(System.getProperty("user.name")), "mounting a small file system needs root (CI runs as root)");
		Path disk = Files.createDirectories(folder.resolve("disk"));
		Process mount = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=2m", "tmpfs", disk.toString())
				.redirectErrorStream(true).start();
		assumeTrue(mount.waitFor() == 0, () -> "mount failed: " + read(mount));
		try {
			Path filler = disk.resolve("filler.bin");
			Files.write(filler, new byte[1800 * 1024]);
			RecipientList list = rows(people(60), "y".repeat(6000)); // an .eml of about 7 KB each
			Path outbox = disk.resolve("outbox");
			Path file = disk.resolve("d.journal");
			OutboxTransport transport = new OutboxTransport(outbox, null);
			RunResult stopped;
			try (Journal journal = Journal.open(file, list)) {
				stopped = new CampaignRunner(CAMPAIGN, journal, transport).run(template, list, new NullProgressMonitor());
			}
			assertNotNull(stopped.stopReason(), "the full disk stopped the run: " + stopped);
			assertTrue(stopped.stopReason().contains("disk") || stopped.stopReason().contains("space")
					|| stopped.stopReason().contains("Platz"), stopped.stopReason());
			assertEquals(0, stopped.failed(), "a full disk is nobody's failure");
			Map<String, Integer> onDisk = addressees(outbox);
			long sentRecords = Journal.read(file).stream().filter(e -> e.state() == RecipientState.SENT).count();
			assertTrue(sentRecords <= onDisk.size(), "SENT only for messages on the disk: " + sentRecords + " > " + onDisk.size());
			assertTrue(onDisk.size() < 60, "the disk filled before the end");

			Files.delete(filler); // the user frees space
			try (Journal journal = Journal.open(file, list)) {
				RunResult resumed = new CampaignRunner(CAMPAIGN, journal, transport).run(template, list, new NullProgressMonitor());
				assertEquals(null, resumed.stopReason());
				assertEquals(60, resumed.sent() + resumed.alreadySent(), resumed.toString());
			}
			Map<String, Integer> times = addressees(outbox);
			assertEquals(60, times.size());
			times.forEach((address, count) -> assertEquals(1, count, address));
			assertTrue(Journal.contents(file).unreadable().isEmpty(), "no torn record was left in the journal");
		} finally {
			new ProcessBuilder("umount", "-l", disk.toString()).start().waitFor();
		}
	}

	private static String read(Process process) {
		try {
			return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		} catch (IOException e) {
			return e.getMessage();
		}
	}

	@Test
	void outboxFileNamesAreOnePerTagAlsoWhereCaseDoesNotCount() {
		java.util.Set<String> names = new java.util.HashSet<>();
		for (String key : List.of("mail:anna+news@x.de", "mail:anna_news@x.de", "mail:anna-news@x.de", "contact:AbC",
				"contact:abc", "row:7", "mail:j\u00f6rg@x.de", "mail:jorg@x.de")) {
			String name = OutboxTransport.name(CAMPAIGN + "/" + key);
			assertTrue(names.add(name.toLowerCase(Locale.ROOT)), "one file for two tags: " + name);
			assertTrue(name.matches("[a-z0-9._-]+\\.eml"), name);
		}
		String long_ = OutboxTransport.name(CAMPAIGN + "/mail:" + "\u00e4".repeat(60) + "@x.de");
		assertTrue(long_.startsWith("sha256-") && long_.length() < 100, long_);
	}

	@Test
	void theDuplicateWarningNamesBothRows() {
		// rows 2 and 4 have one address: one recipient, the warning names row 4 and row 2
		List<Recipient> rows = new ArrayList<>();
		for (String[] row : new String[][] { { "2", "a@example.org" }, { "3", "b@example.org" }, { "4", "A@example.org " } }) {
			rows.add(new Recipient(new RecipientKey("row:" + row[0]), FieldValues.of(new String[] { "E-Mail" },
					new FieldValue[] { FieldValue.text(row[1]) }), java.util.Set.of(), true, Integer.parseInt(row[0])));
		}
		RecipientIdentity.Keyed keyed = RecipientIdentity.keyed(rows, "E-Mail");
		assertEquals(2, keyed.recipients().size());
		assertEquals(1, keyed.duplicates().size());
		assertEquals(2, keyed.duplicates().get(0).kept().row());
		assertEquals(4, keyed.duplicates().get(0).dropped().row());
		// another e-mail column parts them again: nobody who was joined is lost
		RecipientList list = new RecipientList(new SourceReference("csv", "x.csv"), List.of(Field.text("E-Mail"),
				Field.text("Privat")), keyed.recipients(), "E-Mail",
				keyed.duplicates().stream().map(RecipientIdentity.Duplicate::dropped).toList());
		RecipientList other = list.withEmailField("Privat").withEmailField("E-Mail");
		assertEquals(2, other.recipients().size());
		assertEquals(1, other.joined().size(), "still joined, still kept");
	}
}
