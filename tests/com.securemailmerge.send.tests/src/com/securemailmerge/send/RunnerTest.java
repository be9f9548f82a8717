package com.securemailmerge.send;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.core.runtime.OperationCanceledException;
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
 * The runner's decisions on a scripted mailbox: drafts recorded, unknown outcomes looked up and never
 * sent twice, a stopped transport marks nobody failed, at most four at once, pause and cancel,
 * oversize messages refused, test mails.
 */
@org.eclipse.jdt.annotation.NonNullByDefault({})
class RunnerTest {

	private static final UUID CAMPAIGN = UUID.fromString("0d1c2b3a-4e5f-4a6b-8c7d-9e0f1a2b3c4d");

	@TempDir
	Path folder;

	private CompiledTemplate template;
	private RecipientList list;

	@BeforeEach
	void prepare() {
		List<Recipient> recipients = new ArrayList<>();
		for (int i = 0; i < 60; i++) {
			recipients.add(new Recipient(new RecipientKey("row:" + (i + 2)), FieldValues.of(new String[] { "E-Mail", "Name" },
					new FieldValue[] { FieldValue.text("p" + i + "@example.org"), FieldValue.text("P" + i) })));
		}
		list = new RecipientList(new SourceReference("csv", "x.csv"), List.of(Field.text("E-Mail"), Field.text("Name")),
				recipients, "E-Mail");
		template = new HandlebarsMergeEngine().compile(new MergeInput(
				Template.of("Hallo {{Name}}", "<p>Hallo {{Name}}</p>", BodyFormat.HTML, ""), List.of(),
				List.of("E-Mail", "Name"), "E-Mail", Locale.GERMANY)).template();
	}

	/** A mailbox in memory: drafts, sent items, and a script of what goes wrong. */
	@org.eclipse.jdt.annotation.NonNullByDefault
	static final class ScriptedMailbox implements Transport {
		final Map<String, String> drafts = new ConcurrentHashMap<>();
		final Map<String, String> sent = new ConcurrentHashMap<>();
		final AtomicInteger sends = new AtomicInteger();
		final AtomicInteger inFlight = new AtomicInteger();
		final AtomicInteger maxInFlight = new AtomicInteger();
		/** Every n-th send goes out but its answer is lost. */
		volatile int loseEvery;
		/** Every n-th send is throttled (not carried out) with Retry-After. */
		volatile int throttleEvery;
		/** From this send on, the sign-in is gone. */
		volatile int stopAt = Integer.MAX_VALUE;
		volatile long sleepMillis;

		@Override
		public Optional<String> findDelivered(String tag) {
			return Optional.ofNullable(sent.get(tag));
		}

		@Override
		public String deliver(MergedMessage message, String tag, Consumer<String> drafted) throws IOException {
			int running = inFlight.incrementAndGet();
			maxInFlight.accumulateAndGet(running, Math::max);
			try {
				int n = sends.incrementAndGet();
				if (n >= stopAt) {
					throw new SendingStopped("signed out", null);
				}
				String id = drafts.computeIfAbsent(tag, t -> "draft-" + t);
				drafted.accept(id);
				if (throttleEvery > 0 && n % throttleEvery == 0) {
					throw new TransientFailure("429", Duration.ofMillis(5), null);
				}
				if (sleepMillis > 0) {
					Thread.sleep(sleepMillis);
				}
				if (sent.putIfAbsent(tag, id) != null) {
					throw new AssertionError("sent twice: " + tag);
				}
				drafts.remove(tag);
				if (loseEvery > 0 && n % loseEvery == 0) {
					throw new TransientFailure("connection reset", null, null);
				}
				return id;
			} catch (InterruptedException e) {
				throw new IOException(e);
			} finally {
				inFlight.decrementAndGet();
			}
		}
	}

	/** Answers every message's first tries with a failure, then sends it. */
	@org.eclipse.jdt.annotation.NonNullByDefault
	static final class FailingFirst implements Transport {
		final Map<String, AtomicInteger> tries = new ConcurrentHashMap<>();
		final Map<String, String> sent = new ConcurrentHashMap<>();
		final int failures;
		final Duration retryAfter;

		FailingFirst(int failures, Duration retryAfter) {
			this.failures = failures;
			this.retryAfter = retryAfter;
		}

		@Override
		public Optional<String> findDelivered(String tag) {
			return Optional.ofNullable(sent.get(tag));
		}

		@Override
		public String deliver(MergedMessage message, String tag, Consumer<String> drafted) throws IOException {
			drafted.accept("draft-" + tag);
			if (tries.computeIfAbsent(tag, t -> new AtomicInteger()).incrementAndGet() <= failures) {
				throw new TransientFailure("try again", retryAfter.isZero() ? null : retryAfter, null);
			}
			sent.put(tag, "sent-" + tag);
			return "sent-" + tag;
		}
	}

	@Test
	void throttlingDoesNotUseUpTheTriesOfAMessage() throws Exception {
		// ten 429s in a row for every message: more than the six tries of an unknown outcome
		FailingFirst mailbox = new FailingFirst(10, Duration.ofMillis(1));
		try (Journal journal = Journal.open(folder.resolve("t.journal"))) {
			assertEquals(new RunResult(60, 0, 0), runner(journal, mailbox, Pacing.UNLIMITED).run(template, list, new NullProgressMonitor()));
			assertEquals(60, mailbox.sent.size());
			assertTrue(mailbox.tries.values().stream().allMatch(n -> n.get() == 11), "ten waits, then sent");
		}
	}

	@Test
	void sixUnknownOutcomesInARowMakeAMessageFailedAndLookedUpLater() throws Exception {
		FailingFirst mailbox = new FailingFirst(6, Duration.ZERO);
		try (Journal journal = Journal.open(folder.resolve("f.journal"))) {
			RunResult result = runner(journal, mailbox, Pacing.UNLIMITED).run(template, list, new NullProgressMonitor());
			assertEquals(0, mailbox.sent.size());
			assertEquals(60, journal.states().values().stream().filter(e -> e.state() == RecipientState.FAILED).count(), result.toString());
			assertTrue(journal.states().get(new RecipientKey("row:2")).detail().startsWith("Not confirmed (try again)"),
					journal.states().get(new RecipientKey("row:2")).detail());
			assertTrue(mailbox.tries.values().stream().allMatch(n -> n.get() == 6), "six tries each");
		}
	}

	private CampaignRunner runner(Journal journal, Transport transport, Pacing pacing) {
		return new CampaignRunner(CAMPAIGN, journal, transport, pacing, 0).withBackoff(Duration.ofMillis(5));
	}

	@Test
	void everyMessageIsDraftedThenSentAndTheJournalSaysSo() throws Exception {
		ScriptedMailbox mailbox = new ScriptedMailbox();
		try (Journal journal = Journal.open(folder.resolve("c.journal"))) {
			assertEquals(new RunResult(60, 0, 0), runner(journal, mailbox, Pacing.UNLIMITED).run(template, list, new NullProgressMonitor()));
			List<RecipientState> steps = journal.entries().stream().filter(e -> e.recipient().value().equals("row:5"))
					.map(JournalEntry::state).toList();
			assertEquals(List.of(RecipientState.PLANNED, RecipientState.DRAFTED, RecipientState.SENT), steps);
			JournalEntry sent = journal.states().get(new RecipientKey("row:5"));
			assertEquals("draft-" + CAMPAIGN + "/row:5", sent.detail());
			assertEquals(1, sent.addresses());
		}
		try (Journal reopened = Journal.open(folder.resolve("c.journal"))) {
			assertEquals(1, reopened.states().get(new RecipientKey("row:5")).addresses(), "addresses survive a restart");
		}
	}

	@Test
	void lostAnswersAndThrottlingAreLookedUpNeverSentTwiceNeverFailed() throws Exception {
		ScriptedMailbox mailbox = new ScriptedMailbox();
		mailbox.loseEvery = 7;
		mailbox.throttleEvery = 5;
		try (Journal journal = Journal.open(folder.resolve("c.journal"))) {
			RunResult result = runner(journal, mailbox, new Pacing(0, 0, 4)).run(template, list, new NullProgressMonitor());
			assertEquals(0, result.failed(), String.valueOf(journal.entries()));
			assertEquals(60, result.sent() + result.alreadySent());
			assertTrue(result.alreadySent() > 0, "lost answers were found in Sent Items");
		}
		assertEquals(60, mailbox.sent.size());
		assertTrue(mailbox.drafts.isEmpty());
	}

	@Test
	void aStoppedTransportEndsTheRunWithoutFailingAnybodyAndResumingFinishes() throws Exception {
		ScriptedMailbox mailbox = new ScriptedMailbox();
		mailbox.stopAt = 21;
		try (Journal journal = Journal.open(folder.resolve("c.journal"))) {
			RunResult stopped = runner(journal, mailbox, Pacing.UNLIMITED).run(template, list, new NullProgressMonitor());
			assertEquals(20, stopped.sent());
			assertEquals(0, stopped.failed());
			assertEquals(40, stopped.deferred());
			assertEquals("signed out", stopped.stopReason());
			assertTrue(journal.states().values().stream().noneMatch(e -> e.state() == RecipientState.FAILED));
		}
		mailbox.stopAt = Integer.MAX_VALUE;
		try (Journal journal = Journal.open(folder.resolve("c.journal"))) {
			RunResult resumed = runner(journal, mailbox, Pacing.UNLIMITED).run(template, list, new NullProgressMonitor());
			assertEquals(new RunResult(40, 20, 0), resumed);
		}
	}

	/**
	 * The opt-out list is asked at every run: an address that asked not to be mailed after the first
	 * run stopped is never sent to by the resumed one; one sent before stays sent; nobody is left
	 * "deferred" for it, so the campaign completes.
	 */
	@Test
	void anOptedOutAddressIsNeverSentToAcrossAResume() throws Exception {
		ScriptedMailbox mailbox = new ScriptedMailbox();
		mailbox.stopAt = 21;
		java.util.Set<String> optedOut = java.util.concurrent.ConcurrentHashMap.newKeySet();
		optedOut.add("p59@example.org");
		try (Journal journal = Journal.open(folder.resolve("o.journal"))) {
			RunResult stopped = runner(journal, mailbox, Pacing.UNLIMITED).withOptOuts(optedOut::contains).run(template, list,
					new NullProgressMonitor());
			assertEquals(20, stopped.sent());
			assertEquals("signed out", stopped.stopReason());
		}
		optedOut.add("p30@example.org"); // asked on the phone between the runs
		optedOut.add("p0@example.org"); // too late: already sent
		mailbox.stopAt = Integer.MAX_VALUE;
		try (Journal journal = Journal.open(folder.resolve("o.journal"))) {
			RunResult resumed = runner(journal, mailbox, Pacing.UNLIMITED).withOptOuts(optedOut::contains).run(template, list,
					new NullProgressMonitor());
			assertEquals(38, resumed.sent());
			assertEquals(20, resumed.alreadySent());
			assertEquals(2, resumed.optedOut());
			assertTrue(resumed.isComplete(), resumed.toString());
			assertEquals(RecipientState.SENT, journal.state(new RecipientKey("row:2")), "p0 was sent before");
			// p30 and p59 never even planned: one entry each, that they were left out
			assertEquals(List.of(RecipientState.OPTED_OUT), journal.entries(new RecipientKey("row:32")).stream()
					.map(JournalEntry::state).toList());
			assertEquals(List.of(RecipientState.OPTED_OUT), journal.entries(new RecipientKey("row:61")).stream()
					.map(JournalEntry::state).toList(), "journaled once, not again by the second run");
		}
		assertFalse(mailbox.sent.containsKey(CAMPAIGN + "/row:32"));
		assertFalse(mailbox.sent.containsKey(CAMPAIGN + "/row:61"));
		assertEquals(58, mailbox.sent.size());
	}

	/**
	 * An address opted out while its message was under way: a message that went out before (found
	 * by its tag) stays SENT, never "left out"; one only planned is left out, journaled OPTED_OUT,
	 * and its recipient is mailed again once taken off the list.
	 */
	@Test
	void anOptOutOfAMessageUnderWayLooksItUpFirst() throws Exception {
		ScriptedMailbox mailbox = new ScriptedMailbox();
		try (Journal journal = Journal.open(folder.resolve("u.journal"))) {
			// a crash left p3's message sent but unrecorded, and p4's only planned
			journal.record(new RecipientKey("row:5"), RecipientState.PLANNED, CAMPAIGN + "/row:5");
			journal.record(new RecipientKey("row:5"), RecipientState.DRAFTED, "draft-" + CAMPAIGN + "/row:5");
			mailbox.sent.put(CAMPAIGN + "/row:5", "sent-p3");
			journal.record(new RecipientKey("row:6"), RecipientState.PLANNED, CAMPAIGN + "/row:6");
		}
		java.util.Set<String> optedOut = java.util.Set.of("p3@example.org", "p4@example.org");
		try (Journal journal = Journal.open(folder.resolve("u.journal"))) {
			RunResult result = runner(journal, mailbox, Pacing.UNLIMITED).withOptOuts(optedOut::contains).run(template, list,
					new NullProgressMonitor());
			assertEquals(1, result.optedOut(), result.toString());
			assertEquals(1, result.alreadySent(), "p3's message was found: " + result);
			assertEquals(58, result.sent());
			assertEquals(RecipientState.SENT, journal.state(new RecipientKey("row:5")));
			assertEquals(RecipientState.OPTED_OUT, journal.state(new RecipientKey("row:6")));
			assertEquals("p4@example.org", journal.last(new RecipientKey("row:6")).detail());
			assertTrue(result.isComplete(), result.toString());
		}
		assertFalse(mailbox.sent.containsKey(CAMPAIGN + "/row:6"));
		try (Journal journal = Journal.open(folder.resolve("u.journal"))) { // taken off the list again
			RunResult result = runner(journal, mailbox, Pacing.UNLIMITED).run(template, list, new NullProgressMonitor());
			assertEquals(1, result.sent(), result.toString());
			assertEquals(0, result.optedOut());
		}
		assertTrue(mailbox.sent.containsKey(CAMPAIGN + "/row:6"));
	}

	@Test
	void neverMoreThanFourAtOnce() throws Exception {
		ScriptedMailbox mailbox = new ScriptedMailbox();
		mailbox.sleepMillis = 15;
		try (Journal journal = Journal.open(folder.resolve("c.journal"))) {
			runner(journal, mailbox, new Pacing(0, 0, 4)).run(template, list, new NullProgressMonitor());
		}
		assertEquals(4, mailbox.maxInFlight.get(), "four in parallel, not more");
		assertEquals(60, mailbox.sent.size());
	}

	@Test
	void theDaysAllowanceLeavesTheRestForLater() throws Exception {
		ScriptedMailbox mailbox = new ScriptedMailbox();
		try (Journal journal = Journal.open(folder.resolve("c.journal"))) {
			RunResult result = runner(journal, mailbox, new Pacing(0, 25, 4)).run(template, list, new NullProgressMonitor());
			assertEquals(25, result.sent());
			assertEquals(35, result.deferred());
			assertNotNull(result.resumeAt());
			assertTrue(result.resumeAt().isAfter(java.time.Instant.now().plus(Duration.ofHours(23))));
		}
	}

	@Test
	void pausedSendsNothingUntilResumedAndCancelKeepsWhatWasDone() throws Exception {
		ScriptedMailbox mailbox = new ScriptedMailbox();
		RunControl control = new RunControl();
		control.pause();
		NullProgressMonitor monitor = new NullProgressMonitor();
		AtomicInteger whilePaused = new AtomicInteger(-1);
		try (Journal journal = Journal.open(folder.resolve("c.journal"))) {
			Thread resumer = new Thread(() -> {
				try {
					Thread.sleep(300);
					whilePaused.set(mailbox.sends.get());
					mailbox.sleepMillis = 5;
					control.resume();
					while (mailbox.sent.size() < 10) {
						Thread.sleep(1);
					}
					monitor.setCanceled(true);
				} catch (InterruptedException e) {
					Thread.currentThread().interrupt();
				}
			});
			resumer.start();
			assertThrows(OperationCanceledException.class,
					() -> runner(journal, mailbox, new Pacing(0, 0, 2)).run(template, list, control, monitor));
			resumer.join();
			assertEquals(0, whilePaused.get(), "nothing while paused");
			long sent = journal.states().values().stream().filter(e -> e.state() == RecipientState.SENT).count();
			assertEquals(mailbox.sent.size(), sent, "every message that went out is recorded");
			assertTrue(sent >= 10 && sent < 60, "cancelled half-way: " + sent);
		}
		try (Journal journal = Journal.open(folder.resolve("c.journal"))) {
			RunResult resumed = runner(journal, mailbox, Pacing.UNLIMITED).run(template, list, new NullProgressMonitor());
			assertEquals(60, resumed.sent() + resumed.alreadySent());
		}
		assertEquals(60, mailbox.sent.size());
	}

	@Test
	void aMessageOverTheMailboxLimitIsRefusedWithItsSize() throws Exception {
		ScriptedMailbox mailbox = new ScriptedMailbox();
		try (Journal journal = Journal.open(folder.resolve("c.journal"))) {
			RunResult result = new CampaignRunner(CAMPAIGN, journal, mailbox, Pacing.UNLIMITED, 100).run(template, list,
					new NullProgressMonitor());
			assertEquals(60, result.failed());
			assertTrue(journal.states().get(new RecipientKey("row:2")).detail().contains("MB"));
		}
		assertEquals(0, mailbox.sends.get());
	}

	@Test
	void aTestMailGoesToOneselfOnlyWithTheSubjectMarked() throws Exception {
		ScriptedMailbox mailbox = new ScriptedMailbox();
		List<MergedMessage> seen = new ArrayList<>();
		Transport recording = new Recording(mailbox, seen);
		String id = TestMail.send(template, list.recipients().get(3),
				new OpenTransport(recording, "anna@verein.example", 0, Pacing.EXCHANGE_ONLINE));
		assertNotNull(id);
		MergedMessage message = seen.get(0);
		assertEquals("[Test] Hallo P3", message.subject());
		assertEquals(List.of("anna@verein.example"), message.to());
		assertTrue(message.cc().isEmpty() && message.bcc().isEmpty());
		assertTrue(message.htmlBody().contains("Hallo P3"));
		assertTrue(mailbox.sent.keySet().stream().allMatch(tag -> tag.startsWith("test/")), "not a campaign tag");
		assertNull(mailbox.sent.get(CampaignRunner.tag(CAMPAIGN, list.recipients().get(3))));
		assertEquals(Set.of(), Set.copyOf(mailbox.drafts.keySet()));
	}

	@org.eclipse.jdt.annotation.NonNullByDefault
	private static final class Recording implements Transport {
		private final Transport inner;
		private final List<MergedMessage> seen;

		Recording(Transport inner, List<MergedMessage> seen) {
			this.inner = inner;
			this.seen = seen;
		}

		@Override
		public Optional<String> findDelivered(String tag) throws IOException {
			return inner.findDelivered(tag);
		}

		@Override
		public String deliver(MergedMessage message, String tag, Consumer<String> drafted) throws IOException {
			seen.add(message);
			return inner.deliver(message, tag, drafted);
		}
	}
}
