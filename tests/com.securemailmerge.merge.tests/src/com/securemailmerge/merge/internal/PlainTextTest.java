package com.securemailmerge.merge.internal;

import static com.securemailmerge.merge.internal.MergeFixture.recipient;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.securemailmerge.merge.CompiledTemplate;
import com.securemailmerge.model.MergedMessage;
import com.securemailmerge.model.Recipient;

/**
 * The plain-text alternative comes from the template's text twin when that is safe; it must say
 * exactly what converting each message's HTML says.
 */
@org.eclipse.jdt.annotation.NonNullByDefault({})
class PlainTextTest {

	private static final String NEWSLETTER = """
			<!DOCTYPE html>
			<html><head><meta charset="utf-8"><title>Einladung</title><style>td{padding:4px}</style></head><body>
			{{#eq Sprache "de"}}<p>Liebe{{#eq Anrede "Herr"}}r{{/eq}} {{Vorname}},</p>{{else}}<p>Dear {{Vorname}},</p>{{/eq}}
			<h1>Ihre Angaben</h1>
			<table>
			<tr><td>Name</td><td>{{Vorname}} {{Nachname}}</td></tr>
			{{#if Firma}}<tr><td>Firma</td><td>{{Firma}}</td></tr>{{/if}}
			<tr><td>Betrag</td><td>{{number Betrag "#,##0.00 €"}}</td></tr>
			</table>
			<ul><li>Essen</li><li>Musik<br>bis Mitternacht</li></ul>
			<p><a href="https://example.org/anmelden">Anmelden</a> &amp; mehr&nbsp;Infos</p>
			</body></html>
			""";

	@Test
	void theTextTwinSaysWhatConvertingEachMessageSays() {
		assertNotNull(PlainText.template(NEWSLETTER), "tags between table rows keep their place in XML mode");
		CompiledTemplate template = MergeFixture.compiled("s", NEWSLETTER);
		List<Recipient> recipients = List.of(
				recipient(2, "E-Mail", "a@example.org", "Vorname", "Anna", "Nachname", "Weber", "Sprache", "de",
						"Anrede", "Frau", "Firma", "Müller & Söhne <GmbH>", "Betrag", "12,5"),
				recipient(3, "E-Mail", "b@example.org", "Vorname", "Bob", "Nachname", "Smith", "Sprache", "en",
						"Anrede", "Herr", "Betrag", "1.234,50"),
				recipient(4, "E-Mail", "c@example.org", "Vorname", "Jo  Ann", "Nachname", "X", "Sprache", "de",
						"Anrede", "Herr", "Firma", "ACME", "Betrag", "0"));
		for (Recipient recipient : recipients) {
			MergedMessage message = template.render(recipient).message();
			assertNotNull(message);
			String converted = PlainText.of(message.htmlBody());
			assertEquals(converted.replaceAll("[ \\t]+", " "), message.textBody().replaceAll("[ \\t]+", " "),
					"recipient " + recipient.key());
		}
		MergedMessage anna = template.render(recipients.get(0)).message();
		assertTrue(anna.textBody().contains("Firma\tMüller & Söhne <GmbH>"), anna.textBody());
		assertTrue(anna.textBody().contains("Anmelden <https://example.org/anmelden> & mehr Infos"), anna.textBody());
		assertTrue(!template.render(recipients.get(1)).message().textBody().contains("Firma"));
	}

	@Test
	void aTagInAnAttributeFallsBackToConvertingEachMessage() {
		String html = "<p><img alt=\"{{Vorname}}\" src=\"x.png\">Hallo {{Vorname}}</p>";
		assertNull(PlainText.template(html));
		MergedMessage message = MergeFixture.render("s", html, recipient(2, "E-Mail", "a@example.org", "Vorname", "Anna"))
				.message();
		assertNotNull(message);
		assertEquals("Hallo Anna\n", message.textBody());
	}

	@Test
	void aLinkTargetFromAFieldFollowsTheLinkText() {
		String html = "<p>Bitte <a href=\"{{Firma}}\">hier</a> anmelden.</p>";
		MergedMessage message = MergeFixture.render("s", html,
				recipient(2, "E-Mail", "a@example.org", "Firma", "https://example.org/x?id=1&b=2")).message();
		assertNotNull(message);
		assertEquals("Bitte hier <https://example.org/x?id=1&b=2> anmelden.\n", message.textBody());
	}
}
