package com.securemailmerge.recipients.excel;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

import com.securemailmerge.recipients.RecipientSource;
import com.securemailmerge.recipients.testing.TabularSourceContract;

/** The Excel source under the common contract, with .xlsx files written by POI's streaming writer. */
@org.eclipse.jdt.annotation.NonNullByDefault({}) // tests are not held to the null contracts of the package they test
final class ExcelRecipientSourceContractTest extends TabularSourceContract {

	@Override
	protected RecipientSource source() {
		return new ExcelRecipientSource();
	}

	@Override
	protected String sourceId() {
		return "excel";
	}

	@Override
	protected Path write(String name, List<List<String>> rows) throws Exception {
		Path file = folder.resolve(name + ".xlsx");
		try (SXSSFWorkbook workbook = new SXSSFWorkbook(200); OutputStream out = Files.newOutputStream(file)) {
			Sheet sheet = workbook.createSheet("Mitglieder");
			for (int r = 0; r < rows.size(); r++) {
				Row row = sheet.createRow(r);
				List<String> cells = rows.get(r);
				for (int c = 0; c < cells.size(); c++) {
					if (!cells.get(c).isEmpty()) {
						row.createCell(c).setCellValue(cells.get(c));
					}
				}
			}
			workbook.write(out);
		}
		return file;
	}
}
