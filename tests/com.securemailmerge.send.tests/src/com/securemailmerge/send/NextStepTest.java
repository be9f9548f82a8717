package com.securemailmerge.send;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;

import com.securemailmerge.merge.CompiledTemplate;
import com.securemailmerge.merge.MergeInput;
import com.securemailmerge.merge.internal.HandlebarsMergeEngine;
import com.securemailmerge.model.BodyFormat;
import com.securemailmerge.model.FieldValue;
import com.securemailmerge.model.FieldValues;
import com.securemailmerge.model.Recipient;
import com.securemailmerge.model.RecipientKey;
import com.securemailmerge.model.Template;

/** The runner's decision for one recipient, without a slot, a pace or a thread. */
@org.eclipse.jdt.annotation.NonNullByDefault({})
class NextStepTest {

	private static final CompiledTemplate TEMPLATE = new HandlebarsMergeEngine().compile(new MergeInput(
			new Template("Hallo {{Name}}", "<p>Hallo {{Name}}</p>", BodyFormat.HTML, "", "{{Kopie}}", "", ""), List.of(),
			List.of("E-Mail", "Name", "Kopie"), "E-Mail", Locale.GERMANY)).template();

	private static Recipient recipient(String email, String name) {
		return new Recipient(new RecipientKey(email), FieldValues.of(new String[] { "E-Mail", "Name", "Kopie" },
				new FieldValue[] { FieldValue.text(email), FieldValue.text(name), FieldValue.text("chef@example.org") }));
	}

	private static JournalEntry entry(Recipient recipient, RecipientState state) {
		return new JournalEntry(Instant.parse("2026-12-04T08:00:00Z"), recipient.key(), state, "", 1);
	}

	@Test
	void oneSentIsNeverDeliveredAgainWhateverTheTemplateSaysNow() {
		Recipient anna = recipient("anna@example.org", "Anna");
		NextStep step = NextStep.of(anna, entry(anna, RecipientState.SENT), TEMPLATE, 0);
		assertEquals(NextStep.Kind.ALREADY_SENT, step.kind());
		assertNull(step.message());
	}

	@Test
	void aMessageIsDeliveredToEveryAddressOnItsLines() {
		Recipient anna = recipient("anna@example.org", "Anna");
		for (RecipientState earlier : new RecipientState[] { null, RecipientState.PLANNED, RecipientState.DRAFTED,
				RecipientState.SUBMITTED, RecipientState.FAILED, RecipientState.UNCONFIRMED }) {
			NextStep step = NextStep.of(anna, earlier == null ? null : entry(anna, earlier), TEMPLATE, 0);
			assertEquals(NextStep.Kind.DELIVER, step.kind(), String.valueOf(earlier));
			assertNotNull(step.message());
			assertEquals(2, step.addresses(), "To and Cc");
		}
	}

	/** An opted-out address on any line leaves the whole message out, named; "already sent" still wins. */
	@Test
	void anOptedOutAddressOnAnyLineLeavesTheMessageOut() {
		Recipient anna = recipient("anna@example.org", "Anna");
		NextStep byCc = NextStep.of(anna, null, TEMPLATE, 0, "CHEF@example.org"::equalsIgnoreCase);
		assertEquals(NextStep.Kind.OPTED_OUT, byCc.kind());
		assertEquals("chef@example.org", byCc.reason());
		assertNull(byCc.message());
		assertEquals(NextStep.Kind.OPTED_OUT, NextStep.of(anna, entry(anna, RecipientState.FAILED), TEMPLATE, 0,
				"anna@example.org"::equals).kind());
		assertEquals(NextStep.Kind.ALREADY_SENT, NextStep.of(anna, entry(anna, RecipientState.SENT), TEMPLATE, 0,
				"anna@example.org"::equals).kind());
	}

	/** A message that cannot be made (no name) of an opted-out address is left out, not refused as FAILED. */
	@Test
	void anOptOutWinsOverTheErrorsOfAMessageThatCannotBeMade() {
		Recipient nameless = recipient("bert@example.org", "");
		NextStep step = NextStep.of(nameless, null, TEMPLATE, 0, "bert@example.org"::equals, "E-Mail");
		assertEquals(NextStep.Kind.OPTED_OUT, step.kind());
		assertEquals("bert@example.org", step.reason());
		assertEquals(NextStep.Kind.REFUSE, NextStep.of(nameless, null, TEMPLATE, 0, "anna@example.org"::equals, "E-Mail").kind());
	}

	@Test
	void aMessageOverTheMailboxLimitIsRefusedWithBothSizes() {
		NextStep step = NextStep.of(recipient("anna@example.org", "Anna"), null, TEMPLATE, 100);
		assertEquals(NextStep.Kind.REFUSE, step.kind());
		assertTrue(step.reason().matches(".*\\b0\\.[0-9]\\b.*\\b0\\.0\\b.*"), step.reason()); // both sizes in MB, the limit 0.0
		assertEquals(0, step.addresses());
	}

	@Test
	void aMessageThatCannotBeMadeIsRefusedWithTheMergesReason() {
		Recipient nameless = recipient("bert@example.org", ""); // the subject prints Name: a missing value
		NextStep step = NextStep.of(nameless, null, TEMPLATE, 0);
		assertEquals(NextStep.Kind.REFUSE, step.kind());
		assertNull(step.message());
		assertTrue(step.reason().contains("Name"), step.reason());
	}
}
