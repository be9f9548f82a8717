package com.securemailmerge.libraries.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.Iterator;
import java.util.Locale;

import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.openxml4j.exceptions.NotOfficeXmlFileException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.securemailmerge.logging.slf4j1.Log4jRouting;

/** Apache POI (with XMLBeans and the OOXML schemas) reads and writes both formats inside OSGi. */
final class PoiInOsgiTest {

	@BeforeAll
	static void routeLog4jAsTheExcelSourceDoes() {
		assertTrue(Log4jRouting.ensureStarted(), "Log4j's API and its SLF4J provider started");
	}

	private static byte[] workbook(Workbook workbook) throws IOException {
		try (workbook) {
			Sheet sheet = workbook.createSheet("Mitglieder");
			Row header = sheet.createRow(0);
			header.createCell(0).setCellValue("Eintritt");
			header.createCell(1).setCellValue("Beitrag");
			header.createCell(2).setCellValue("Rabatt");
			Row row = sheet.createRow(1);
			row.createCell(0).setCellValue(LocalDate.of(2026, 11, 27));
			row.getCell(0).setCellStyle(style(workbook, "dd.mm.yyyy"));
			row.createCell(1).setCellValue(1234.5);
			row.getCell(1).setCellStyle(style(workbook, "#,##0.00 \"€\""));
			row.createCell(2).setCellValue(0.19);
			row.getCell(2).setCellStyle(style(workbook, "0%"));
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			workbook.write(out);
			return out.toByteArray();
		}
	}

	private static CellStyle style(Workbook workbook, String format) {
		CellStyle style = workbook.createCellStyle();
		style.setDataFormat(workbook.createDataFormat().getFormat(format));
		return style;
	}

	private static void assertDisplayedValues(Workbook workbook) throws IOException {
		try (workbook) {
			DataFormatter formatter = new DataFormatter(Locale.GERMANY);
			Row row = workbook.getSheet("Mitglieder").getRow(1);
			assertEquals("27.11.2026", formatter.formatCellValue(row.getCell(0)));
			assertEquals("1.234,50 €", formatter.formatCellValue(row.getCell(1)));
			assertEquals("19%", formatter.formatCellValue(row.getCell(2)));
		}
	}

	@Test
	void xlsxRoundTripShowsValuesAsExcelDoes() throws Exception {
		byte[] bytes = workbook(new XSSFWorkbook());
		assertDisplayedValues(new XSSFWorkbook(new ByteArrayInputStream(bytes)));
	}

	@Test
	void xlsRoundTripShowsValuesAsExcelDoes() throws Exception {
		byte[] bytes = workbook(new HSSFWorkbook());
		assertDisplayedValues(new HSSFWorkbook(new ByteArrayInputStream(bytes)));
	}

	@Test
	void streamingReaderOpensTheSheets() throws Exception {
		byte[] bytes = workbook(new XSSFWorkbook());
		try (OPCPackage pkg = OPCPackage.open(new ByteArrayInputStream(bytes))) {
			XSSFReader reader = new XSSFReader(pkg);
			Iterator<InputStream> sheets = reader.getSheetsData();
			assertTrue(sheets.hasNext());
			try (InputStream sheet = sheets.next()) {
				assertTrue(new String(sheet.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).contains("<sheetData>"));
			}
		}
	}

	@Test
	void aFileThatIsNotAWorkbookIsRejected() {
		assertThrows(NotOfficeXmlFileException.class, () -> new XSSFWorkbook(
				new ByteArrayInputStream("E-Mail;Name\n".getBytes(java.nio.charset.StandardCharsets.UTF_8))).close());
	}
}
