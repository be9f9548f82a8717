package com.securemailmerge.recipients.excel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.crypt.Encryptor;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.eclipse.core.runtime.NullProgressMonitor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;

import com.securemailmerge.model.Recipient;
import com.securemailmerge.model.SourceReference;
import com.securemailmerge.recipients.LoadResult;
import com.securemailmerge.recipients.SourceException;

/** Values exactly as Excel shows them, in both formats, and workbooks that cannot be read. */
@org.eclipse.jdt.annotation.NonNullByDefault({}) // tests are not held to the null contracts of the package they test
final class ExcelValuesTest {

	@TempDir
	Path folder;

	private LoadResult load(Path file, Map<String, String> options) throws SourceException {
		return new ExcelRecipientSource().load(new SourceReference("excel", file.toString(), options),
				new NullProgressMonitor());
	}

	private static CellStyle style(Workbook workbook, String format) {
		CellStyle style = workbook.createCellStyle();
		style.setDataFormat(workbook.createDataFormat().getFormat(format));
		return style;
	}

	/** A members sheet with typed, formatted cells, a formula and a merged area, then a second sheet. */
	private Path members(Workbook workbook, String name) throws Exception {
		return members(workbook, name, sheet -> {
		});
	}

	/** The members sheet, changed by {@code edit} before it is written. */
	private Path members(Workbook workbook, String name, java.util.function.Consumer<Sheet> edit) throws Exception {
		Sheet sheet = workbook.createSheet("Mitglieder");
		Row header = sheet.createRow(0);
		String[] titles = { "E-Mail", "Mitgliedsnr", "Eintritt", "Beitrag", "Rabatt", "Gesamt", "Gruppe", "Notiz" };
		for (int i = 0; i < titles.length; i++) {
			header.createCell(i).setCellValue(titles[i]);
		}
		Row row = sheet.createRow(1);
		row.createCell(0).setCellValue("anna@example.org");
		row.createCell(1).setCellValue(42);
		row.getCell(1).setCellStyle(style(workbook, "00000"));
		row.createCell(2).setCellValue(LocalDate.of(2026, 11, 27));
		row.getCell(2).setCellStyle(style(workbook, "dd.mm.yyyy"));
		row.createCell(3).setCellValue(1234.5);
		row.getCell(3).setCellStyle(style(workbook, "#,##0.00 \"€\""));
		row.createCell(4).setCellValue(0.19);
		row.getCell(4).setCellStyle(style(workbook, "0%"));
		row.createCell(5).setCellFormula("D2*2");
		row.getCell(5).setCellStyle(style(workbook, "#,##0.00"));
		row.createCell(6).setCellValue("Vorstand");
		row.createCell(7).setCellValue("00123");
		Row second = sheet.createRow(2);
		second.createCell(0).setCellValue("bernd@example.org");
		second.createCell(6).setCellValue("");
		sheet.addMergedRegion(new CellRangeAddress(1, 2, 6, 6));
		workbook.getCreationHelper().createFormulaEvaluator().evaluateAll();
		edit.accept(sheet);
		Sheet other = workbook.createSheet("Gäste");
		other.createRow(0).createCell(0).setCellValue("Mail");
		other.createRow(1).createCell(0).setCellValue("gast@example.org");
		Path file = folder.resolve(name);
		try (workbook; OutputStream out = Files.newOutputStream(file)) {
			workbook.write(out);
		}
		return file;
	}

	private static void assertShownAsInExcel(LoadResult result) {
		Recipient anna = result.recipients().recipients().get(0);
		assertEquals("00042", anna.text("Mitgliedsnr"), "leading zeros of the number format");
		assertEquals("27.11.2026", anna.text("Eintritt"));
		assertEquals("1.234,50 €", anna.text("Beitrag"));
		assertEquals("19%", anna.text("Rabatt"));
		assertEquals("2.469,00", anna.text("Gesamt"), "the formula's cached result");
		assertEquals("00123", anna.text("Notiz"), "text keeps its leading zeros");
		assertEquals("Vorstand", anna.text("Gruppe"));
		Recipient bernd = result.recipients().recipients().get(1);
		assertEquals("", bernd.text("Gruppe"), "a merged area's value stays in its top-left cell");
		assertEquals("E-Mail", result.recipients().emailField());
	}

	@Test
	void loadingAWorkbookRoutesPoisLog4jLoggingToTheEclipseLog() throws Exception {
		load(members(new XSSFWorkbook(), "Mitglieder.xlsx"), Map.of());
		for (String name : new String[] { "org.apache.logging.log4j.api", "org.apache.logging.log4j.to.slf4j" }) {
			Bundle bundle = java.util.Arrays.stream(FrameworkUtil.getBundle(ExcelRecipientSource.class).getBundleContext().getBundles())
					.filter(b -> name.equals(b.getSymbolicName())).findFirst().orElseThrow();
			assertEquals(Bundle.ACTIVE, bundle.getState(), name + " started by the first load (not with the workbench)");
		}
	}

	@Test
	void xlsxValuesAreFormattedAsExcelShowsThem() throws Exception {
		assertShownAsInExcel(load(members(new XSSFWorkbook(), "mitglieder.xlsx"), Map.of("locale", "de-DE")));
	}

	@Test
	void xlsValuesAreFormattedAsExcelShowsThem() throws Exception {
		assertShownAsInExcel(load(members(new HSSFWorkbook(), "mitglieder.xls"), Map.of("locale", "de-DE")));
	}

	@Test
	void aSheetCanBeChosenByName() throws Exception {
		Path file = members(new XSSFWorkbook(), "blaetter.xlsx");
		LoadResult guests = load(file, Map.of("sheet", "Gäste"));
		assertEquals("gast@example.org", guests.recipients().recipients().get(0).text("Mail"));
		SourceException e = assertThrows(SourceException.class, () -> load(file, Map.of("sheet", "Fehlt")));
		assertTrue(e.getMessage().contains("Fehlt") && e.getMessage().contains("Gäste"), e.getMessage());
	}

	@Test
	void aPasswordProtectedWorkbookSaysSo() throws Exception {
		Path plain = members(new XSSFWorkbook(), "offen.xlsx");
		Path file = folder.resolve("geschuetzt.xlsx");
		try (POIFSFileSystem fs = new POIFSFileSystem()) {
			EncryptionInfo info = new EncryptionInfo(EncryptionMode.agile);
			Encryptor encryptor = info.getEncryptor();
			encryptor.confirmPassword("geheim");
			try (OutputStream out = encryptor.getDataStream(fs)) {
				Files.copy(plain, out);
			}
			try (OutputStream out = Files.newOutputStream(file)) {
				fs.writeFilesystem(out);
			}
		}
		SourceException e = assertThrows(SourceException.class, () -> load(file, Map.of()));
		assertTrue(e.getMessage().contains("geschuetzt.xlsx"), e.getMessage());
		assertTrue(e.getMessage().contains("password") || e.getMessage().contains("Kennwort"), e.getMessage());
	}

	@Test
	void aCsvNamedXlsxIsNotTakenForAWorkbook() throws Exception {
		Path file = folder.resolve("tarnung.xlsx");
		Files.writeString(file, "E-Mail;Name\na@example.org;A\n", StandardCharsets.UTF_8);
		SourceException e = assertThrows(SourceException.class, () -> load(file, Map.of()));
		assertTrue(e.getMessage().contains("tarnung.xlsx"), e.getMessage());
	}

	@Test
	void aDamagedWorkbookIsAClearError() throws Exception {
		byte[] bytes = Files.readAllBytes(members(new XSSFWorkbook(), "ganz.xlsx"));
		Path file = folder.resolve("kaputt.xlsx");
		Files.write(file, java.util.Arrays.copyOf(bytes, bytes.length / 3));
		SourceException e = assertThrows(SourceException.class, () -> load(file, Map.of()));
		assertTrue(e.getMessage().contains("kaputt.xlsx"), e.getMessage());
	}

	@Test
	void aZipBombIsRefusedByPoisLimits() throws Exception {
		Path valid = members(new XSSFWorkbook(), "echt.xlsx");
		Path bomb = folder.resolve("bombe.xlsx");
		try (java.util.zip.ZipFile in = new java.util.zip.ZipFile(valid.toFile());
				java.util.zip.ZipOutputStream out = new java.util.zip.ZipOutputStream(Files.newOutputStream(bomb))) {
			for (java.util.zip.ZipEntry entry : java.util.Collections.list(in.entries())) {
				out.putNextEntry(new java.util.zip.ZipEntry(entry.getName()));
				byte[] bytes = in.getInputStream(entry).readAllBytes();
				if (entry.getName().equals("xl/worksheets/sheet1.xml")) {
					String xml = new String(bytes, StandardCharsets.UTF_8);
					int end = xml.lastIndexOf("</worksheet>");
					out.write(xml.substring(0, end).getBytes(StandardCharsets.UTF_8));
					byte[] blanks = new byte[1 << 20];
					java.util.Arrays.fill(blanks, (byte) ' ');
					for (int i = 0; i < 40; i++) {
						out.write(blanks); // 40 MB of white space that deflates to almost nothing
					}
					out.write(xml.substring(end).getBytes(StandardCharsets.UTF_8));
				} else {
					out.write(bytes);
				}
				out.closeEntry();
			}
		}
		assertTrue(Files.size(bomb) < 1_000_000, "the bomb is small on disk: " + Files.size(bomb));
		SourceException e = assertThrows(SourceException.class, () -> load(bomb, Map.of()));
		assertTrue(e.getMessage().contains("bombe.xlsx"), e.getMessage());
		assertTrue(e.getMessage().toLowerCase(java.util.Locale.ROOT).contains("zip"), e.getMessage());
	}

	@Test
	void anEmptySheetSaysThereIsNoHeader() throws Exception {
		Path file = folder.resolve("leer.xls");
		try (HSSFWorkbook workbook = new HSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
			workbook.createSheet("Tabelle1");
			workbook.write(out);
		}
		SourceException e = assertThrows(SourceException.class, () -> load(file, Map.of()));
		assertTrue(e.getMessage().contains("leer.xls"), e.getMessage());
	}

	/** The members' workbook with its first sheet's XML changed by {@code edit}. */
	private Path edited(String name, java.util.function.UnaryOperator<String> edit) throws Exception {
		return edited(name, "xl/worksheets/sheet1.xml", edit);
	}

	/** The members' workbook with one of its parts changed by {@code edit}. */
	private Path edited(String name, String part, java.util.function.UnaryOperator<String> edit) throws Exception {
		Path valid = members(new XSSFWorkbook(), "vorlage-" + name);
		Path file = folder.resolve(name);
		try (java.util.zip.ZipFile in = new java.util.zip.ZipFile(valid.toFile());
				java.util.zip.ZipOutputStream out = new java.util.zip.ZipOutputStream(Files.newOutputStream(file))) {
			for (java.util.zip.ZipEntry entry : java.util.Collections.list(in.entries())) {
				out.putNextEntry(new java.util.zip.ZipEntry(entry.getName()));
				byte[] bytes = in.getInputStream(entry).readAllBytes();
				out.write(entry.getName().equals(part)
						? edit.apply(new String(bytes, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8)
						: bytes);
				out.closeEntry();
			}
		}
		return file;
	}

	@Test
	void aCellReferenceBeyondExcelsColumnsIsRefusedWithoutAllocatingIt() throws Exception {
		// a 2 KB file whose cell ZZZZZZ2 would have the reader fill hundreds of millions of empty cells
		Path file = edited("weit.xlsx", xml -> xml.replaceFirst("r=\"B2\"", "r=\"ZZZZZZ2\""));
		assertTrue(Files.readString(file, StandardCharsets.ISO_8859_1).length() > 0);
		long before = Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory();
		SourceException e = assertThrows(SourceException.class, () -> load(file, Map.of()));
		assertTrue(e.getMessage().contains("weit.xlsx") && e.getMessage().contains("ZZZZZZ2"), e.getMessage());
		assertTrue(e.getMessage().contains(" 2"), "names the row: " + e.getMessage());
		long after = Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory();
		assertTrue(after - before < 256L * 1024 * 1024, "no large allocation: " + (after - before));
	}

	@Test
	void theLastColumnExcelHasIsStillRead() throws Exception {
		Path file = edited("rand.xlsx", xml -> xml.replaceFirst("r=\"B2\"", "r=\"XFD2\""));
		LoadResult result = load(file, Map.of());
		assertEquals(16_384, result.recipients().fields().size(), "XFD is column 16,384");
	}

	@Test
	void aRowBeyondExcelsRowsIsRefused() throws Exception {
		Path file = edited("tief.xlsx", xml -> xml.replaceFirst("<row r=\"3\"", "<row r=\"2000000\"")
				.replaceAll("r=\"([A-Z]+)3\"", "r=\"$12000000\""));
		SourceException e = assertThrows(SourceException.class, () -> load(file, Map.of()));
		assertTrue(e.getMessage().contains("tief.xlsx") && e.getMessage().contains("2000000"), e.getMessage());
	}

	@Test
	void rowsHiddenInExcelAreReadAndEachIsNamedInAWarning() throws Exception {
		for (Workbook workbook : List.<Workbook>of(new XSSFWorkbook(), new HSSFWorkbook())) {
			String name = workbook instanceof HSSFWorkbook ? "versteckt.xls" : "versteckt.xlsx";
			Path file = members(workbook, name, sheet -> sheet.getRow(2).setZeroHeight(true));
			LoadResult result = load(file, Map.of());
			assertEquals(2, result.recipients().included().size(), name + ": the hidden row is read and included as in Excel");
			List<com.securemailmerge.model.Problem> hidden = result.problems().stream()
					.filter(p -> p.kind() == com.securemailmerge.model.Problem.Kind.SOURCE).toList();
			assertEquals(1, hidden.size(), name + ": " + result.problems());
			com.securemailmerge.model.Problem warning = hidden.get(0);
			assertEquals(com.securemailmerge.model.Problem.Severity.WARNING, warning.severity());
			assertEquals(result.recipients().recipients().get(1).key(), warning.recipient(), "the problem leads to Bernd");
			assertTrue(warning.message().contains(name) && warning.message().contains("row 3")
					&& warning.message().contains("bernd@example.org"), warning.message());
			assertAllVisibleSayNothing(members(name.endsWith(".xls") ? new HSSFWorkbook() : new XSSFWorkbook(), "sichtbar-" + name));
		}
	}

	private void assertAllVisibleSayNothing(Path file) throws Exception {
		assertTrue(load(file, Map.of()).problems().stream().noneMatch(p -> p.kind() == com.securemailmerge.model.Problem.Kind.SOURCE),
				"no warning when every row is visible");
	}

	@Test
	void aCellWithMoreTextThanExcelAllowsIsRefusedBeforeItIsGathered() throws Exception {
		// an inline string in the sheet: POI would collect all of it (50 MB deflate to a few KB)
		Path inline = edited("lang.xlsx", xml -> xml.replaceFirst("</row>",
				"<c r=\"J1\" t=\"inlineStr\"><is><t>" + "x".repeat(50_000) + "</t></is></c></row>"));
		SourceException e = assertThrows(SourceException.class, () -> load(inline, Map.of()));
		assertTrue(e.getMessage().contains("lang.xlsx") && e.getMessage().contains("row 1") && e.getMessage().contains("J1")
				&& e.getMessage().contains("32,767"), e.getMessage());
		// what POI gathers elsewhere: behind an element of another namespace, a value outside any cell, a
		// formula far longer than Excel allows beside a short value, a header: all counted, all refused
		for (String hostile : List.of(
				"<c r=\"J1\" t=\"inlineStr\"><is><t><x:c xmlns:x=\"urn:x\"/>" + "x".repeat(50_000) + "</t></is></c>",
				"<v>" + "x".repeat(50_000) + "</v>",
				"<c r=\"J1\"><f>" + "1+".repeat(25_000) + "1</f><v>3</v></c>",
				"<c r=\"J1\" t=\"inlineStr\"><is><r><t>" + "x".repeat(20_000) + "</t></r><r><t>" + "y".repeat(20_000)
						+ "</t></r></is></c>")) {
			Path bypass = edited("umweg.xlsx", xml -> xml.replaceFirst("</row>", java.util.regex.Matcher.quoteReplacement(hostile) + "</row>"));
			SourceException refused = assertThrows(SourceException.class, () -> load(bypass, Map.of()), hostile.substring(0, 40));
			assertTrue(refused.getMessage().contains("umweg.xlsx") && refused.getMessage().contains("32,767"), refused.getMessage());
		}
		Path header = edited("kopf.xlsx", xml -> xml.replace("</worksheet>", "<headerFooter><oddHeader>" + "k".repeat(50_000)
				+ "</oddHeader></headerFooter></worksheet>"));
		assertThrows(SourceException.class, () -> load(header, Map.of()), "a header of 50,000 characters");
		// a shared text longer than a cell can hold
		Path shared = edited("geteilt.xlsx", "xl/sharedStrings.xml", xml -> xml.replace(">Vorstand<", ">" + "V".repeat(40_000) + "<"));
		e = assertThrows(SourceException.class, () -> load(shared, Map.of()));
		assertTrue(e.getMessage().contains("geteilt.xlsx") && e.getMessage().contains("32,767"), e.getMessage());
		// Excel's own limit is still read
		Path longest = edited("grenze.xlsx", "xl/sharedStrings.xml", xml -> xml.replace(">Vorstand<", ">" + "V".repeat(32_767) + "<"));
		assertEquals(32_767, load(longest, Map.of()).recipients().recipients().get(0).text("Gruppe").length());
	}

	@Test
	void aTableOfSharedTextsLargerThanAListNeedsIsRefusedBeforeItFillsTheMemory() throws Exception {
		// distinct texts that deflate about 4:1, within POI's zip-bomb ratio: only our bounds stop them.
		// Many short ones: the count; fewer long ones: the characters
		SourceException many = assertThrows(SourceException.class, () -> load(texts("texte.xlsx", 1, 110), Map.of()));
		assertTrue(many.getMessage().contains("texte.xlsx") && many.getMessage().contains("2,000,000 texts"), many.getMessage());
		SourceException big = assertThrows(SourceException.class, () -> load(texts("lang.xlsx", 300, 80), Map.of()));
		assertTrue(big.getMessage().contains("lang.xlsx") && big.getMessage().contains("64 million characters"), big.getMessage());
	}

	/** The members' workbook with MB megabytes of distinct shared texts of (pieces of 6 characters) each. */
	private Path texts(String name, int pieces, int megabytes) throws Exception {
		Path valid = members(new XSSFWorkbook(), "vorlage-" + name);
		Path file = folder.resolve(name);
		try (java.util.zip.ZipFile in = new java.util.zip.ZipFile(valid.toFile());
				java.util.zip.ZipOutputStream out = new java.util.zip.ZipOutputStream(
						new java.io.BufferedOutputStream(Files.newOutputStream(file), 1 << 16))) {
			out.setLevel(1);
			for (java.util.zip.ZipEntry entry : java.util.Collections.list(in.entries())) {
				out.putNextEntry(new java.util.zip.ZipEntry(entry.getName()));
				byte[] bytes = in.getInputStream(entry).readAllBytes();
				if (entry.getName().equals("xl/sharedStrings.xml")) {
					String xml = new String(bytes, StandardCharsets.UTF_8);
					int end = xml.lastIndexOf("</sst>");
					out.write(xml.substring(0, end).getBytes(StandardCharsets.UTF_8));
					StringBuilder chunk = new StringBuilder();
					long written = 0;
					long seed = 0;
					while (written < megabytes * 1024L * 1024) {
						chunk.append("<si><t>");
						for (int p = 0; p < pieces; p++) {
							seed = (seed * 6_364_136_223_846_793_005L + 1_442_695_040_888_963_407L);
							chunk.append(Long.toString((seed >>> 33) % 2_000_000_000L, 36));
						}
						chunk.append("</t></si>");
						if (chunk.length() > 1 << 16) {
							byte[] part = chunk.toString().getBytes(StandardCharsets.UTF_8);
							out.write(part);
							written += part.length;
							chunk.setLength(0);
						}
					}
					out.write(chunk.toString().getBytes(StandardCharsets.UTF_8));
					out.write(xml.substring(end).getBytes(StandardCharsets.UTF_8));
				} else {
					out.write(bytes);
				}
				out.closeEntry();
			}
		}
		return file;
	}

	@Test
	void anExternalEntityInTheSheetIsNeverRead() throws Exception {
		Path secret = Files.writeString(folder.resolve("geheim.txt"), "streng-geheim-4711", StandardCharsets.UTF_8);
		Path file = edited("entitaet.xlsx", xml -> xml.replaceFirst("<worksheet",
				"<!DOCTYPE worksheet [<!ENTITY geheim SYSTEM \"" + secret.toUri() + "\">]><worksheet")
				.replaceFirst("</row>", "<c r=\"J1\" t=\"inlineStr\"><is><t>&geheim;</t></is></c></row>"));
		SourceException refused = assertThrows(SourceException.class, () -> load(file, Map.of()), "a DOCTYPE is refused");
		assertTrue(refused.getMessage().contains("entitaet.xlsx") && !refused.getMessage().contains("streng-geheim"),
				refused.getMessage());
	}

	@Test
	void theFilterAnswersEntitiesAndErrorsAsPoisParserDoes() throws Exception {
		org.xml.sax.XMLReader parser = org.apache.poi.util.XMLHelper.newXMLReader();
		SheetFilter filter = new SheetFilter(parser, new SheetRows(
				new com.securemailmerge.recipients.RecipientListBuilder(new SourceReference("excel", "x.xlsx"), "x.xlsx"),
				org.eclipse.core.runtime.SubMonitor.convert(new NullProgressMonitor())));
		assertTrue(filter.getEntityResolver() != null && filter.getEntityResolver() == parser.getEntityResolver(),
				"POI's resolver, which reads no external entity");
		assertTrue(filter.getErrorHandler() == parser.getErrorHandler());
	}

	@Test
	void aHiddenFirstSheetIsNotReadWithoutItsNameAndRowsHiddenByDefaultAreNamed() throws Exception {
		for (Workbook workbook : List.<Workbook>of(new XSSFWorkbook(), new HSSFWorkbook())) {
			String name = workbook instanceof HSSFWorkbook ? "blatt.xls" : "blatt.xlsx";
			Sheet hidden = workbook.createSheet("Versteckt");
			hidden.createRow(0).createCell(0).setCellValue("E-Mail");
			hidden.createRow(1).createCell(0).setCellValue("mallory@evil.example");
			Path file = members(workbook, name);
			// members() adds its sheets after the hidden one; hide the first
			try (Workbook again = workbook instanceof HSSFWorkbook ? new HSSFWorkbook(Files.newInputStream(file))
					: new XSSFWorkbook(Files.newInputStream(file)); OutputStream out = Files.newOutputStream(folder.resolve("h-" + name))) {
				again.setSheetHidden(0, true);
				again.setActiveSheet(1);
				again.write(out);
			}
			LoadResult result = load(folder.resolve("h-" + name), Map.of());
			assertEquals("anna@example.org", result.recipients().recipients().get(0).text("E-Mail"), name + ": the first visible sheet");
			assertTrue(result.problems().stream().anyMatch(p -> p.message().contains("Versteckt") && p.message().contains("Mitglieder")),
					result.problems().toString());
			assertEquals("mallory@evil.example", load(folder.resolve("h-" + name), Map.of("sheet", "Versteckt")).recipients()
					.recipients().get(0).text("E-Mail"), "named, it is read");
		}
		Path byDefault = edited("standard.xlsx", xml -> xml.replaceFirst("<sheetData", "<sheetFormatPr defaultRowHeight=\"15\" zeroHeight=\"1\"/><sheetData")
				.replaceFirst("<row r=\"1\"", "<row r=\"1\" ht=\"15\" customHeight=\"1\"")
				.replaceFirst("<row r=\"2\"", "<row r=\"2\" ht=\"15\" customHeight=\"1\""));
		List<com.securemailmerge.model.Problem> named = load(byDefault, Map.of()).problems().stream()
				.filter(p -> p.message().contains("row 3")).toList();
		assertEquals(1, named.size(), "row 3 has no height of its own in a sheet that hides rows by default: " + named);
	}

	/** "/" in a date format is the locale's date separator (as Excel and LibreOffice show it); quoted or escaped it is a slash. */
	@Test
	void theSlashOfADateFormatIsTheDateSeparatorOfTheLocale() {
		assertEquals('.', RepeatingValuesFormatter.dateSeparator(java.util.Locale.GERMANY));
		assertEquals('/', RepeatingValuesFormatter.dateSeparator(java.util.Locale.UK));
		assertEquals("[$-407]dd.mm.yyyy", RepeatingValuesFormatter.localized("[$-407]dd/mm/yyyy", '.'));
		assertEquals("dd.mm \\/ \"a/b\" yyyy", RepeatingValuesFormatter.localized("dd/mm \\/ \"a/b\" yyyy", '.'));
		RepeatingValuesFormatter german = new RepeatingValuesFormatter(java.util.Locale.GERMANY);
		double march = org.apache.poi.ss.usermodel.DateUtil.getExcelDate(LocalDate.of(2015, 3, 1));
		assertEquals("01.03.2015", german.formatRawCellContents(march, 165, "[$-407]dd/mm/yyyy"));
		assertEquals("01/03/2015", new RepeatingValuesFormatter(java.util.Locale.UK).formatRawCellContents(march, 165, "dd/mm/yyyy"));
		assertEquals("1/2", german.formatRawCellContents(0.5, 166, "# ?/?").strip(), "a fraction keeps its slash");
	}
}
