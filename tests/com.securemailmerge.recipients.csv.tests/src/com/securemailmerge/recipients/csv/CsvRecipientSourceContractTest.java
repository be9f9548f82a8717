package com.securemailmerge.recipients.csv;

import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

import com.securemailmerge.recipients.RecipientSource;
import com.securemailmerge.recipients.testing.TabularSourceContract;

/** The CSV source under the common contract, with files as German Excel writes them (semicolons). */
@org.eclipse.jdt.annotation.NonNullByDefault({}) // tests are not held to the null contracts of the package they test
final class CsvRecipientSourceContractTest extends TabularSourceContract {

	@Override
	protected RecipientSource source() {
		return new CsvRecipientSource();
	}

	@Override
	protected String sourceId() {
		return "csv";
	}

	@Override
	protected Path write(String name, List<List<String>> rows) throws Exception {
		Path file = folder.resolve(name + ".csv");
		try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
			for (List<String> row : rows) {
				out.write(row.stream().map(CsvRecipientSourceContractTest::quote).collect(Collectors.joining(";")));
				out.write("\r\n");
			}
		}
		return file;
	}

	private static String quote(String value) {
		return value.contains(";") || value.contains("\"") || value.contains("\n")
				? '"' + value.replace("\"", "\"\"") + '"'
				: value;
	}
}
