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

import com.securemailmerge.logging.Log4jRouting;
import com.securemailmerge.model.SourceReference;
import com.securemailmerge.recipients.LoadResult;
import com.securemailmerge.recipients.RecipientSource;
import com.securemailmerge.recipients.csv.CsvRecipientSource;
import com.securemailmerge.recipients.excel.ExcelRecipientSource;

/**
 * {@code ./bench import [FILE]}: imports a generated 100,000 x 10 workbook (text, dates, currency,
 * percentages, leading zeros) and the same data as CSV through the real sources, with values
 * formatted as displayed, or the given .xlsx/.csv file; prints rows, wall time and peak heap.
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
			boolean csv = file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".csv");
			lines.addAll(measure(csv ? "csv" : "xlsx", csv ? new CsvRecipientSource() : new ExcelRecipientSource(), file, -1));
		} else {
			Path xlsx = work.resolve("recipients-100k.xlsx");
			Path csv = work.resolve("recipients-100k.csv");
			writeXlsx(xlsx);
			writeCsv(csv);
			measure("xlsx", new ExcelRecipientSource(), xlsx, ROWS); // warm-up: class loading and JIT
			lines.addAll(measure("xlsx", new ExcelRecipientSource(), xlsx, ROWS));
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

	private static CellStyle style(SXSSFWorkbook workbook, String format) {
		CellStyle style = workbook.createCellStyle();
		style.setDataFormat(workbook.createDataFormat().getFormat(format));
		return style;
	}
}
