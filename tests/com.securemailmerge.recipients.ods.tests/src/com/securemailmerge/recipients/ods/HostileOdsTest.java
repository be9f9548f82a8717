package com.securemailmerge.recipients.ods;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.securemailmerge.model.SourceReference;
import com.securemailmerge.recipients.LoadResult;
import com.securemailmerge.recipients.SourceException;

/**
 * What a broken or hostile spreadsheet does: a clear message naming the file (and the row and
 * column where there is one), nothing read beyond the bounds, no memory filled by a small file.
 */
@org.eclipse.jdt.annotation.NonNullByDefault({})
final class HostileOdsTest {

	private static final String HEADER = "<table:table-row>" + OdsFiles.cell("Name") + OdsFiles.cell("E-Mail") + "</table:table-row>";

	@TempDir
	Path folder;

	private LoadResult load(Path file) throws SourceException {
		return new OdsRecipientSource().load(new SourceReference("ods", file.toString()), new NullProgressMonitor());
	}

	private SourceException refused(Path file) {
		return assertThrows(SourceException.class, () -> load(file));
	}

	private Path sheet(String name, String rows) throws Exception {
		return OdsFiles.write(folder.resolve(name + ".ods"), OdsFiles.content("<table:table table:name=\"T\">" + HEADER + rows + "</table:table>"));
	}

	@Test
	void aMillionRepeatedBlankRowsAndColumnsCostNothing() throws Exception {
		// LibreOffice ends a formatted sheet like this
		Path file = sheet("formatiert", "<table:table-row>" + OdsFiles.cell("Anna") + OdsFiles.cell("anna@example.org")
				+ "<table:table-cell table:number-columns-repeated=\"16382\"/></table:table-row>"
				+ "<table:table-row table:number-rows-repeated=\"1048573\"><table:table-cell table:number-columns-repeated=\"16384\"/></table:table-row>");
		LoadResult result = load(file);
		assertEquals(1, result.recipients().recipients().size());
		assertEquals(2, result.recipients().fields().size());
	}

	@Test
	void repeatedValuesAreExpandedWithinTheSheetsLimitsAndRefusedBeyond() throws Exception {
		Path file = sheet("wiederholt", "<table:table-row table:number-rows-repeated=\"3\">" + OdsFiles.cell("Anna")
				+ OdsFiles.cell("anna@example.org") + "</table:table-row>");
		LoadResult repeated = load(file);
		assertEquals(List.of("2"), repeated.recipients().recipients().stream().map(r -> r.position()).toList(),
				"three rows of one address: one recipient");
		assertEquals(List.of("wiederholt.ods, row 3: anna@example.org is already in row 2; it is the same recipient and gets one message (the values of row 2 are used).",
				"wiederholt.ods, row 4: anna@example.org is already in row 2; it is the same recipient and gets one message (the values of row 2 are used)."),
				repeated.problems().stream().map(p -> p.message()).filter(m -> m.contains("already in row")).toList());
		Path rows = sheet("zeilen", "<table:table-row table:number-rows-repeated=\"2000000\">" + OdsFiles.cell("Anna")
				+ OdsFiles.cell("anna@example.org") + "</table:table-row>");
		SourceException beyond = refused(rows);
		assertEquals("zeilen.ods, row 1048577, column 1: a cell beyond the largest sheet LibreOffice can have (1,048,576 rows, 16,384 columns). The file was not read.",
				beyond.getMessage());
		Path columns = sheet("spalten", "<table:table-row><table:table-cell table:number-columns-repeated=\"16384\"/>" + OdsFiles.cell("x")
				+ "</table:table-row>");
		assertEquals("spalten.ods, row 2, column 16385: a cell beyond the largest sheet LibreOffice can have (1,048,576 rows, 16,384 columns). The file was not read.",
				refused(columns).getMessage());
		// 2,000 rows of 16,384 columns: more cells than a list holds (32 million), refused before they are all made
		Path cells = sheet("zellen", "<table:table-row table:number-rows-repeated=\"2000\">"
				+ "<table:table-cell table:number-columns-repeated=\"16384\" office:value-type=\"string\"><text:p>x</text:p></table:table-cell></table:table-row>");
		assertTrue(refused(cells).getMessage().startsWith("zellen.ods, row 1222: more cells than a recipient list can hold"),
				refused(cells).getMessage());
	}

	@Test
	void aCellWithTooMuchTextIsRefusedWithItsRowAndColumn() throws Exception {
		Path spaces = sheet("leer", "<table:table-row>" + OdsFiles.cell("Anna")
				+ "<table:table-cell office:value-type=\"string\"><text:p><text:s text:c=\"2000000000\"/></text:p></table:table-cell></table:table-row>");
		assertEquals("leer.ods, row 2, column 2: the cell holds more than a million characters. The file was not read.",
				refused(spaces).getMessage());
		Path after = sheet("spaeter", "<table:table-row><table:table-cell table:number-columns-repeated=\"3\"/>"
				+ "<table:table-cell office:value-type=\"string\"><text:p><text:s text:c=\"2000000\"/></text:p></table:table-cell></table:table-row>");
		assertEquals("spaeter.ods, row 2, column 4: the cell holds more than a million characters. The file was not read.",
				refused(after).getMessage(), "the blank cells before it count");
		Path text = sheet("lang", "<table:table-row><table:table-cell office:value-type=\"string\"><text:p>"
				+ "x".repeat(CellText.MAX_CHARS + 1) + "</text:p></table:table-cell></table:table-row>");
		assertEquals("lang.ods, row 2, column 1: the cell holds more than a million characters. The file was not read.",
				refused(text).getMessage());
	}

	@Test
	void xmlNoSpreadsheetHasIsRefused() throws Exception {
		String entities = "<?xml version=\"1.0\"?><!DOCTYPE d [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;\">"
				+ "<!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;\">]><office:document-content " + OdsFiles.NAMESPACES + ">&c;</office:document-content>";
		Path bomb = OdsFiles.write(folder.resolve("entities.ods"), OdsPackage.SPREADSHEET, "", entities.getBytes(StandardCharsets.UTF_8));
		assertEquals("entities.ods holds XML that no spreadsheet has (a DOCTYPE). The file was not read.", refused(bomb).getMessage());
		Path external = folder.resolve("extern.fods");
		Files.writeString(external, "<?xml version=\"1.0\"?><!DOCTYPE d SYSTEM \"http://192.0.2.1/x.dtd\"><d/>");
		assertTrue(refused(external).getMessage().startsWith("extern.fods holds XML that no spreadsheet has"));
		Path deep = OdsFiles.write(folder.resolve("tief.ods"), OdsFiles.content("<table:table table:name=\"T\">" + HEADER
				+ "<table:table-row><table:table-cell><text:p>" + "<text:span>".repeat(300) + "x" + "</text:span>".repeat(300)
				+ "</text:p></table:table-cell></table:table-row></table:table>"));
		assertEquals("tief.ods is not an OpenDocument spreadsheet (Maximum Element Depth limit (256) Exceeded).", refused(deep).getMessage());
		Path broken = OdsFiles.write(folder.resolve("kaputt.ods"), "<office:document-content " + OdsFiles.NAMESPACES + "><office:body><table:table");
		assertTrue(refused(broken).getMessage().startsWith("kaputt.ods is not an OpenDocument spreadsheet (line 1: "), refused(broken).getMessage());
	}

	@Test
	void aPackageThatInflatesBeyondItsBoundStopsThere() throws Exception {
		InputStream bounded = OdsPackage.bounded(new ByteArrayInputStream(new byte[10_000]), 4096);
		OdsPackage.TooLarge large = assertThrows(OdsPackage.TooLarge.class, bounded::readAllBytes);
		assertEquals(4096, large.bound);
	}

	@Test
	void textThatMultipliesIsBoundedForTheWholeSheet() throws Exception {
		// 70 cells of a million spaces each: 40 bytes apiece in the file, 70 million characters read
		StringBuilder rows = new StringBuilder();
		for (int i = 0; i < 70; i++) {
			rows.append("<table:table-row>").append(OdsFiles.cell("n" + i))
					.append("<table:table-cell office:value-type=\"string\"><text:p>").append(i)
					.append("<text:s text:c=\"1048000\"/></text:p></table:table-cell></table:table-row>");
		}
		SourceException refused = refused(sheet("leerzeichen", rows.toString()));
		assertTrue(refused.getMessage().startsWith("leerzeichen.ods, row "), refused.getMessage());
		assertTrue(refused.getMessage().endsWith(", column 2: the cells hold more than 64 million characters together. The file was not read."),
				refused.getMessage());
	}

	@Test
	void tenThousandSheetsAreTheMostAndAMessageNamesTwentyOfThem() throws Exception {
		StringBuilder many = new StringBuilder();
		for (int i = 0; i <= ContentReader.MAX_SHEETS; i++) {
			many.append("<table:table table:name=\"S").append(i).append("\"/>");
		}
		SourceException refused = assertThrows(SourceException.class, () -> new OdsRecipientSource().load(new SourceReference("ods",
				OdsFiles.write(folder.resolve("blaetter.ods"), OdsFiles.content(many.toString())).toString(),
				java.util.Map.of(OdsRecipientSource.OPTION_SHEET, "fehlt")), new NullProgressMonitor()));
		assertEquals("blaetter.ods has more sheets (or sheet styles) than LibreOffice can have (10,000). The file was not read.",
				refused.getMessage());
		StringBuilder some = new StringBuilder();
		for (int i = 0; i < 25; i++) {
			some.append("<table:table table:name=\"S").append(i).append("\"/>");
		}
		SourceException missing = assertThrows(SourceException.class, () -> new OdsRecipientSource().load(new SourceReference("ods",
				OdsFiles.write(folder.resolve("einige.ods"), OdsFiles.content(some.toString())).toString(),
				java.util.Map.of(OdsRecipientSource.OPTION_SHEET, "fehlt")), new NullProgressMonitor()));
		assertTrue(missing.getMessage().endsWith("S18, S19 and 5 more."), missing.getMessage());
	}

	@Test
	void otherFilesAreNamedForWhatTheyAre() throws Exception {
		Path encrypted = OdsFiles.write(folder.resolve("geheim.ods"), OdsPackage.SPREADSHEET,
				"<manifest:encryption-data manifest:checksum-type=\"SHA1/1K\"/>", new byte[] { 1, 2, 3 });
		assertTrue(refused(encrypted).getMessage().startsWith("geheim.ods is protected with a password."));
		Path text = OdsFiles.write(folder.resolve("brief.ods"), "application/vnd.oasis.opendocument.text", "",
				OdsFiles.content("").getBytes(StandardCharsets.UTF_8));
		assertEquals("brief.ods is not an OpenDocument spreadsheet (application/vnd.oasis.opendocument.text).", refused(text).getMessage());
		Path truncated = folder.resolve("abgeschnitten.ods");
		byte[] whole = Files.readAllBytes(sheet("ganz", ""));
		Files.write(truncated, java.util.Arrays.copyOf(whole, whole.length / 2));
		assertTrue(refused(truncated).getMessage().startsWith("abgeschnitten.ods "), refused(truncated).getMessage());
		Path csv = folder.resolve("liste.ods");
		Files.writeString(csv, "Name;E-Mail\nAnna;anna@example.org\n");
		assertTrue(refused(csv).getMessage().startsWith("liste.ods is not an OpenDocument spreadsheet (line 1: "), refused(csv).getMessage());
		Path empty = OdsFiles.write(folder.resolve("leer.ods"), OdsFiles.content("<table:table table:name=\"Leer\"/>"));
		assertEquals("leer.ods: the sheet \"Leer\" is empty: no header row was found.", refused(empty).getMessage());
		Path none = OdsFiles.write(folder.resolve("keins.ods"), OdsFiles.content(
				"<style:style style:name=\"h\" style:family=\"table\"><style:table-properties table:display=\"false\"/></style:style>",
				"<table:table table:name=\"A\" table:style-name=\"h\"/>"));
		assertEquals("keins.ods has no visible sheet (its sheets: A). Name the sheet to read.", refused(none).getMessage());
		assertTrue(refused(folder.resolve("fehlt.ods")).getMessage().startsWith("fehlt.ods cannot be read: "));
	}
}
