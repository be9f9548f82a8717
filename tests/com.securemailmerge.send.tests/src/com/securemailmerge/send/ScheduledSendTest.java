package com.securemailmerge.send;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

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
import com.securemailmerge.model.RecipientKey;
import com.securemailmerge.model.RecipientList;
import com.securemailmerge.model.SourceReference;
import com.securemailmerge.model.Template;

/**
 * Sending later through deferred delivery (PidTagDeferredSendTime, which Exchange honours by holding
 * the message in the Outbox until its time, and a time that has passed by sending at once): every
 * message is scheduled once, at most 30 are due in any minute, a resumed run schedules nobody twice,
 * and withdrawing takes back exactly those that have not gone out.
 */
@org.eclipse.jdt.annotation.NonNullByDefault({})
class ScheduledSendTest {

	private static final UUID CAMPAIGN = UUID.fromString("5d1e7c1a-2b3f-4c5d-8e9f-a0b1c2d3e4f5");

	@TempDir
	Path folder;

	private CompiledTemplate template;
	private RecipientList list;
	private Instant at;

	@BeforeEach
	void prepare() {
		List<Recipient> recipients = new ArrayList<>();
		for (int i = 0; i < 70; i++) {
			recipients.add(new Recipient(new RecipientKey("mail:p" + i + "@example.org"), FieldValues.of(
					new String[] { "E-Mail" }, new FieldValue[] { FieldValue.text("p" + i + "@example.org") })));
		}
		list = new RecipientList(new SourceReference("csv", "x.csv"), List.of(Field.text("E-Mail")), recipients, "E-Mail");
		template = new HandlebarsMergeEngine().compile(new MergeInput(Template.of("Einladung", "<p>Hallo</p>",
				BodyFormat.HTML, ""), List.of(), List.of("E-Mail"), "E-Mail", Locale.GERMANY)).template();
		// ten seconds into a minute an hour from now: the first minute has fifty seconds left
		at = Instant.now().plus(Duration.ofHours(1)).truncatedTo(ChronoUnit.MINUTES).plusSeconds(10);
	}

	private CampaignRunner runner(Journal journal, Transport transport, Instant sendAt) {
		return new CampaignRunner(CAMPAIGN, journal, transport).withBackoff(Duration.ofMillis(5))
				.withConfirmation(Duration.ofMillis(20), Duration.ofSeconds(20)).withSendAt(sendAt);
	}

	private static Map<Instant, Integer> perMinute(Iterable<Instant> times) {
		Map<Instant, Integer> minutes = new TreeMap<>();
		times.forEach(time -> minutes.merge(time.truncatedTo(ChronoUnit.MINUTES), 1, Integer::sum));
		return minutes;
	}

	@Test
	void everyMessageIsScheduledOnceAtMostThirtyAMinuteAndAResumeSchedulesNobodyAgain() throws Exception {
		DeferringTransport transport = new DeferringTransport(Instant.now());
		transport.loseEveryNth = 7; // some answers to /send are lost after the message was taken
		try (Journal journal = Journal.open(folder.resolve("c.journal"))) {
			RunResult first = runner(journal, transport, at).run(template, list, new NullProgressMonitor());
			assertEquals(70, first.scheduled(), first.toString());
			assertEquals(0, first.sent() + first.deferred() + first.failed(), first.toString());
			assertTrue(first.isComplete());
			for (Recipient recipient : list.recipients()) {
				assertEquals(RecipientState.SCHEDULED, journal.state(recipient.key()));
			}
		}
		assertEquals(70, transport.drafts.get(), "one message per recipient, also where the answer was lost");
		assertEquals(70, transport.held(), "all held for their time, none gone out");
		assertTrue(transport.deliveredByTag.isEmpty());
		Map<Instant, Integer> minutes = perMinute(transport.dueByTag.values());
		assertEquals(List.of(30, 30, 10), List.copyOf(minutes.values()), minutes.toString());
		assertEquals(at, transport.dueByTag.values().stream().min(Instant::compareTo).orElseThrow(),
				"the first go out at the chosen time");
		assertTrue(transport.dueByTag.values().stream().noneMatch(time -> time.isBefore(at)));

		// the computer restarts and the user sends again: nothing new is made or scheduled
		try (Journal journal = Journal.open(folder.resolve("c.journal"))) {
			RunResult again = runner(journal, transport, at.plus(Duration.ofHours(5))).run(template, list,
					new NullProgressMonitor());
			assertEquals(70, again.scheduled(), again.toString());
		}
		assertEquals(70, transport.drafts.get());
		assertEquals(70, transport.held());
	}

	@Test
	void aResumedRunFillsUpTheMinutesAnEarlierRunLeftAndNoMinuteHoldsMoreThanThirty() throws Exception {
		DeferringTransport transport = new DeferringTransport(Instant.now());
		RecipientList firstHalf = new RecipientList(list.source(), list.fields(), list.recipients().subList(0, 45),
				"E-Mail");
		try (Journal journal = Journal.open(folder.resolve("c.journal"))) {
			runner(journal, transport, at).run(template, firstHalf, new NullProgressMonitor());
		}
		try (Journal journal = Journal.open(folder.resolve("c.journal"))) {
			runner(journal, transport, at).run(template, list, new NullProgressMonitor());
		}
		assertEquals(List.of(30, 30, 10), List.copyOf(perMinute(transport.dueByTag.values()).values()));
		assertEquals(70, transport.drafts.get());
	}

	@Test
	void withdrawingTakesBackWhatHasNotGoneOutAndTheNextRunSendsThoseOnce() throws Exception {
		DeferringTransport transport = new DeferringTransport(Instant.now());
		try (Journal journal = Journal.open(folder.resolve("c.journal"))) {
			runner(journal, transport, at).run(template, list, new NullProgressMonitor());
		}
		transport.release(at.plusSeconds(1)); // the first minute's thirty go out
		Withdrawal.Result result;
		try (Journal journal = Journal.open(folder.resolve("c.journal"))) {
			result = Withdrawal.run(CAMPAIGN, journal, transport, list, Instant.now(), new NullProgressMonitor());
			long withdrawn = list.recipients().stream()
					.filter(r -> journal.state(r.key()) == RecipientState.WITHDRAWN).count();
			long sent = list.recipients().stream().filter(r -> journal.state(r.key()) == RecipientState.SENT).count();
			assertEquals(40, withdrawn);
			assertEquals(30, sent, "found gone out: SENT, never withdrawn");
		}
		assertEquals(new Withdrawal.Result(40, 30, 0, 0), result);
		assertEquals(0, transport.held(), "nothing left in the Outbox");
		transport.release(at.plus(Duration.ofHours(1)));
		assertEquals(30, transport.deliveredByTag.size(), "the withdrawn never went out");

		// sent now (no time): the withdrawn go out once each, the others are not sent again
		try (Journal journal = Journal.open(folder.resolve("c.journal"))) {
			RunResult now = new CampaignRunner(CAMPAIGN, journal, transport).withConfirmation(Duration.ofMillis(20),
					Duration.ofSeconds(20)).run(template, list, new NullProgressMonitor());
			assertEquals(40, now.sent(), now.toString());
			assertEquals(0, now.scheduled());
		}
		assertEquals(70, transport.deliveredByTag.size());
		assertTrue(transport.deliveredByTag.values().stream().allMatch(count -> count.get() == 1),
				"everybody exactly once");
	}

	@Test
	void aMessageDueWithinTwoMinutesIsNotWithdrawnSinceItMayBeGoingOutNow() throws Exception {
		DeferringTransport transport = new DeferringTransport(Instant.now());
		try (Journal journal = Journal.open(folder.resolve("c.journal"))) {
			// due at the chosen time (30), 50 s later (30) and 110 s later (10)
			runner(journal, transport, at).run(template, list, new NullProgressMonitor());
			// withdrawn 30 s before the first are due: those due within two minutes stay
			Withdrawal.Result result = Withdrawal.run(CAMPAIGN, journal, transport, list, at.minusSeconds(30),
					new NullProgressMonitor());
			assertEquals(new Withdrawal.Result(10, 0, 60, 0), result);
		}
		assertEquals(60, transport.held());
	}

	@Test
	void aScheduledRecipientWhoOptsOutIsWithdrawnAndLeftOut() throws Exception {
		DeferringTransport transport = new DeferringTransport(Instant.now());
		try (Journal journal = Journal.open(folder.resolve("c.journal"))) {
			runner(journal, transport, at).run(template, list, new NullProgressMonitor());
		}
		try (Journal journal = Journal.open(folder.resolve("c.journal"))) {
			RunResult result = runner(journal, transport, at).withOptOuts("p3@example.org"::equals).run(template, list,
					new NullProgressMonitor());
			assertEquals(1, result.optedOut(), result.toString());
			assertEquals(RecipientState.OPTED_OUT, journal.state(new RecipientKey("mail:p3@example.org")));
		}
		assertEquals(69, transport.held());
		transport.release(at.plus(Duration.ofHours(1)));
		assertNull(transport.deliveredByTag.get(CAMPAIGN + "/mail:p3@example.org"));
		assertEquals(69, transport.deliveredByTag.size());
	}

	@Test
	void scheduleRecordsThatCannotBeReadHoldNoMinuteAndBreakNothing() throws Exception {
		List<JournalEntry> entries = List.of(
				new JournalEntry(Instant.now(), new RecipientKey("mail:a@example.org"), RecipientState.SCHEDULED, "AAMk1"),
				new JournalEntry(Instant.now(), new RecipientKey("mail:b@example.org"), RecipientState.SCHEDULED,
						"AAMk2 not-a-time"),
				new JournalEntry(Instant.now(), new RecipientKey("mail:c@example.org"), RecipientState.SCHEDULED,
						"AAMk3 " + at),
				new JournalEntry(Instant.now(), new RecipientKey("mail:d@example.org"), RecipientState.SCHEDULED, ""));
		Schedule schedule = new Schedule(at, entries);
		List<Instant> times = new ArrayList<>();
		for (int i = 0; i < 31; i++) {
			times.add(schedule.next());
		}
		assertEquals(List.of(29, 2), List.copyOf(perMinute(times).values()), "one minute taken by the readable record");
		assertNull(Schedule.due("AAMk2 not-a-time"));
		assertNull(Schedule.due(""));
	}

	@Test
	void offlineTheEmlCarriesTheTimeAndWithdrawingDeletesTheFilesNotYetDue() throws Exception {
		Path outbox = folder.resolve("outbox");
		OutboxTransport transport = new OutboxTransport(outbox, "verein@example.org");
		try (Journal journal = Journal.open(folder.resolve("o.journal"))) {
			RunResult result = runner(journal, transport, at).run(template, list, new NullProgressMonitor());
			assertEquals(70, result.scheduled(), result.toString());
		}
		List<Path> files;
		try (var listed = Files.list(outbox)) {
			files = listed.filter(f -> f.toString().endsWith(".eml")).toList();
		}
		assertEquals(70, files.size());
		List<Instant> times = new ArrayList<>();
		for (Path file : files) {
			String eml = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
			String header = eml.lines().filter(l -> l.startsWith("Deferred-Delivery: ")).findFirst().orElseThrow();
			String date = header.substring(19).replaceAll(" \\(.*\\)$", "");
			times.add(java.time.ZonedDateTime.parse(date, java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
		}
		assertEquals(List.of(30, 30, 10), List.copyOf(perMinute(times).values()));
		Path report = folder.resolve("report.csv");
		try (Journal journal = Journal.open(folder.resolve("o.journal"))) {
			Report.write(journal, list, report);
			String csv = Files.readString(report);
			assertTrue(csv.contains(";SCHEDULED;" + at + ";"), csv.lines().skip(1).findFirst().orElse(""));
			Withdrawal.Result withdrawn = Withdrawal.run(CAMPAIGN, journal, transport, list, Instant.now(),
					new NullProgressMonitor());
			assertEquals(70, withdrawn.withdrawn());
		}
		try (var listed = Files.list(outbox)) {
			assertEquals(0, listed.filter(f -> f.toString().endsWith(".eml")).count());
		}
	}
}
