package com.securemailmerge.libraries.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.StringReader;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

/** Commons CSV parses a German Excel export (semicolons, quoted multi-line field) inside OSGi. */
final class CommonsCsvInOsgiTest {

	@Test
	void parsesSemicolonsAndQuotedLineBreaks() throws Exception {
		String csv = "E-Mail;Name;Anschrift\r\nanna@example.org;Anna Müller;\"Hauptstraße 1\r\n10115 Berlin\"\r\n";
		CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(';').setHeader().setSkipHeaderRecord(true).get();
		try (CSVParser parser = CSVParser.parse(new StringReader(csv), format)) {
			List<CSVRecord> records = parser.getRecords();
			assertEquals(List.of("E-Mail", "Name", "Anschrift"), parser.getHeaderNames());
			assertEquals(1, records.size());
			assertEquals("Hauptstraße 1\r\n10115 Berlin", records.get(0).get("Anschrift"));
		}
	}
}
