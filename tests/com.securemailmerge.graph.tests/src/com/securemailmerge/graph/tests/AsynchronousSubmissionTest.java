package com.securemailmerge.graph.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.microsoft.graph.models.BodyType;
import com.microsoft.graph.models.EmailAddress;
import com.microsoft.graph.models.ItemBody;
import com.microsoft.graph.models.Message;
import com.microsoft.graph.models.SingleValueLegacyExtendedProperty;
import com.microsoft.graph.models.odataerrors.ODataError;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import com.microsoft.graph.users.item.sendmail.SendMailPostRequestBody;
import com.securemailmerge.auth.AuthConfiguration;
import com.securemailmerge.auth.Scopes;
import com.securemailmerge.auth.internal.MsalAuthService;
import com.securemailmerge.emulator.EmulatedMessage;
import com.securemailmerge.emulator.Emulator;
import com.securemailmerge.emulator.Fault;
import com.securemailmerge.emulator.GraphRequest;
import com.securemailmerge.emulator.Mailbox;
import com.securemailmerge.graph.internal.GraphMailboxService;
import com.securemailmerge.graph.internal.GraphTransport;
import com.securemailmerge.model.MergedMessage;
import com.securemailmerge.model.RecipientKey;
import com.securemailmerge.send.TransientFailure;
import com.securemailmerge.send.Transport.Presence;

/**
 * Exchange's asynchronous submission, as Microsoft documents it for {@code POST /me/messages/{id}/send}:
 * the answer is 202 Accepted, the message is sent asynchronously, and its Sent Items copy "is not
 * created until the message has been successfully sent, which may take time"; with
 * {@code Prefer: IdType="ImmutableId"} the draft's id stays the id of that copy. In between, the
 * message is in no folder: GET by its id answers 404 ErrorItemNotFound and no $filter finds it. The
 * emulator models that with a submission delay; the Graph transport confirms a message by its id.
 */
final class AsynchronousSubmissionTest {

	private static final Mailbox ANNA = Mailbox.of("anna@verein.example", "Anna Weber");
	private static final String CAMPAIGN = "7d1e2c3b-4a5f-4e6d-8c7b-9a0b1c2d3e4f";

	private Emulator emulator;
	private GraphServiceClient graph;
	private GraphTransport transport;

	@BeforeEach
	void start() throws Exception {
		emulator = Emulator.start();
		MsalAuthService auth = new MsalAuthService(new AuthConfiguration("3f0c2b7e-1d2a-4c5b-8e9f-0a1b2c3d4e5f",
				emulator.authority(), emulator.sslSocketFactory(), null));
		auth.signInWithDeviceCode(Set.of(Scopes.USER_READ), prompt -> emulator.approveDeviceCodes(ANNA),
				new NullProgressMonitor());
		graph = DirectGraph.client(auth, emulator);
		transport = new GraphTransport(
				new GraphMailboxService(auth, emulator.graphBase(), emulator.clientSslContext(), emulator.trustManager()));
	}

	@AfterEach
	void stop() {
		emulator.close();
	}

	private Message draft(String tag) {
		Message message = new Message();
		message.setSubject("Einladung " + tag);
		ItemBody body = new ItemBody();
		body.setContentType(BodyType.Html);
		body.setContent("<p>Liebe Clara</p>");
		message.setBody(body);
		message.setToRecipients(List.of(recipient("clara@example.org")));
		SingleValueLegacyExtendedProperty property = new SingleValueLegacyExtendedProperty();
		property.setId(GraphTransport.TAG);
		property.setValue(tag);
		message.setSingleValueExtendedProperties(List.of(property));
		return graph.me().messages().post(message);
	}

	private static com.microsoft.graph.models.Recipient recipient(String address) {
		EmailAddress email = new EmailAddress();
		email.setAddress(address);
		com.microsoft.graph.models.Recipient recipient = new com.microsoft.graph.models.Recipient();
		recipient.setEmailAddress(email);
		return recipient;
	}

	private List<String> findByTag(String folder, String tag) {
		return graph.me().mailFolders().byMailFolderId(folder).messages()
				.get(r -> r.queryParameters.filter = "singleValueExtendedProperties/Any(ep: ep/id eq '" + GraphTransport.TAG
						+ "' and ep/value eq '" + tag + "')")
				.getValue().stream().map(Message::getId).toList();
	}

	private static MergedMessage message(int row) {
		return new MergedMessage(new RecipientKey("row:" + row), List.of("P" + row + " <p" + row + "@example.org>"),
				List.of(), List.of(), List.of(), "Hallo P" + row, "<p>Hallo P" + row + "</p>", "Hallo P" + row + "\n", List.<Path>of());
	}

	private static String tag(int row) {
		return CAMPAIGN + "/row:" + row;
	}

	/**
	 * The documented sequence with a 3 s submission: after the 202 the draft has left Drafts, its id is
	 * not found and Sent Items does not have it yet; after the delay Sent Items has it under the same id.
	 */
	@Test
	void aSentDraftIsNowhereUntilItsSentItemsCopyAppearsUnderTheSameId() throws Exception {
		String tag = tag(2);
		String id = draft(tag).getId();
		assertEquals(Boolean.TRUE, graph.me().messages().byMessageId(id).get().getIsDraft());
		emulator.setSubmissionDelay(Duration.ofSeconds(3));
		long sent = System.nanoTime();
		graph.me().messages().byMessageId(id).send().post();

		assertEquals(1, emulator.pendingSubmissions());
		assertTrue(emulator.drafts(ANNA).isEmpty(), "out of Drafts at once");
		assertTrue(emulator.sentItems(ANNA).isEmpty(), "not yet in Sent Items");
		assertEquals(0, emulator.deliveredCount(), "not yet known to be sent");
		ODataError notFound = assertThrows(ODataError.class, () -> graph.me().messages().byMessageId(id).get());
		assertEquals(404, notFound.getResponseStatusCode());
		assertEquals("ErrorItemNotFound", notFound.getError().getCode());
		assertEquals(List.of(), findByTag("drafts", tag));
		assertEquals(List.of(), findByTag("sentitems", tag));
		assertTrue(graph.me().messages().get().getValue().isEmpty(), "in no folder");
		assertTrue(System.nanoTime() - sent < Duration.ofSeconds(3).toNanos(), "all of this was seen within the delay");

		assertTrue(emulator.awaitSubmissions(Duration.ofSeconds(10)));
		assertTrue(System.nanoTime() - sent >= Duration.ofSeconds(3).toNanos(), "the copy came after the delay, not before");
		assertEquals(0, emulator.pendingSubmissions());
		List<EmulatedMessage> copies = emulator.sentItems(ANNA);
		assertEquals(1, copies.size());
		assertEquals(id, copies.get(0).id(), "the immutable id of the draft is the copy's");
		Message copy = graph.me().messages().byMessageId(id).get();
		assertEquals(id, copy.getId());
		assertEquals(Boolean.FALSE, copy.getIsDraft());
		String sentItems = graph.me().mailFolders().byMailFolderId("sentitems").get().getId();
		assertEquals(sentItems, copy.getParentFolderId(), "the folder's id, as Graph gives it");
		assertNotEquals("sentitems", sentItems);
		assertEquals(sentItems, graph.me().mailFolders().byMailFolderId(sentItems).get().getId(), "found by its id too");
		assertEquals(List.of(id), findByTag("sentitems", tag));
		assertEquals(List.of(), findByTag("drafts", tag));
		assertEquals(1, emulator.deliveredCount());
		assertEquals(id, emulator.delivered().get(0).id());
	}

	/** sendMail is submitted the same way: its Sent Items copy (if saved) comes after the delay. */
	@Test
	void sendMailIsSubmittedAsynchronouslyToo() throws Exception {
		emulator.setSubmissionDelay(Duration.ofSeconds(2));
		SendMailPostRequestBody saved = new SendMailPostRequestBody();
		Message first = new Message();
		first.setSubject("Gespeichert");
		first.setToRecipients(List.of(recipient("clara@example.org")));
		saved.setMessage(first);
		saved.setSaveToSentItems(Boolean.TRUE); // the SDK sends false when it is not set
		graph.me().sendMail().post(saved);
		SendMailPostRequestBody unsaved = new SendMailPostRequestBody();
		Message second = new Message();
		second.setSubject("Nicht gespeichert");
		second.setToRecipients(List.of(recipient("clara@example.org")));
		unsaved.setMessage(second);
		unsaved.setSaveToSentItems(Boolean.FALSE);
		graph.me().sendMail().post(unsaved);

		assertEquals(2, emulator.pendingSubmissions());
		assertEquals(0, emulator.deliveredCount());
		assertTrue(emulator.sentItems(ANNA).isEmpty());
		assertTrue(graph.me().mailFolders().byMailFolderId("sentitems").messages().get().getValue().isEmpty());

		assertTrue(emulator.awaitSubmissions(Duration.ofSeconds(10)));
		assertEquals(2, emulator.deliveredCount(), "both left the mailbox");
		assertEquals(List.of("Gespeichert"), emulator.sentItems(ANNA).stream().map(EmulatedMessage::subject).toList(),
				"only the one saved to Sent Items is there");
	}

	/**
	 * A lost answer to send (carried out, the 202 never arrives) during submission: the message is
	 * submitted all the same, exactly once; sending it again before its copy exists finds no item (404).
	 */
	@Test
	void aSendWhoseAnswerWasLostIsSubmittedOnceAndCannotBeSentAgain() throws Exception {
		String tag = tag(3);
		String id = draft(tag).getId();
		emulator.setSubmissionDelay(Duration.ofSeconds(2));
		emulator.injectFaults(Fault.LOST_ANSWER, 1.0, 1);
		assertThrows(Exception.class, () -> graph.me().messages().byMessageId(id).send().post(),
				"no answer came");
		emulator.injectFaults(null, 0, 0);
		// the emulator records a request once its handler returned, which may be after the client saw the close
		long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
		List<GraphRequest> sends;
		while ((sends = emulator.graphRequests().stream().filter(r -> r.path().endsWith("/send")).toList()).isEmpty()
				&& System.nanoTime() < deadline) {
			Thread.sleep(10);
		}
		assertEquals(1, sends.size(), "sent once, not repeated by the client: " + sends);
		assertEquals(0, sends.get(0).status(), "the answer was lost");

		assertEquals(1, emulator.pendingSubmissions(), "but the send was carried out");
		assertTrue(emulator.drafts(ANNA).isEmpty());
		ODataError again = assertThrows(ODataError.class, () -> graph.me().messages().byMessageId(id).send().post());
		assertEquals(404, again.getResponseStatusCode());
		assertEquals("ErrorItemNotFound", again.getError().getCode());

		assertTrue(emulator.awaitSubmissions(Duration.ofSeconds(10)));
		assertEquals(1, emulator.deliveredCount(), "sent once");
		assertEquals(List.of(id), findByTag("sentitems", tag));
	}

	/** The transport's presence through the states: a draft, submitted (not found), sent (in Sent Items). */
	@Test
	void presenceIsDraftThenUnknownWhileSubmittedThenSent() throws Exception {
		assertTrue(transport.confirmsLater());
		MergedMessage message = message(4);
		String tag = tag(4);
		AtomicReference<String> drafted = new AtomicReference<>();
		emulator.setMaxMessageSize(ANNA, 10); // the draft is made, sending it fails: it stays a draft
		assertThrows(IOException.class, () -> transport.deliver(message, tag, drafted::set));
		String id = drafted.get();
		assertEquals(Presence.DRAFT, transport.presence(id));

		emulator.setMaxMessageSize(ANNA, 36_700_160);
		emulator.setSubmissionDelay(Duration.ofSeconds(3));
		assertEquals(id, transport.deliver(message, tag, drafted::set), "the draft was sent, under its id");
		assertEquals(Presence.UNKNOWN, transport.presence(id), "submitted: not found until its copy exists");
		assertEquals(1, emulator.pendingSubmissions());
		assertTrue(transport.findDelivered(tag).isEmpty(), "the tag finds nothing either, while submitted");

		assertTrue(emulator.awaitSubmissions(Duration.ofSeconds(10)));
		assertEquals(Presence.SENT, transport.presence(id));
		assertEquals(Presence.SENT, transport.presence(id));
		assertEquals(id, transport.findDelivered(tag).orElseThrow());
		assertEquals(1, emulator.graphRequests().stream()
				.filter(r -> r.method().equals("GET") && r.path().equals("/v1.0/me/mailFolders/sentitems")).count(),
				"the Sent Items folder's id is asked for once");
		List<GraphRequest> lookups = emulator.graphRequests().stream()
				.filter(r -> r.method().equals("GET") && r.path().equals("/v1.0/me/messages/" + id)).toList();
		assertEquals(4, lookups.size());
		assertTrue(lookups.stream().allMatch(r -> r.prefer().contains("IdType=\"ImmutableId\"")),
				"by immutable id, which the copy keeps: " + lookups);
		assertTrue(lookups.stream().allMatch(r -> r.query().contains("isDraft") && r.query().contains("parentFolderId")),
				"selecting what it needs: " + lookups);

		assertEquals(Presence.UNKNOWN, transport.presence("AAkALg" + UUID.randomUUID().toString().replace("-", "")),
				"never there (or deleted)");
		emulator.injectFaults(Fault.DROP, 1.0, 1); // no answer at all is no answer about the message
		assertThrows(TransientFailure.class, () -> transport.presence(id));
	}

	/**
	 * Twenty messages whose submissions take 0 to 2 s each (seeded): while under way none is a draft
	 * again; afterwards each is in Sent Items exactly once, under the id deliver returned, and SENT.
	 */
	@Test
	void randomSubmissionDelaysEveryMessageAppearsExactlyOnce() throws Exception {
		emulator.setSubmissionDelay(Duration.ZERO, Duration.ofSeconds(2), 4711); // the last two: 1.6 s
		List<String> ids = new ArrayList<>();
		for (int row = 2; row < 22; row++) {
			ids.add(transport.deliver(message(row), tag(row), id -> { }));
		}
		assertEquals(20, new HashSet<>(ids).size());
		assertTrue(emulator.pendingSubmissions() > 0, "some are still being submitted");
		while (emulator.pendingSubmissions() > 0) {
			for (String id : ids) {
				Presence presence = transport.presence(id);
				assertNotEquals(Presence.DRAFT, presence, id);
				if (presence == Presence.SENT) {
					assertTrue(emulator.sentItems(ANNA).stream().anyMatch(m -> m.id().equals(id)), id);
				}
			}
		}
		assertTrue(emulator.awaitSubmissions(Duration.ofSeconds(10)));
		Map<String, Long> byTag = emulator.sentItems(ANNA).stream()
				.collect(Collectors.groupingBy(m -> String.valueOf(m.property(GraphTransport.TAG)), Collectors.counting()));
		assertEquals(20, byTag.size(), byTag.toString());
		assertTrue(byTag.values().stream().allMatch(n -> n == 1), byTag.toString());
		assertEquals(Set.copyOf(ids), emulator.sentItems(ANNA).stream().map(EmulatedMessage::id).collect(Collectors.toSet()));
		assertEquals(20, emulator.deliveredCount());
		assertTrue(emulator.drafts(ANNA).isEmpty());
		for (int row = 2; row < 22; row++) {
			assertEquals(ids.get(row - 2), transport.findDelivered(tag(row)).orElseThrow());
			assertEquals(Presence.SENT, transport.presence(ids.get(row - 2)));
		}
	}
}
