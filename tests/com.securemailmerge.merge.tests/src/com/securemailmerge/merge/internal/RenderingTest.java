package com.securemailmerge.merge.internal;

import static com.securemailmerge.merge.internal.MergeFixture.compiled;
import static com.securemailmerge.merge.internal.MergeFixture.recipient;
import static com.securemailmerge.merge.internal.MergeFixture.render;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.securemailmerge.merge.CompiledTemplate;
import com.securemailmerge.merge.Rendering;
import com.securemailmerge.model.Attachment;
import com.securemailmerge.model.BodyFormat;
import com.securemailmerge.model.MergedMessage;
import com.securemailmerge.model.Problem;
import com.securemailmerge.model.Template;

@org.eclipse.jdt.annotation.NonNullByDefault({})
class RenderingTest {

	private static final String ANNA = "anna@example.org";

	@Test
	void fieldsWithUmlautsAndSpacesRender() {
		Rendering rendering = render("Hallo {{Vorname}}", "<p>{{Straße}}, seit {{[Mitglied seit]}}</p>",
				recipient(2, "E-Mail", ANNA, "Vorname", "Jörg", "Straße", "Lindenstraße 5", "Mitglied seit", "2019"));
		MergedMessage message = rendering.message();
		assertNotNull(message, () -> rendering.problems().toString());
		assertEquals("Hallo Jörg", message.subject());
		assertTrue(message.htmlBody().contains("<p>Lindenstraße 5, seit 2019</p>"), message.htmlBody());
		assertEquals(List.of(ANNA), message.to());
	}

	@Test
	void valuesAreHtmlEscapedInTheBodyButNotInTheSubject() {
		MergedMessage message = render("Angebot für {{Firma}}", "<p>{{Firma}}</p>",
				recipient(2, "E-Mail", ANNA, "Firma", "Müller & Söhne <GmbH>")).message();
		assertNotNull(message);
		assertEquals("Angebot für Müller & Söhne <GmbH>", message.subject());
		assertTrue(message.htmlBody().contains("<p>Müller &amp; Söhne &lt;GmbH&gt;</p>"), message.htmlBody());
		assertFalse(message.htmlBody().contains("<GmbH>"));
		assertTrue(message.textBody().contains("Müller & Söhne <GmbH>"), message.textBody());
	}

	@Test
	void lineBreaksInValuesNeverReachAHeader() {
		MergedMessage message = render("Einladung {{Firma}}", "x",
				recipient(2, "E-Mail", ANNA, "Firma", "ACME\r\nBcc: victim@example.org")).message();
		assertNotNull(message);
		assertEquals("Einladung ACME Bcc: victim@example.org", message.subject());
		assertTrue(message.bcc().isEmpty());
	}

	@ParameterizedTest
	@CsvSource({ "de, Liebe Frau Weber, Dear Ms Weber", "DE , Liebe Frau Weber, x", "en, Dear Ms Weber, x" })
	void equalsIgnoresCaseAndSpaces(String language, String expected, String ignored) {
		String body = "{{#eq Sprache \"de\"}}Liebe Frau {{Nachname}}{{else}}Dear Ms {{Nachname}}{{/eq}}";
		MergedMessage message = render("s", body, recipient(2, "E-Mail", ANNA, "Sprache", language, "Nachname", "Weber"))
				.message();
		assertNotNull(message);
		assertTrue(message.htmlBody().contains(expected), message.htmlBody());
	}

	@Test
	void ifTreatsBlankAsEmptyAndGuardsTheField() {
		CompiledTemplate template = compiled("s", "{{#if Firma}}Firma: {{Firma}}{{else}}privat{{/if}}"
				+ "{{#unless Vorname}} (ohne Vorname){{/unless}}{{#if (and Firma (ne Sprache \"en\"))}} DE-Firma{{/if}}");
		Rendering company = template.render(recipient(2, "E-Mail", ANNA, "Firma", "ACME", "Vorname", "A"));
		Rendering blank = template.render(recipient(3, "E-Mail", ANNA, "Firma", "   "));
		assertTrue(company.draft().html().contains("Firma: ACME DE-Firma"), company.draft().html());
		assertTrue(blank.draft().html().contains("privat (ohne Vorname)"), blank.draft().html());
		assertTrue(blank.problems().isEmpty(), () -> "a guarded empty field is no problem: " + blank.problems());
	}

	@Test
	void fallbackReplacesAnEmptyValueAndIsNoProblem() {
		CompiledTemplate template = compiled("Hallo {{default Vorname \"Mitglied\"}}", "{{default Vorname Nachname \"Mitglied\"}}");
		Rendering empty = template.render(recipient(2, "E-Mail", ANNA, "Nachname", "Weber"));
		assertNotNull(empty.message(), () -> empty.problems().toString());
		assertEquals("Hallo Mitglied", empty.message().subject());
		assertTrue(empty.message().htmlBody().contains("Weber"));
		assertEquals("Hallo Jo", template.render(recipient(3, "E-Mail", ANNA, "Vorname", "Jo")).message().subject());
	}

	@Test
	void aFieldPrintedWhileEmptyIsAMissingValueOfThatRecipient() {
		Rendering rendering = render("Hallo {{Vorname}}", "<p>{{Vorname}} {{Nachname}}</p>",
				recipient(7, "E-Mail", ANNA, "Nachname", "Weber"));
		assertNull(rendering.message());
		assertEquals(1, rendering.problems().size(), rendering.problems().toString());
		Problem problem = rendering.problems().get(0);
		assertEquals(Problem.Kind.MISSING_VALUE, problem.kind());
		assertEquals("row:7", problem.recipient().value());
		assertEquals("Vorname", problem.field());
		assertTrue(problem.message().contains("{{default Vorname"), problem.message());
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = { "de-DE|1.234,5|1.234,50", "de-DE|1234.5|1.234,50", "de-DE|€ 12|12,00",
			"de-DE|1.234|1.234,00", "en-US|1,234.5|1,234.50", "en-US|1234,5|1,234.50", "de-DE|1'234,50|1.234,50" })
	void numbersAreReadAsPeopleWriteThemAndFormattedInTheLocale(String locale, String value, String expected) {
		Template template = Template.of("s", "{{number Betrag \"#,##0.00\"}}", BodyFormat.HTML, "");
		Rendering rendering = MergeFixture.compile(template, List.of(), Locale.forLanguageTag(locale)).template()
				.render(recipient(2, "E-Mail", ANNA, "Betrag", value));
		assertNotNull(rendering.message(), () -> rendering.problems().toString());
		assertTrue(rendering.message().htmlBody().contains(expected), rendering.message().htmlBody());
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = { "2025-03-15|15. März 2025", "15.03.2025|15. März 2025", "5.3.25|5. März 2025",
			"15. März 2025|15. März 2025" })
	void datesAreReadInCommonFormsAndFormattedWithThePattern(String value, String expected) {
		Rendering rendering = render("s", "{{date Fällig \"d. MMMM yyyy\"}}", recipient(2, "E-Mail", ANNA, "Fällig", value));
		assertNotNull(rendering.message(), () -> rendering.problems().toString());
		assertTrue(rendering.message().htmlBody().contains(expected), rendering.message().htmlBody());
	}

	@Test
	void aValueThatIsNoNumberIsAProblemNamingFieldLineAndColumn() {
		Rendering rendering = render("s", "Betrag:\n  {{number Betrag \"0.00\"}}", recipient(4, "E-Mail", ANNA, "Betrag", "zwölf"));
		assertNull(rendering.message());
		Problem problem = rendering.problems().get(0);
		assertEquals(Problem.Kind.RENDERING, problem.kind());
		assertEquals("Betrag", problem.field());
		assertEquals(2, problem.line());
		assertEquals(5, problem.column(), "the column of the helper name");
		assertTrue(problem.message().contains("zwölf"), problem.message());
	}

	@Test
	void addressLinesComeFromFieldsAndAreChecked() {
		Template template = new Template("s", "b", BodyFormat.HTML, "{{Vorname}} {{Nachname}} <{{E-Mail}}>", "{{CC}}",
				"", "office@example.org, Info <info@example.org>");
		CompiledTemplate compiled = MergeFixture.compile(template, List.of(), Locale.GERMANY).template();
		Rendering good = compiled.render(recipient(2, "E-Mail", ANNA, "Vorname", "Anna", "Nachname", "Weber", "CC",
				"a@example.org"));
		assertNotNull(good.message(), () -> good.problems().toString());
		assertEquals(List.of("\"Anna Weber\" <anna@example.org>"), good.message().to());
		assertEquals(List.of("a@example.org"), good.message().cc());
		assertEquals(List.of("office@example.org", "\"Info\" <info@example.org>"), good.message().replyTo(),
				"two Reply-To addresses stay two");
		Rendering bad = compiled.render(recipient(3, "E-Mail", "anna(at)example", "Vorname", "A", "Nachname", "W"));
		assertNull(bad.message());
		assertEquals(Problem.Kind.INVALID_ADDRESS, bad.problems().get(0).kind());
		assertTrue(bad.problems().get(0).message().contains("anna(at)example"));
	}

	@Test
	void aValueCanNeitherAddNorRemoveARecipient() {
		Template template = new Template("s", "b", BodyFormat.HTML, "{{Vorname}} <{{E-Mail}}>", "{{CC}}", "", "");
		CompiledTemplate compiled = MergeFixture.compile(template, List.of(), Locale.GERMANY).template();
		// a name that tries to add mallory: it stays a display name, anna gets the one message
		MergedMessage named = compiled.render(recipient(2, "E-Mail", ANNA, "Vorname", "<mallory@evil.example>,")).message();
		assertNotNull(named);
		assertEquals(1, named.to().size(), named.to().toString());
		assertEquals(ANNA, com.securemailmerge.model.AddressLine.address(named.to().get(0)));
		assertEquals("<mallory@evil.example>,", com.securemailmerge.model.AddressLine.name(named.to().get(0)));
		// a natural "Müller, Hans" is a name, not two broken entries
		MergedMessage comma = compiled.render(recipient(3, "E-Mail", ANNA, "Vorname", "Müller, Hans")).message();
		assertNotNull(comma);
		assertEquals("Müller, Hans", com.securemailmerge.model.AddressLine.name(comma.to().get(0)));
		// a cell with two addresses is one invalid address, in To and in Cc alike
		Rendering two = compiled.render(recipient(4, "E-Mail", "a@example.org; m@example.org", "Vorname", "A"));
		assertNull(two.message(), "nobody gets it: the row must be fixed");
		assertEquals(Problem.Kind.INVALID_ADDRESS, two.problems().get(0).kind());
		Rendering cc = compiled.render(recipient(5, "E-Mail", ANNA, "Vorname", "A", "CC", "a@example.org, m@example.org"));
		assertNull(cc.message());
		assertTrue(cc.problems().stream().anyMatch(p -> p.kind() == Problem.Kind.INVALID_ADDRESS
				&& p.message().contains("a@example.org, m@example.org")), cc.problems().toString());
		// a value cannot forge the marks that delimit values
		MergedMessage forged = compiled.render(recipient(6, "E-Mail", ANNA, "Vorname", "x\uE001, m@evil.example, \uE000y"))
				.message();
		assertNotNull(forged);
		assertEquals(1, forged.to().size(), forged.to().toString());
		// found by AddressLineFuzz: a mark inside an address was dropped, and the message went to
		// another address than the cell's; now the address is invalid and nobody gets the message
		Rendering marked = compiled.render(recipient(9, "E-Mail", "anna@example.or\uE000g", "Vorname", "A"));
		assertNull(marked.message(), "not sent to anna@example.org: " + marked.message());
		assertEquals(Problem.Kind.INVALID_ADDRESS, marked.problems().get(0).kind());
	}

	@Test
	void withoutAToLineTheEmailFieldIsOneAddress() {
		Rendering two = render("s", "b", recipient(7, "E-Mail", "a@example.org; m@example.org"));
		assertNull(two.message());
		assertEquals(Problem.Kind.INVALID_ADDRESS, two.problems().get(0).kind());
		MergedMessage one = render("s", "b", recipient(8, "E-Mail", " anna@example.org ")).message();
		assertNotNull(one);
		assertEquals(List.of("anna@example.org"), one.to());
	}

	@Test
	void anEmptyAddressFieldIsNamedOnceAndAnEmptySubjectIsAProblem() {
		Rendering rendering = render("{{Firma}}", "b", recipient(9));
		List<Problem.Kind> kinds = rendering.problems().stream().map(Problem::kind).toList();
		assertTrue(kinds.contains(Problem.Kind.EMPTY_SUBJECT), kinds.toString());
		assertTrue(kinds.contains(Problem.Kind.INVALID_ADDRESS), kinds.toString());
	}

	@Test
	void markdownBodiesRenderWithEscapedValuesAndATextAlternative() {
		Template template = Template.of("s", "# Hallo {{Vorname}}\n\n**Betrag:** {{Betrag}}\n\n- eins\n- zwei",
				BodyFormat.MARKDOWN, "");
		MergedMessage message = MergeFixture.compile(template, List.of(), Locale.GERMANY).template()
				.render(recipient(2, "E-Mail", ANNA, "Vorname", "*Jo* <script>", "Betrag", "12")).message();
		assertNotNull(message);
		assertTrue(message.htmlBody().contains("<h1>Hallo *Jo* &lt;script&gt;</h1>"), message.htmlBody());
		assertTrue(message.htmlBody().contains("<strong>Betrag:</strong> 12"), message.htmlBody());
		assertTrue(message.textBody().contains("Hallo *Jo* <script>"), message.textBody());
		assertTrue(message.textBody().contains("eins"), message.textBody());
	}

	@Test
	void theTextAlternativeOfHtmlKeepsParagraphsBreaksListsAndLinks() {
		MergedMessage message = render("s", "<html><head><style>p{}</style></head><body><h1>Einladung</h1>"
				+ "<p>Liebe {{Vorname}},<br>wir laden ein.</p><ul><li>Essen</li><li>Musik</li></ul>"
				+ "<p><a href=\"https://example.org/anmelden\">Anmelden</a></p></body></html>",
				recipient(2, "E-Mail", ANNA, "Vorname", "Anna")).message();
		assertNotNull(message);
		assertEquals("Einladung\n\nLiebe Anna,\nwir laden ein.\n\n- Essen\n- Musik\n\nAnmelden <https://example.org/anmelden>\n",
				message.textBody());
	}

	@Test
	void perRecipientAttachmentPathsAreBuiltFromFields(@TempDir Path folder) throws Exception {
		Path agenda = Files.writeString(folder.resolve("agenda.pdf"), "%PDF");
		Files.createDirectories(folder.resolve("rechnungen"));
		Files.writeString(folder.resolve("rechnungen/Weber.pdf"), "%PDF");
		String root = folder.toString().replace('\\', '/');
		Template template = Template.of("s", "b", BodyFormat.HTML, "");
		List<Attachment> attachments = List.of(new Attachment(Attachment.Kind.COMMON, agenda.toString()),
				new Attachment(Attachment.Kind.PER_RECIPIENT, root + "/rechnungen/{{Nachname}}.pdf"));
		Rendering rendering = MergeFixture.compile(template, attachments, Locale.GERMANY, folder).template()
				.render(recipient(2, "E-Mail", ANNA, "Nachname", "Weber"));
		MergedMessage message = rendering.message();
		assertNotNull(message, () -> rendering.problems().toString());
		assertEquals(List.of(root + "/agenda.pdf", root + "/rechnungen/Weber.pdf"),
				message.attachments().stream().map(p -> p.toString().replace('\\', '/')).toList());
	}
}
