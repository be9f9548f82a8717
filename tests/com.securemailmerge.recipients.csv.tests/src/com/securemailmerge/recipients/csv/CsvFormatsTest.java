package com.securemailmerge.recipients.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.securemailmerge.model.Field;
import com.securemailmerge.model.SourceReference;
import com.securemailmerge.recipients.LoadResult;
import com.securemailmerge.recipients.SourceException;

/** Encodings, delimiters and broken files as they come from real spreadsheets. */
@org.eclipse.jdt.annotation.NonNullByDefault({}) // tests are not held to the null contracts of the package they test
final class CsvFormatsTest {

	@TempDir
	Path folder;

	private static final String TEXT = "E-Mail;Name;Ort\r\njuergen@example.de;Jürgen Müller;Köln\r\n";

	private LoadResult load(Path file, Map<String, String> options) throws SourceException {
		return new CsvRecipientSource().load(new SourceReference("csv", file.toString(), options),
				new NullProgressMonitor());
	}

	private Path file(String name, byte[] bytes) throws Exception {
		Path file = folder.resolve(name);
		Files.write(file, bytes);
		return file;
	}

	private static byte[] concat(byte[] bom, byte[] text) {
		byte[] all = new byte[bom.length + text.length];
		System.arraycopy(bom, 0, all, 0, bom.length);
		System.arraycopy(text, 0, all, bom.length, text.length);
		return all;
	}

	private static void assertJuergen(LoadResult result) {
		assertEquals(List.of("E-Mail", "Name", "Ort"), result.recipients().fields().stream().map(Field::name).toList());
		assertEquals("Jürgen Müller", result.recipients().recipients().get(0).text("Name"));
		assertEquals("Köln", result.recipients().recipients().get(0).text("Ort"));
	}

	@Test
	void utf8WithAndWithoutByteOrderMark() throws Exception {
		assertJuergen(load(file("ohne-bom.csv", TEXT.getBytes(StandardCharsets.UTF_8)), Map.of()));
		assertJuergen(load(file("mit-bom.csv",
				concat(new byte[] { (byte) 0xef, (byte) 0xbb, (byte) 0xbf }, TEXT.getBytes(StandardCharsets.UTF_8))),
				Map.of()));
	}

	@Test
	void utf16LittleAndBigEndian() throws Exception {
		assertJuergen(load(file("utf16le.csv",
				concat(new byte[] { (byte) 0xff, (byte) 0xfe }, TEXT.getBytes(StandardCharsets.UTF_16LE))), Map.of()));
		assertJuergen(load(file("utf16be.csv", TEXT.getBytes(StandardCharsets.UTF_16BE)), Map.of()));
	}

	@Test
	void windows1252AsGermanExcelWritesIt() throws Exception {
		assertJuergen(load(file("excel.csv", TEXT.getBytes(Charset.forName("windows-1252"))), Map.of()));
	}

	@Test
	void theEncodingCanBeOverridden() throws Exception {
		byte[] latin = TEXT.getBytes(StandardCharsets.ISO_8859_1);
		assertJuergen(load(file("latin1.csv", latin), Map.of(CsvRecipientSource.OPTION_ENCODING, "ISO-8859-1")));
	}

	@ParameterizedTest
	@ValueSource(strings = { ";", ",", "\t" })
	void delimitersAreSniffed(String delimiter) throws Exception {
		String text = TEXT.replace(";", delimiter) + "anna@example.org" + delimiter + "\"Schmidt; Anna, Dr.\""
				+ delimiter + "Bonn\r\n";
		LoadResult result = load(file("sniff.csv", text.getBytes(StandardCharsets.UTF_8)), Map.of());
		assertJuergen(result);
		assertEquals("Schmidt; Anna, Dr.", result.recipients().recipients().get(1).text("Name"));
	}

	@Test
	void quotedFieldsMaySpanLinesAndHoldDelimiters() throws Exception {
		String text = "E-Mail;Anschrift;Notiz\r\nanna@example.org;\"Hauptstraße 1\r\n10115 Berlin\";\"a; b \"\"c\"\"\"\r\nbernd@example.org;X;Y\r\n";
		LoadResult result = load(file("mehrzeilig.csv", text.getBytes(StandardCharsets.UTF_8)), Map.of());
		assertEquals("Hauptstraße 1\r\n10115 Berlin", result.recipients().recipients().get(0).text("Anschrift"));
		assertEquals("a; b \"c\"", result.recipients().recipients().get(0).text("Notiz"));
		assertEquals(3, result.recipients().recipients().get(1).row(), "a record keeps its record number");
	}

	@Test
	void anUnclosedQuoteNamesTheFileAndRow() throws Exception {
		String text = "E-Mail;Name\r\na@example.org;A\r\nb@example.org;\"kaputt\r\n";
		Path file = file("kaputt.csv", text.getBytes(StandardCharsets.UTF_8));
		SourceException e = assertThrows(SourceException.class, () -> load(file, Map.of()));
		assertTrue(e.getMessage().contains("kaputt.csv"), e.getMessage());
		assertEquals(3, e.row(), e.getMessage());
	}

	@Test
	void aWorkbookNamedCsvIsRecognised() throws Exception {
		Path file = file("tarnung.csv", new byte[] { 'P', 'K', 3, 4, 20, 0, 6, 0 });
		SourceException e = assertThrows(SourceException.class, () -> load(file, Map.of()));
		assertTrue(e.getMessage().contains("tarnung.csv") && e.getMessage().contains("xlsx"), e.getMessage());
	}

	@Test
	void aMissingFileIsAClearError() {
		SourceException e = assertThrows(SourceException.class, () -> load(folder.resolve("fehlt.csv"), Map.of()));
		assertTrue(e.getMessage().contains("fehlt.csv"), e.getMessage());
	}

	@Test
	void theEmailColumnIsFoundByContentWhenTheHeaderDoesNotSayIt() throws Exception {
		String text = "Kontakt,Name\nanna@example.org,Anna\nbernd@example.org,Bernd\n";
		LoadResult result = load(file("inhalt.csv", text.getBytes(StandardCharsets.UTF_8)), Map.of());
		assertEquals("Kontakt", result.recipients().emailField());
	}

	@Test
	void aQuoteThatIsNeverClosedStopsAtTheBoundAndNamesTheRow() throws Exception {
		StringBuilder text = new StringBuilder("E-Mail;Name\r\na@example.org;A\r\nb@example.org;\"B");
		String filler = "x".repeat(1024) + "\r\n";
		while (text.length() < 6 * 1024 * 1024) {
			text.append(filler);
		}
		Path file = file("offen.csv", text.toString().getBytes(StandardCharsets.UTF_8));
		SourceException e = assertThrows(SourceException.class, () -> load(file, Map.of()));
		assertTrue(e.getMessage().contains("offen.csv") && e.getMessage().contains("3"), e.getMessage());
		assertEquals(3, e.row(), e.getMessage());
	}

	@Test
	void aRowWithMoreColumnsThanAListCanHaveIsRefused() throws Exception {
		String wide = "E-Mail;Name\r\na@example.org" + ";".repeat(CsvRecipientSource.MAX_COLUMNS + 10) + "\r\n";
		Path file = file("breit.csv", wide.getBytes(StandardCharsets.UTF_8));
		SourceException e = assertThrows(SourceException.class, () -> load(file, Map.of()));
		assertTrue(e.getMessage().contains("breit.csv") && e.getMessage().contains("16384"), e.getMessage());
	}

	/**
	 * Contact exports as the programs write them (column layouts after each program's export): the
	 * e-mail column is found without help, a category or group column gives the categories.
	 */
	@Test
	void contactExportsOfOutlookGoogleAndThunderbird() throws Exception {
		// Outlook, English, Windows-1252, every field quoted; categories separated by ";"
		String outlook = "\"First Name\",\"Middle Name\",\"Last Name\",\"Company\",\"E-mail Address\",\"E-mail Type\",\"E-mail Display Name\",\"Categories\"\r\n"
				+ "\"Jürgen\",\"\",\"Müller\",\"Bäckerei\",\"juergen@example.de\",\"SMTP\",\"Jürgen Müller (juergen@example.de)\",\"Vorstand;Mitglied\"\r\n";
		LoadResult en = load(file("outlook.csv", outlook.getBytes(Charset.forName("windows-1252"))), Map.of());
		assertEquals("E-mail Address", en.recipients().emailField());
		assertEquals("Jürgen", en.recipients().recipients().get(0).text("First Name"));
		assertEquals(java.util.Set.of("Vorstand", "Mitglied"), en.recipients().recipients().get(0).categories());
		// Outlook, German
		String german = "\"Vorname\";\"Nachname\";\"E-Mail-Adresse\";\"E-Mail-Typ\";\"E-Mail: Angezeigter Name\";\"Kategorien\"\r\n"
				+ "\"Jürgen\";\"Müller\";\"juergen@example.de\";\"SMTP\";\"Jürgen Müller\";\"Förderer\"\r\n";
		LoadResult de = load(file("outlook-de.csv", german.getBytes(Charset.forName("windows-1252"))), Map.of());
		assertEquals("E-Mail-Adresse", de.recipients().emailField());
		assertEquals(java.util.Set.of("Förderer"), de.recipients().recipients().get(0).categories());
		// Google Contacts: the type or label column comes before the value; labels separated by " ::: "
		String google = "Name,Given Name,Family Name,Labels,E-mail 1 - Label,E-mail 1 - Value,Phone 1 - Label,Phone 1 - Value\r\n"
				+ "Jürgen Müller,Jürgen,Müller,* myContacts ::: Verein ::: Chor,* Home,juergen@example.de,Mobile,+49 170 0000000\r\n";
		LoadResult g = load(file("google.csv", google.getBytes(StandardCharsets.UTF_8)), Map.of());
		assertEquals("E-mail 1 - Value", g.recipients().emailField());
		assertEquals(java.util.Set.of("Verein", "Chor"), g.recipients().recipients().get(0).categories(),
				"Google's own group (* myContacts) is no category");
		// Thunderbird
		String thunderbird = "First Name,Last Name,Display Name,Nickname,Primary Email,Secondary Email\r\n"
				+ "Jürgen,Müller,Jürgen Müller,,juergen@example.de,jm@privat.example\r\n";
		LoadResult t = load(file("thunderbird.csv", thunderbird.getBytes(StandardCharsets.UTF_8)), Map.of());
		assertEquals("Primary Email", t.recipients().emailField());
		assertTrue(t.problems().stream().noneMatch(com.securemailmerge.model.Problem::isError), t.problems().toString());
	}
}
