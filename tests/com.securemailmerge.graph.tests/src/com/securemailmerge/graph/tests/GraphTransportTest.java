package com.securemailmerge.graph.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.securemailmerge.auth.AuthConfiguration;
import com.securemailmerge.auth.Scopes;
import com.securemailmerge.auth.internal.MsalAuthService;
import com.securemailmerge.emulator.EmulatedMessage;
import com.securemailmerge.emulator.Emulator;
import com.securemailmerge.emulator.Mailbox;
import com.securemailmerge.graph.internal.GraphMailboxService;
import com.securemailmerge.graph.internal.GraphTransport;
import com.securemailmerge.merge.CompiledTemplate;
import com.securemailmerge.merge.MergeInput;
import com.securemailmerge.merge.internal.HandlebarsMergeEngine;
import com.securemailmerge.model.Attachment;
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
import com.securemailmerge.send.CampaignRunner;
import com.securemailmerge.send.Journal;
import com.securemailmerge.send.RunResult;
import com.securemailmerge.send.Transport;

/**
 * The Graph transport with the campaign runner against the emulator: tagged drafts, attachments
 * (one through an upload session), sent into Sent Items exactly once, also when a crash left a
 * draft behind or came between sending and recording.
 */
final class GraphTransportTest {

	private static final Mailbox ANNA = Mailbox.of("anna@verein.example", "Anna Weber");
	private static final UUID CAMPAIGN = UUID.fromString("5b0c1f52-3c55-4a8e-9a4e-2f3f3c6a1d01");

	@TempDir
	Path folder;

	private Emulator emulator;
	private GraphTransport transport;
	private CompiledTemplate template;
	private RecipientList list;

	@BeforeEach
	void start() throws Exception {
		emulator = Emulator.start();
		MsalAuthService auth = new MsalAuthService(new AuthConfiguration("3f0c2b7e-1d2a-4c5b-8e9f-0a1b2c3d4e5f",
				emulator.authority(), emulator.sslSocketFactory(), null));
		auth.signInWithDeviceCode(Set.of(Scopes.USER_READ), prompt -> emulator.approveDeviceCodes(ANNA),
				new NullProgressMonitor());
		transport = new GraphTransport(
				new GraphMailboxService(auth, emulator.graphBase(), emulator.clientSslContext(), emulator.trustManager()));
		Path small = Files.write(folder.resolve("Programm.pdf"), new byte[50_000]);
		byte[] big = new byte[4 * 1024 * 1024 + 17];
		for (int i = 0; i < big.length; i++) {
			big[i] = (byte) (i * 13);
		}
		Files.write(folder.resolve("Plan.bin"), big);
		String[] names = { "E-Mail", "Vorname" };
		List<Recipient> recipients = new ArrayList<>();
		for (int i = 0; i < 40; i++) {
			recipients.add(new Recipient(new RecipientKey("row:" + (i + 2)), FieldValues.of(names,
					new FieldValue[] { FieldValue.text("p" + i + "@example.org"), FieldValue.text("P" + i) })));
		}
		list = new RecipientList(new SourceReference("csv", "x.csv"), List.of(Field.text("E-Mail"), Field.text("Vorname")),
				recipients, "E-Mail");
		template = new HandlebarsMergeEngine().compile(new MergeInput(
				Template.of("Hallo {{Vorname}}", "<p>Hallo {{Vorname}}</p>", BodyFormat.HTML, ""),
				List.of(new Attachment(Attachment.Kind.COMMON, small.toString())), List.of("E-Mail", "Vorname"),
				"E-Mail", Locale.GERMANY)).template();
	}

	@AfterEach
	void stop() {
		emulator.close();
	}

	private Map<String, Long> sentByTag() {
		return emulator.sentItems(ANNA).stream()
				.collect(Collectors.groupingBy(m -> String.valueOf(m.property(GraphTransport.TAG)), Collectors.counting()));
	}

	@Test
	void aCampaignGoesOutOnceThroughTaggedDrafts() throws Exception {
		try (Journal journal = Journal.open(folder.resolve("k.journal"))) {
			RunResult result = new CampaignRunner(CAMPAIGN, journal, transport).run(template, list, new NullProgressMonitor());
			assertEquals(new RunResult(40, 0, 0), result);
		}
		Map<String, Long> sent = sentByTag();
		assertEquals(40, sent.size());
		assertTrue(sent.values().stream().allMatch(n -> n == 1));
		EmulatedMessage first = emulator.sentItems(ANNA).stream()
				.filter(m -> String.valueOf(m.property(GraphTransport.TAG)).endsWith("row:2")).findFirst().orElseThrow();
		assertEquals(List.of("p0@example.org"), first.recipients("toRecipients"));
		assertEquals(50_000, first.attachments().get(0).content().length);
		assertTrue(emulator.drafts(ANNA).isEmpty());
	}

	@Test
	void aRequestThrottledWith429IsRepeatedWholeNotJustItsChanges() throws Exception {
		emulator.throttleBursts(10, 1); // every tenth Graph request is answered 429
		try (Journal journal = Journal.open(folder.resolve("k.journal"))) {
			RunResult result = new CampaignRunner(CAMPAIGN, journal, transport).run(template, list, new NullProgressMonitor());
			assertEquals(40, result.sent());
		}
		assertTrue(emulator.throttledCount() > 5, "throttled " + emulator.throttledCount());
		assertEquals(40, sentByTag().size(), "every message kept its tag");
		for (EmulatedMessage sent : emulator.sentItems(ANNA)) {
			assertTrue(sent.subject().startsWith("Hallo P"), sent.subject());
			assertEquals(1, sent.recipients("toRecipients").size());
			assertEquals(1, sent.attachments().size(), "the attachment once");
			assertEquals(50_000, sent.attachments().get(0).content().length);
		}
		assertEquals(40, emulator.delivered().size());
	}

	@Test
	void aLargeAttachmentGoesThroughAnUploadSession() throws Exception {
		Path big = folder.resolve("Plan.bin");
		MergedMessage message = new MergedMessage(new RecipientKey("row:2"), List.of("Clara <clara@example.org>"), List.of(),
				List.of(), List.of(), "Plan", "<p>Plan</p>", "Plan\n", List.of(big));
		transport.deliver(message, CAMPAIGN + "/row:2", id -> { });
		EmulatedMessage sent = emulator.sentItems(ANNA).get(0);
		assertArrayEquals(Files.readAllBytes(big), sent.attachments().get(0).content());
		assertTrue(emulator.requests().stream().filter(r -> r.equals("PUT /upload/")).count() >= 4, "in chunks");
	}

	@Test
	void aDraftLeftByACrashIsSentInsteadOfANewOne() throws Exception {
		MergedMessage message = template.render(list.recipients().get(5)).message();
		String tag = CAMPAIGN + "/row:7";
		assertTrue(transport.findDelivered(tag).isEmpty());
		// the crash came after the draft was created, before it was sent: sending fails once
		emulator.setMaxMessageSize(ANNA, 10);
		assertThrows(IOException.class, () -> transport.deliver(message, tag, id -> { }));
		assertEquals(1, emulator.drafts(ANNA).size(), "the draft stayed behind");
		emulator.setMaxMessageSize(ANNA, 36_700_160);
		try (Journal journal = Journal.open(folder.resolve("k.journal"))) {
			new CampaignRunner(CAMPAIGN, journal, transport).run(template, list, new NullProgressMonitor());
		}
		assertEquals(40, sentByTag().size());
		assertEquals(1L, sentByTag().get(tag));
		assertTrue(emulator.drafts(ANNA).isEmpty(), "the old draft was sent, no second one made");
	}

	/** A transport that asks the real one for everything but delivering (the tests' crashes). */
	@org.eclipse.jdt.annotation.NonNullByDefault
	private abstract static class Wrapping implements Transport {
		final Transport inner;

		Wrapping(Transport inner) {
			this.inner = inner;
		}

		@Override
		public Optional<String> findDelivered(String tag) throws IOException {
			return inner.findDelivered(tag);
		}

		@Override
		public boolean confirmsLater() {
			return inner.confirmsLater();
		}

		@Override
		public Presence presence(String id) throws IOException {
			return inner.presence(id);
		}
	}

	/** Sends the first messages; the n-th is left as a draft: a crash right after the draft was made. */
	@org.eclipse.jdt.annotation.NonNullByDefault
	private static final class DraftLeftAt extends Wrapping {
		private final int crashAt;
		private final AtomicInteger delivered = new AtomicInteger();

		DraftLeftAt(Transport inner, int crashAt) {
			super(inner);
			this.crashAt = crashAt;
		}

		@Override
		public String deliver(MergedMessage message, String tag, java.util.function.Consumer<String> drafted) throws IOException {
			if (delivered.incrementAndGet() == crashAt) {
				return inner.deliver(message, tag, id -> {
					throw new IllegalStateException("crash after the draft was made");
				});
			}
			return inner.deliver(message, tag, drafted);
		}
	}

	/** Delivers, then "crashes" before the runner records the n-th message. */
	@org.eclipse.jdt.annotation.NonNullByDefault
	private static final class CrashAfter extends Wrapping {
		private final int crashAt;
		private final AtomicInteger delivered;

		CrashAfter(Transport inner, int crashAt, AtomicInteger delivered) {
			super(inner);
			this.crashAt = crashAt;
			this.delivered = delivered;
		}

		@Override
		public String deliver(MergedMessage message, String tag, java.util.function.Consumer<String> drafted) throws IOException {
			String id = inner.deliver(message, tag, drafted);
			if (delivered.incrementAndGet() == crashAt) {
				throw new IllegalStateException("crash");
			}
			return id;
		}
	}

	@Test
	void aCrashBetweenSendingAndRecordingSendsNobodyTwice() throws Exception {
		AtomicInteger delivered = new AtomicInteger();
		Transport crashing = new CrashAfter(transport, 13, delivered);
		try (Journal journal = Journal.open(folder.resolve("k.journal"))) {
			assertThrows(IllegalStateException.class,
					() -> new CampaignRunner(CAMPAIGN, journal, crashing).run(template, list, new NullProgressMonitor()));
		}
		try (Journal journal = Journal.open(folder.resolve("k.journal"))) {
			RunResult resumed = new CampaignRunner(CAMPAIGN, journal, crashing).run(template, list, new NullProgressMonitor());
			assertEquals(new RunResult(27, 13, 0), resumed, "the 13th was found in Sent Items");
		}
		assertEquals(40, emulator.delivered().size(), "40 messages left the mailbox, no more");
		assertTrue(sentByTag().values().stream().allMatch(n -> n == 1));
	}

	/**
	 * An opt-out through the emulator, across a crash and its resume: the address opted out while the
	 * campaign was under way is never sent to (no draft, no Sent Items copy, not delivered); the one
	 * opted out beforehand neither; everybody else exactly once.
	 */
	@Test
	void anOptedOutAddressNeverReachesTheMailboxAcrossAResume() throws Exception {
		java.util.Set<String> optedOut = java.util.concurrent.ConcurrentHashMap.newKeySet();
		optedOut.add("p39@example.org");
		AtomicInteger delivered = new AtomicInteger();
		Transport crashing = new CrashAfter(transport, 13, delivered);
		try (Journal journal = Journal.open(folder.resolve("k.journal"))) {
			assertThrows(IllegalStateException.class, () -> new CampaignRunner(CAMPAIGN, journal, crashing)
					.withOptOuts(optedOut::contains).run(template, list, new NullProgressMonitor()));
		}
		optedOut.add("P20@Example.org".toLowerCase(java.util.Locale.ROOT)); // asked while the computer was off
		try (Journal journal = Journal.open(folder.resolve("k.journal"))) {
			RunResult resumed = new CampaignRunner(CAMPAIGN, journal, crashing).withOptOuts(optedOut::contains).run(template,
					list, new NullProgressMonitor());
			assertEquals(2, resumed.optedOut());
			assertEquals(25, resumed.sent());
			assertTrue(resumed.isComplete(), resumed.toString());
		}
		List<String> to = emulator.delivered().stream().flatMap(m -> m.recipients("toRecipients").stream()).toList();
		assertEquals(38, to.size(), to.toString());
		assertFalse(to.contains("p20@example.org") || to.contains("p39@example.org"), to.toString());
		assertTrue(emulator.drafts(ANNA).isEmpty(), "no draft was even made for them");
		assertTrue(sentByTag().values().stream().allMatch(n -> n == 1));
	}

	/**
	 * Save As makes a new campaign with a new id: a draft the old campaign left in the mailbox (a
	 * crash before it was sent) and its sent messages are never sent or taken for the new one's.
	 */
	@Test
	void aCampaignSavedAsANewOneSendsUnderItsOwnTagAndLeavesTheOldOnesMessagesAlone() throws Exception {
		Transport draftOnly = new DraftLeftAt(transport, 6);
		RecipientList six = new RecipientList(list.source(), list.fields(), list.recipients().subList(0, 6), "E-Mail");
		try (Journal journal = Journal.open(folder.resolve("old.journal"))) {
			assertThrows(IllegalStateException.class, () -> new CampaignRunner(CAMPAIGN, journal, draftOnly)
					.withConfirmation(java.time.Duration.ofMillis(50), java.time.Duration.ofSeconds(30))
					.run(template, six, new NullProgressMonitor()));
		}
		int oldSent = emulator.sentItems(ANNA).size();
		UUID savedAs = UUID.fromString("9d2e7c41-0b5a-4f3e-8c6d-1a2b3c4d5e6f");
		try (Journal journal = Journal.open(folder.resolve("new.journal"))) {
			RunResult result = new CampaignRunner(savedAs, journal, transport).run(template, six, new NullProgressMonitor());
			assertEquals(6, result.sent(), "everybody gets the new campaign's message: " + result);
			assertEquals(0, result.alreadySent(), "nothing of the old campaign counts for the new one");
		}
		Map<String, Long> byTag = sentByTag();
		assertEquals(6, byTag.keySet().stream().filter(tag -> tag.startsWith(savedAs + "/")).count());
		assertEquals(oldSent, byTag.keySet().stream().filter(tag -> tag.startsWith(CAMPAIGN + "/")).count(),
				"the old campaign's messages are untouched: none sent now");
		assertEquals(1, emulator.drafts(ANNA).stream()
				.filter(m -> String.valueOf(m.property(GraphTransport.TAG)).startsWith(CAMPAIGN + "/")).count(),
				"the old campaign's draft is still a draft: not sent for the new one");
	}
}
