package com.securemailmerge.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.eclipse.core.runtime.NullProgressMonitor;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import com.securemailmerge.logging.slf4j1.Log4jRouting;
import com.securemailmerge.model.SourceReference;
import com.securemailmerge.recipients.LoadResult;
import com.securemailmerge.recipients.RecipientSource;
import com.securemailmerge.recipients.csv.CsvRecipientSource;
import com.securemailmerge.recipients.excel.ExcelRecipientSource;
import com.securemailmerge.recipients.ods.OdsRecipientSource;

/**
 * {@code ./bench import [FILE]}: imports a generated 100,000 x 10 workbook (text, dates, currency,
 * percentages, leading zeros), the same data as an OpenDocument spreadsheet (typed cells with their
 * displayed text, as LibreOffice writes them) and as CSV through the real sources, with values
 * formatted as displayed, or the given .xlsx/.xls/.ods/.csv file; prints rows, wall time and peak heap.
 */
final class ImportBenchmark {

	private static final int ROWS = 100_000;
	private static final String[] CITIES = { "Köln", "München", "Berlin", "Hamburg", "Leipzig", "Zürich", "Wien" };

	@Test
	void importRecipients() throws Exception {
		Assumptions.assumeTrue("import".equals(System.getProperty("smm.bench")), "run with ./bench import");
		Path work = Files.createDirectories(Path.of(System.getProperty("smm.bench.work")));
		String given = System.getProperty("smm.bench.file", "");
		List<String> lines = new ArrayList<>();
		if (!given.isBlank()) {
			Path file = Path.of(given);
			String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
			String kind = name.endsWith(".csv") ? "csv" : name.endsWith(".ods") || name.endsWith(".fods") ? "ods" : "xlsx";
			RecipientSource source = switch (kind) {
			case "csv" -> new CsvRecipientSource();
			case "ods" -> new OdsRecipientSource();
			default -> new ExcelRecipientSource();
			};
			lines.addAll(measure(kind, source, file, -1));
		} else {
			Path xlsx = work.resolve("recipients-100k.xlsx");
			Path csv = work.resolve("recipients-100k.csv");
			writeXlsx(xlsx);
			writeCsv(csv);
			measure("xlsx", new ExcelRecipientSource(), xlsx, ROWS); // warm-up: class loading and JIT
			lines.addAll(measure("xlsx", new ExcelRecipientSource(), xlsx, ROWS));
			Path ods = work.resolve("recipients-100k.ods");
			writeOds(ods);
			measure("ods", new OdsRecipientSource(), ods, ROWS);
			lines.addAll(measure("ods", new OdsRecipientSource(), ods, ROWS));
			measure("csv", new CsvRecipientSource(), csv, ROWS);
			lines.addAll(measure("csv", new CsvRecipientSource(), csv, ROWS));
		}
		Files.write(Path.of(System.getProperty("smm.bench.out")), lines, StandardCharsets.UTF_8);
		lines.forEach(System.out::println);
	}

	private static List<String> measure(String kind, RecipientSource source, Path file, int expectedRows)
			throws Exception {
		long start;
		LoadResult result;
		double peak;
		try (HeapPeak heap = new HeapPeak()) {
			start = System.nanoTime();
			result = source.load(new SourceReference(kind, file.toString(), Map.of("locale", "de-DE")),
					new NullProgressMonitor());
			peak = heap.peakMiB();
		}
		double seconds = (System.nanoTime() - start) / 1e9;
		int rows = result.recipients().recipients().size();
		if (expectedRows >= 0) {
			assertEquals(expectedRows, rows);
			assertEquals("01.02.2020", result.recipients().recipients().get(0).text("member_since"), "formatted as displayed");
		}
		return List.of(String.format(Locale.ROOT, "import.%s.rows=%d rows", kind, rows),
				String.format(Locale.ROOT, "import.%s.wall_s=%.3f s", kind, seconds),
				String.format(Locale.ROOT, "import.%s.peak_heap_mib=%.1f MiB", kind, peak));
	}

	private static String[] row(int i) {
		LocalDate due = LocalDate.of(2026, 1, 1).plusDays(i % 365);
		return new String[] { "person" + i + "@example.org", "Vorname" + i, "Nachname" + (i % 5000),
				"Firma " + (i % 2000) + " GmbH", CITIES[i % CITIES.length], String.format(Locale.GERMANY, "%,.2f €", i * 1.25),
				String.format(Locale.ROOT, "%02d.%02d.%d", due.getDayOfMonth(), due.getMonthValue(), due.getYear()),
				"01.02.2020", (i % 30) + "%", String.format(Locale.ROOT, "%06d", i) };
	}

	private static final String[] HEADER = { "email", "first_name", "last_name", "company", "city", "amount",
			"due_date", "member_since", "discount", "member_no" };

	private static void writeCsv(Path file) throws IOException {
		try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
			out.write(String.join(";", HEADER));
			out.write("\r\n");
			for (int i = 1; i <= ROWS; i++) {
				out.write(String.join(";", row(i)));
				out.write("\r\n");
			}
		}
	}

	private static void writeXlsx(Path file) throws IOException {
		Log4jRouting.ensureStarted(); // POI's logging to the Eclipse log, as the Excel source routes it
		try (SXSSFWorkbook workbook = new SXSSFWorkbook(500); OutputStream out = Files.newOutputStream(file)) {
			Sheet sheet = workbook.createSheet("Mitglieder");
			CellStyle date = style(workbook, "dd.mm.yyyy");
			CellStyle money = style(workbook, "#,##0.00 \"€\"");
			CellStyle percent = style(workbook, "0%");
			CellStyle number = style(workbook, "000000");
			Row header = sheet.createRow(0);
			for (int c = 0; c < HEADER.length; c++) {
				header.createCell(c).setCellValue(HEADER[c]);
			}
			for (int i = 1; i <= ROWS; i++) {
				String[] values = row(i);
				Row row = sheet.createRow(i);
				for (int c = 0; c < 5; c++) {
					row.createCell(c).setCellValue(values[c]);
				}
				row.createCell(5).setCellValue(i * 1.25);
				row.getCell(5).setCellStyle(money);
				row.createCell(6).setCellValue(LocalDate.of(2026, 1, 1).plusDays(i % 365));
				row.getCell(6).setCellStyle(date);
				row.createCell(7).setCellValue(LocalDate.of(2020, 2, 1));
				row.getCell(7).setCellStyle(date);
				row.createCell(8).setCellValue((i % 30) / 100.0);
				row.getCell(8).setCellStyle(percent);
				row.createCell(9).setCellValue(i);
				row.getCell(9).setCellStyle(number);
			}
			workbook.write(out);
		}
	}

	/**
	 * The rows as LibreOffice stores them in content.xml: typed cells (float, currency, date,
	 * percentage) with their value and the text they display, the same text cells as the workbook,
	 * and the million blank rows with which LibreOffice ends a formatted sheet.
	 */
	private static void writeOds(Path file) throws IOException {
		try (OutputStream out = Files.newOutputStream(file); java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(out)) {
			byte[] type = "application/vnd.oasis.opendocument.spreadsheet".getBytes(StandardCharsets.US_ASCII);
			java.util.zip.ZipEntry mimetype = new java.util.zip.ZipEntry("mimetype");
			mimetype.setMethod(java.util.zip.ZipEntry.STORED);
			mimetype.setSize(type.length);
			java.util.zip.CRC32 crc = new java.util.zip.CRC32();
			crc.update(type);
			mimetype.setCrc(crc.getValue());
			zip.putNextEntry(mimetype);
			zip.write(type);
			zip.putNextEntry(new java.util.zip.ZipEntry("content.xml"));
			java.io.Writer xml = new java.io.OutputStreamWriter(zip, StandardCharsets.UTF_8);
			xml.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?><office:document-content"
					+ " xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\""
					+ " xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\""
					+ " xmlns:table=\"urn:oasis:names:tc:opendocument:xmlns:table:1.0\" office:version=\"1.3\">"
					+ "<office:body><office:spreadsheet><table:table table:name=\"Mitglieder\">"
					+ "<table:table-column table:number-columns-repeated=\"10\"/><table:table-row>");
			for (String name : HEADER) {
				xml.write("<table:table-cell office:value-type=\"string\"><text:p>" + name + "</text:p></table:table-cell>");
			}
			xml.write("</table:table-row>");
			for (int i = 1; i <= ROWS; i++) {
				String[] values = row(i);
				LocalDate due = LocalDate.of(2026, 1, 1).plusDays(i % 365);
				xml.write("<table:table-row>");
				for (int c = 0; c < 5; c++) {
					xml.write("<table:table-cell office:value-type=\"string\"><text:p>" + values[c] + "</text:p></table:table-cell>");
				}
				xml.write("<table:table-cell office:value-type=\"currency\" office:currency=\"EUR\" office:value=\""
						+ String.format(Locale.ROOT, "%.2f", i * 1.25) + "\"><text:p>" + values[5] + "</text:p></table:table-cell>");
				xml.write("<table:table-cell office:value-type=\"date\" office:date-value=\"" + due + "\"><text:p>" + values[6]
						+ "</text:p></table:table-cell>");
				xml.write("<table:table-cell office:value-type=\"date\" office:date-value=\"2020-02-01\"><text:p>01.02.2020</text:p></table:table-cell>");
				xml.write("<table:table-cell office:value-type=\"percentage\" office:value=\"" + (i % 30) / 100.0 + "\"><text:p>"
						+ values[8] + "</text:p></table:table-cell>");
				xml.write("<table:table-cell office:value-type=\"float\" office:value=\"" + i + "\"><text:p>" + values[9]
						+ "</text:p></table:table-cell><table:table-cell table:number-columns-repeated=\"16374\"/></table:table-row>");
			}
			xml.write("<table:table-row table:number-rows-repeated=\"948575\"><table:table-cell table:number-columns-repeated=\"16384\"/>"
					+ "</table:table-row></table:table></office:spreadsheet></office:body></office:document-content>");
			xml.flush();
			zip.closeEntry();
		}
	}

	private static CellStyle style(SXSSFWorkbook workbook, String format) {
		CellStyle style = workbook.createCellStyle();
		style.setDataFormat(workbook.createDataFormat().getFormat(format));
		return style;
	}
}
