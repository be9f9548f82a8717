package com.securemailmerge.recipients.ods;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.securemailmerge.model.Problem;
import com.securemailmerge.model.Recipient;
import com.securemailmerge.model.SourceReference;
import com.securemailmerge.recipients.LoadResult;
import com.securemailmerge.recipients.excel.ExcelRecipientSource;

/**
 * Spreadsheets no code of ours wrote: LibreOffice (Debian's libreoffice-calc-nogui, which
 * .ci/install-deps --tests installs) converts fixtures/Mitglieder.fods to .ods, .fods, .xlsx and .xls, and
 * the OpenDocument and Excel sources read what it wrote, values as LibreOffice displays them in
 * German: a date, euros, a percentage, a postcode whose leading zero comes from its number format,
 * a text with leading zeros.
 */
@org.eclipse.jdt.annotation.NonNullByDefault({})
final class LibreOfficeFilesTest {

	@TempDir
	static Path converted;

	@BeforeAll
	static void convertWithLibreOffice() throws Exception {
		Path fixture = Path.of("fixtures/Mitglieder.fods").toAbsolutePath();
		for (String format : List.of("ods", "xlsx", "xls", "fods")) {
			Path out = Files.createDirectories(converted.resolve(format));
			Process process;
			try {
				process = new ProcessBuilder("libreoffice", "-env:UserInstallation=" + converted.resolve("profile").toUri(),
						"--headless", "--convert-to", format, "--outdir", out.toString(), fixture.toString())
						.redirectErrorStream(true).redirectOutput(converted.resolve(format + ".log").toFile()).start();
			} catch (IOException e) {
				throw new AssertionError("LibreOffice is needed for these tests: run .ci/install-deps --tests as root (libreoffice-calc-nogui)", e);
			}
			if (!process.waitFor(180, TimeUnit.SECONDS)) {
				process.destroyForcibly();
				fail("LibreOffice did not convert to " + format + " within 180 s");
			}
			assertTrue(Files.isRegularFile(out.resolve("Mitglieder." + format)),
					"LibreOffice wrote Mitglieder." + format + ": " + Files.readString(converted.resolve(format + ".log")));
		}
	}

	private static LoadResult ods(String format, Map<String, String> options) throws Exception {
		Path file = converted.resolve(format).resolve("Mitglieder." + format);
		return new OdsRecipientSource().load(new SourceReference("ods", file.toString(), options), new NullProgressMonitor());
	}

	private static Recipient row(LoadResult result, int row) {
		return result.recipients().recipients().stream().filter(r -> r.position().equals(String.valueOf(row))).findFirst()
				.orElseThrow(() -> new AssertionError("row " + row + " in " + result.recipients().recipients()));
	}

	@ParameterizedTest
	@ValueSource(strings = { "ods", "fods" })
	void theOpenDocumentSourceReadsWhatLibreOfficeWroteAsItDisplaysIt(String format) throws Exception {
		LoadResult result = ods(format, Map.of());
		assertEquals(List.of("Name", "E-Mail", "Mitglied seit", "Beitrag", "Rabatt", "PLZ", "Nummer"),
				result.recipients().fields().stream().map(f -> f.name()).toList());
		Recipient joerg = row(result, 2);
		assertEquals("Jörg Müller", joerg.text("Name"));
		assertEquals("01.03.2015", joerg.text("Mitglied seit"));
		assertEquals("1.234,50 €", joerg.text("Beitrag"));
		assertEquals("7,5 %", joerg.text("Rabatt"));
		assertEquals("01067", joerg.text("PLZ"), "the leading zero of the number format");
		assertEquals("00123", joerg.text("Nummer"), "a text keeps its zeros");
		Recipient emma = row(result, 4);
		assertEquals("Emma Fischer", emma.text("Name"), "the comment is not the value");
		assertEquals("24.12.2020", emma.text("Mitglied seit"));
		assertEquals("50,00 €", emma.text("Beitrag"));
		assertEquals("zusammen", emma.text("Rabatt"), "a merged area's value in its first cell");
		assertEquals("", emma.text("PLZ"), "the covered cell is empty");
		assertEquals("Zeile 1\nZeile 2", emma.text("Nummer"), "two paragraphs, white space as OpenDocument collapses it");
		assertEquals("verena@example.org", row(result, 3).text("E-Mail"), "a hidden row is read");
		assertEquals(4, result.recipients().recipients().size(), "the two identical rows are one recipient");
		List<String> warnings = result.problems().stream().map(Problem::message).toList();
		assertTrue(warnings.stream().anyMatch(w -> w.contains("\"Mitglieder\" was read") && w.contains("Intern")), warnings.toString());
		assertTrue(warnings.stream().anyMatch(w -> w.contains("3") && w.contains("verena@example.org")), "the hidden row is named: " + warnings);
		assertTrue(warnings.stream().anyMatch(w -> w.contains("5") && w.contains("6") && w.contains("max@example.org")),
				"both rows of the repeated address are named: " + warnings);
	}

	@Test
	void theHiddenSheetIsReadWhenItIsNamed() throws Exception {
		LoadResult result = ods("ods", Map.of(OdsRecipientSource.OPTION_SHEET, "Intern"));
		assertEquals(List.of("geheim"), result.recipients().fields().stream().map(f -> f.name()).toList());
		Exception missing = org.junit.jupiter.api.Assertions.assertThrows(Exception.class,
				() -> ods("ods", Map.of(OdsRecipientSource.OPTION_SHEET, "Vorstand")));
		assertEquals("Mitglieder.ods has no sheet \"Vorstand\". Its sheets: Intern, Mitglieder.", missing.getMessage());
	}

	/** LibreOffice writes the hidden sheet as visible into .xlsx and .xls: the sheet is named here. */
	@ParameterizedTest
	@ValueSource(strings = { "xlsx", "xls" })
	void theExcelSourceReadsWhatLibreOfficeWroteAsLibreOfficeDisplaysIt(String format) throws Exception {
		Path file = converted.resolve(format).resolve("Mitglieder." + format);
		LoadResult result = new ExcelRecipientSource().load(new SourceReference("excel", file.toString(),
				Map.of(ExcelRecipientSource.OPTION_LOCALE, "de-DE", ExcelRecipientSource.OPTION_SHEET, "Mitglieder")),
				new NullProgressMonitor());
		Recipient joerg = row(result, 2);
		assertEquals("Jörg Müller", joerg.text("Name"));
		assertEquals("01.03.2015", joerg.text("Mitglied seit"));
		assertEquals("1.234,50 €", joerg.text("Beitrag"));
		assertEquals("7,5 %", joerg.text("Rabatt"));
		assertEquals("01067", joerg.text("PLZ"));
		assertEquals("00123", joerg.text("Nummer"));
		assertEquals("Emma Fischer", row(result, 4).text("Name"));
		assertTrue(result.problems().stream().anyMatch(p -> p.message().contains("verena@example.org")), "the hidden row: " + result.problems());
		assertEquals(4, result.recipients().recipients().size());
	}
}
