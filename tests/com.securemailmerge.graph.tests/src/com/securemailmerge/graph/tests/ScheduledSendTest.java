package com.securemailmerge.graph.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.microsoft.graph.models.BodyType;
import com.microsoft.graph.models.EmailAddress;
import com.microsoft.graph.models.ItemBody;
import com.microsoft.graph.models.Message;
import com.microsoft.graph.models.Recipient;
import com.microsoft.graph.models.SingleValueLegacyExtendedProperty;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import com.securemailmerge.auth.AuthConfiguration;
import com.securemailmerge.auth.Scopes;
import com.securemailmerge.auth.internal.MsalAuthService;
import com.securemailmerge.emulator.EmulatedMessage;
import com.securemailmerge.emulator.Emulator;
import com.securemailmerge.emulator.Fault;
import com.securemailmerge.emulator.Mailbox;
import com.securemailmerge.graph.internal.GraphMailboxService;
import com.securemailmerge.graph.internal.GraphTransport;
import com.securemailmerge.merge.CompiledTemplate;
import com.securemailmerge.merge.MergeInput;
import com.securemailmerge.merge.internal.HandlebarsMergeEngine;
import com.securemailmerge.model.BodyFormat;
import com.securemailmerge.model.Field;
import com.securemailmerge.model.FieldValue;
import com.securemailmerge.model.FieldValues;
import com.securemailmerge.model.RecipientKey;
import com.securemailmerge.model.RecipientList;
import com.securemailmerge.model.SourceReference;
import com.securemailmerge.model.Template;
import com.securemailmerge.send.CampaignRunner;
import com.securemailmerge.send.Journal;
import com.securemailmerge.send.RunResult;
import com.securemailmerge.send.Withdrawal;

/**
 * Sending later through the real Graph SDK against the emulator, which models Exchange's deferred
 * delivery as Microsoft documents PidTagDeferredSendTime ({@code SystemTime 0x3FEF}): a sent draft
 * with a time to come is held in the Outbox until then, a time that has passed sends at once, and a
 * message deleted from the Outbox never goes out. Drafts carry the time, staggered to at most 30 a
 * minute; a resume makes no second message; withdrawing deletes exactly those not yet due.
 */
final class ScheduledSendTest {

	private static final Mailbox ANNA = Mailbox.of("anna@verein.example", "Anna Weber");
	private static final UUID CAMPAIGN = UUID.fromString("9a7b6c5d-4e3f-4a1b-8c2d-1e0f9a8b7c6d");

	@TempDir
	Path folder;

	private Emulator emulator;
	private GraphTransport transport;
	private MsalAuthService auth;
	private CompiledTemplate template;
	private RecipientList list;
	private Instant at;

	@BeforeEach
	void start() throws Exception {
		emulator = Emulator.start();
		auth = new MsalAuthService(new AuthConfiguration("3f0c2b7e-1d2a-4c5b-8e9f-0a1b2c3d4e5f",
				emulator.authority(), emulator.sslSocketFactory(), null));
		auth.signInWithDeviceCode(Set.of(Scopes.USER_READ), prompt -> emulator.approveDeviceCodes(ANNA),
				new NullProgressMonitor());
		transport = new GraphTransport(
				new GraphMailboxService(auth, emulator.graphBase(), emulator.clientSslContext(), emulator.trustManager()));
		String[] names = { "E-Mail", "Vorname" };
		List<com.securemailmerge.model.Recipient> recipients = new ArrayList<>();
		for (int i = 0; i < 70; i++) {
			recipients.add(new com.securemailmerge.model.Recipient(new RecipientKey("mail:p" + i + "@example.org"),
					FieldValues.of(names, new FieldValue[] { FieldValue.text("p" + i + "@example.org"),
							FieldValue.text("P\u00e4" + i) })));
		}
		list = new RecipientList(new SourceReference("csv", "x.csv"), List.of(Field.text("E-Mail"), Field.text("Vorname")),
				recipients, "E-Mail");
		template = new HandlebarsMergeEngine().compile(new MergeInput(
				Template.of("Einladung f\u00fcr {{Vorname}}", "<p>Hallo {{Vorname}}</p>", BodyFormat.HTML, ""), List.of(),
				List.of("E-Mail", "Vorname"), "E-Mail", Locale.GERMANY)).template();
		at = Instant.now().plus(Duration.ofMinutes(10)).truncatedTo(ChronoUnit.MINUTES).plusSeconds(10);
	}

	@AfterEach
	void stop() {
		emulator.close();
	}

	private CampaignRunner runner(Journal journal) {
		return new CampaignRunner(CAMPAIGN, journal, transport).withBackoff(Duration.ofMillis(20)).withConfirmation(Duration.ofMillis(50),
				Duration.ofSeconds(30));
	}

	private static Instant due(EmulatedMessage message) {
		return OffsetDateTime.parse(String.valueOf(message.property(GraphTransport.DEFERRED_SEND_TIME))).toInstant();
	}

	private Map<String, Long> sentByTag() {
		return emulator.sentItems(ANNA).stream()
				.collect(Collectors.groupingBy(m -> String.valueOf(m.property(GraphTransport.TAG)), Collectors.counting()));
	}

	@Test
	void scheduledDraftsCarryTheirTimeStaggeredAndWithdrawingRemovesThoseNotYetDue() throws Exception {
		emulator.injectFaults(Fault.LOST_ANSWER, 0.1, 20261204L); // some answers are lost after the request was done
		try (Journal journal = Journal.open(folder.resolve("s.journal"))) {
			RunResult result = runner(journal).withSendAt(at).run(template, list, new NullProgressMonitor());
			assertEquals(70, result.scheduled(), result.toString());
		}
		emulator.injectFaults(null, 0, 1);
		List<EmulatedMessage> held = emulator.outbox(ANNA);
		assertEquals(70, held.size(), "held in the Outbox");
		assertEquals(70, held.stream().map(m -> m.property(GraphTransport.TAG)).distinct().count(), "once each");
		assertTrue(emulator.sentItems(ANNA).isEmpty(), "nothing went out before its time");
		assertTrue(emulator.drafts(ANNA).isEmpty(), "no draft left behind by a lost answer");
		Map<Instant, Integer> minutes = new TreeMap<>();
		held.forEach(m -> minutes.merge(due(m).truncatedTo(ChronoUnit.MINUTES), 1, Integer::sum));
		assertEquals(List.of(30, 30, 10), List.copyOf(minutes.values()), minutes.toString());
		assertEquals(at, held.stream().map(ScheduledSendTest::due).min(Instant::compareTo).orElseThrow());

		// a resume after a crash: nothing is made or scheduled a second time
		long posts = emulator.graphRequests().size();
		try (Journal journal = Journal.open(folder.resolve("s.journal"))) {
			RunResult again = runner(journal).withSendAt(at).run(template, list, new NullProgressMonitor());
			assertEquals(70, again.scheduled(), again.toString());
		}
		assertEquals(70, emulator.outbox(ANNA).size());
		assertTrue(emulator.graphRequests().stream().skip(posts).noneMatch(r -> r.method().equals("POST")),
				"no request made anything");

		// the first minute comes: those thirty go out; the forty others are withdrawn
		emulator.advanceClock(Duration.between(Instant.now(), at).plusSeconds(1));
		assertTrue(emulator.awaitSubmissions(Duration.ofSeconds(10)));
		assertEquals(30, emulator.sentItems(ANNA).size());
		try (Journal journal = Journal.open(folder.resolve("s.journal"))) {
			Withdrawal.Result withdrawn = Withdrawal.run(CAMPAIGN, journal, transport, list, Instant.now(),
					new NullProgressMonitor());
			assertEquals(new Withdrawal.Result(40, 30, 0, 0), withdrawn);
		}
		assertTrue(emulator.outbox(ANNA).isEmpty(), "the Outbox is empty");
		emulator.advanceClock(Duration.ofHours(2));
		assertTrue(emulator.awaitSubmissions(Duration.ofSeconds(10)));
		assertEquals(30, emulator.deliveredCount(), "a withdrawn message never goes out");

		// sent now: the forty go out once, the thirty are not sent again
		try (Journal journal = Journal.open(folder.resolve("s.journal"))) {
			RunResult now = runner(journal).run(template, list, new NullProgressMonitor());
			assertEquals(40, now.sent(), now.toString());
		}
		Map<String, Long> sent = sentByTag();
		assertEquals(70, sent.size());
		assertTrue(sent.values().stream().allMatch(n -> n == 1), "everybody exactly once");
	}

	@Test
	void theEmulatorRefusesATimeItCannotReadAndSendsOneWhoseTimeHasPassedAtOnce() throws Exception {
		GraphServiceClient client = DirectGraph.client(auth, emulator);
		assertThrows(Exception.class, () -> client.me().messages().post(message("morgen fr\u00fch")),
				"Graph refuses a SystemTime value that is no date and time (400)");
		Message past = client.me().messages().post(message(Instant.now().minus(Duration.ofHours(1)).toString()));
		client.me().messages().byMessageId(past.getId()).send().post();
		assertTrue(emulator.awaitSubmissions(Duration.ofSeconds(10)));
		assertTrue(emulator.outbox(ANNA).isEmpty(), "not held");
		assertEquals(1, emulator.sentItems(ANNA).size(), "a time that has passed sends at once, as documented");
		assertThrows(Exception.class, () -> client.me().messages().byMessageId(past.getId()).send().post(),
				"a message that was sent is no draft and cannot be sent again");
	}

	private static Message message(String time) {
		Message message = new Message();
		message.setSubject("Test");
		ItemBody body = new ItemBody();
		body.setContentType(BodyType.Html);
		body.setContent("<p>Test</p>");
		message.setBody(body);
		EmailAddress address = new EmailAddress();
		address.setAddress("x@example.org");
		Recipient to = new Recipient();
		to.setEmailAddress(address);
		message.setToRecipients(List.of(to));
		SingleValueLegacyExtendedProperty property = new SingleValueLegacyExtendedProperty();
		property.setId(GraphTransport.DEFERRED_SEND_TIME);
		property.setValue(time);
		message.setSingleValueExtendedProperties(List.of(property));
		return message;
	}
}
