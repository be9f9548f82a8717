package com.securemailmerge.send;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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
 * The runner against asynchronous submission as Microsoft documents it for {@code POST
 * /messages/{id}/send}: 202 Accepted, and the Sent Items copy "is not created until the message has
 * been successfully sent, which may take time", under the draft's immutable id. Messages are
 * confirmed by that id; a lost answer to {@code /send} never leads to a second message; a message
 * that never appears is UNCONFIRMED and is sent again only by the user's explicit choice.
 */
@org.eclipse.jdt.annotation.NonNullByDefault({})
class AsynchronousSubmissionTest {

	private static final UUID CAMPAIGN = UUID.fromString("0b9c2a11-6f5e-4e0a-9d7b-3c1f2e4d5a60");

	@TempDir
	Path folder;

	private CompiledTemplate template;
	private RecipientList list;

	@BeforeEach
	void prepare() {
		List<Recipient> recipients = new ArrayList<>();
		for (int i = 0; i < 200; i++) {
			recipients.add(new Recipient(new RecipientKey("mail:p" + i + "@example.org"), FieldValues.of(
					new String[] { "E-Mail" }, new FieldValue[] { FieldValue.text("p" + i + "@example.org") })));
		}
		list = new RecipientList(new SourceReference("csv", "x.csv"), List.of(Field.text("E-Mail")), recipients, "E-Mail");
		template = new HandlebarsMergeEngine().compile(new MergeInput(Template.of("Hallo", "<p>Hallo</p>",
				BodyFormat.HTML, ""), List.of(), List.of("E-Mail"), "E-Mail", Locale.GERMANY)).template();
	}

	private CampaignRunner runner(Journal journal, Transport transport) {
		return new CampaignRunner(CAMPAIGN, journal, transport).withBackoff(Duration.ofMillis(5))
				.withConfirmation(Duration.ofMillis(20), Duration.ofSeconds(20));
	}

	@Test
	void delayedCopiesAndLostAnswersToSendGiveEveryoneExactlyOneMessage() throws Exception {
		AsynchronousTransport transport = new AsynchronousTransport(42, 1500, 0.2);
		RunResult result;
		try (Journal journal = Journal.open(folder.resolve("a.journal"))) {
			result = runner(journal, transport).run(template, list, new NullProgressMonitor());
			for (Recipient recipient : list.recipients()) {
				assertEquals(RecipientState.SENT, journal.state(recipient.key()), recipient.key().value());
			}
			assertTrue(journal.entries().stream().anyMatch(e -> e.state() == RecipientState.SUBMITTED),
					"messages are SUBMITTED before they are confirmed");
		}
		assertEquals(200, result.sent() + result.alreadySent(), result.toString());
		assertEquals(0, result.unconfirmed());
		assertEquals(200, transport.drafts.get(), "one draft per recipient: a lost answer to /send made no second one");
		assertEquals(200, transport.sends.get(), "each message submitted once");
		transport.deliveredByTag.forEach((tag, times) -> assertEquals(1, times.get(), tag));
	}

	@Test
	void aMessageThatNeverAppearsIsUnconfirmedAndSentAgainOnlyWhenTheUserChooses() throws Exception {
		AsynchronousTransport transport = new AsynchronousTransport(7, 0, 0);
		transport.vanishing = "mail:p5@example.org"; // deleted by the user before its copy was made
		RecipientKey five = new RecipientKey("mail:p5@example.org");
		try (Journal journal = Journal.open(folder.resolve("b.journal"))) {
			RunResult first = new CampaignRunner(CAMPAIGN, journal, transport)
					.withConfirmation(Duration.ofMillis(20), Duration.ofMillis(400)).run(template, list, new NullProgressMonitor());
			assertEquals(199, first.sent());
			assertEquals(1, first.unconfirmed());
			assertEquals(RecipientState.UNCONFIRMED, journal.state(five));
			assertTrue(journal.last(five).detail().contains("Sent Items"), journal.last(five).detail());

			RunResult second = runner(journal, transport).run(template, list, new NullProgressMonitor());
			assertEquals(0, second.sent(), "an unconfirmed message is not sent again by itself");
			assertEquals(200, transport.sends.get());

			transport.vanishing = "";
			RunResult chosen = new CampaignRunner(CAMPAIGN, journal, transport)
					.withConfirmation(Duration.ofMillis(20), Duration.ofSeconds(20))
					.run(template, list, new RunControl().retryUnconfirmed(true), new NullProgressMonitor());
			// its first copy appeared meanwhile: found, not sent a second time
			assertEquals(200, transport.sends.get(), chosen.toString());
			assertEquals(RecipientState.SENT, journal.state(five));
		}
	}

	@Test
	void aRunKilledAfterSubmittingConfirmsOnResumeWithoutSendingAgain() throws Exception {
		AsynchronousTransport transport = new AsynchronousTransport(3, 300, 0);
		Recipient first = list.recipients().get(0);
		String tag = CampaignRunner.tag(CAMPAIGN, first);
		String id = transport.deliver(java.util.Objects.requireNonNull(template.render(first).message()), tag, d -> { });
		try (Journal journal = Journal.open(folder.resolve("c.journal"))) {
			journal.record(first.key(), RecipientState.PLANNED, tag);
			journal.record(first.key(), RecipientState.DRAFTED, id); // killed before SUBMITTED was recorded
		}
		try (Journal journal = Journal.open(folder.resolve("c.journal"))) {
			RunResult result = runner(journal, transport).run(template, list, new NullProgressMonitor());
			assertEquals(RecipientState.SENT, journal.state(first.key()));
			assertEquals(200, transport.sends.get(), "the first message was not sent again: " + result);
			assertEquals(1, transport.deliveredByTag.get(tag).get());
		}
	}

	@Test
	void theUsersChoiceSendsAnUnconfirmedMessageAgainWhenItIsStillNowhere() throws Exception {
		AsynchronousTransport transport = new AsynchronousTransport(9, 0, 0);
		transport.vanishing = "mail:p9@example.org";
		RecipientKey nine = new RecipientKey("mail:p9@example.org");
		try (Journal journal = Journal.open(folder.resolve("d.journal"))) {
			new CampaignRunner(CAMPAIGN, journal, transport).withConfirmation(Duration.ofMillis(20), Duration.ofMillis(300))
					.run(template, list, new NullProgressMonitor());
			assertEquals(RecipientState.UNCONFIRMED, journal.state(nine));
			new CampaignRunner(CAMPAIGN, journal, transport).withConfirmation(Duration.ofMillis(20), Duration.ofMillis(300))
					.run(template, list, new RunControl().retryUnconfirmed(true), new NullProgressMonitor());
			assertEquals(201, transport.sends.get(), "sent again, once, because the user chose it");
			assertEquals(2, transport.deliveredByTag.get(CampaignRunner.tag(CAMPAIGN, list.recipients().get(9))).get());
		}
	}

	@Test
	void aMessageThatStaysADraftAfterItsSendWasAcceptedIsSentAgainOnceAndOnlyOnce() throws Exception {
		AsynchronousTransport transport = new AsynchronousTransport(5, 0, 0);
		transport.staysDraft = "mail:p3@example.org";
		RecipientKey three = new RecipientKey("mail:p3@example.org");
		try (Journal journal = Journal.open(folder.resolve("e.journal"))) {
			// a short window: a draft is handed back after a quarter of it (never on one early reading)
			RunResult result = new CampaignRunner(CAMPAIGN, journal, transport)
					.withConfirmation(Duration.ofMillis(20), Duration.ofSeconds(2)).run(template, list, new NullProgressMonitor());
			assertEquals(RecipientState.SENT, journal.state(three), String.valueOf(journal.entries(three)));
			assertEquals(200, result.sent(), result.toString());
			assertTrue(journal.entries(three).stream().anyMatch(e -> e.state() == RecipientState.DRAFTED
					&& journal.entries(three).indexOf(e) > 2), "found still a draft, recorded, then sent again");
		}
		assertEquals(201, transport.sends.get(), "one more send for the message that stayed a draft");
		assertEquals(200, transport.drafts.get(), "the same draft, not a second one");
		assertEquals(1, transport.deliveredByTag.get(CampaignRunner.tag(CAMPAIGN, list.recipients().get(3))).get(),
				"it went out once");
	}
}
