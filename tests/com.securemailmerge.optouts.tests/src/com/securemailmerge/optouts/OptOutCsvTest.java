package com.securemailmerge.optouts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Opt-outs from the CSV files other tools and spreadsheets write, and back. */
@org.eclipse.jdt.annotation.NonNullByDefault({})
final class OptOutCsvTest {

	private static final Instant NOW = Instant.parse("2026-12-04T09:00:00Z");

	@TempDir
	Path folder;

	@Test
	void theAddressColumnIsFoundByItsHeaderAndEveryOtherRowIsNamed() throws Exception {
		Path csv = folder.resolve("abmeldungen.csv");
		Files.writeString(csv, "\uFEFFName;E-Mail;Datum\nJörg Müller;joerg.mueller@example.org;01.12.2026\n"
				+ "Emma;\"Emma Fischer <EMMA.FISCHER@example.org>\";\n\nPaul;paul.hoffmann(at)example.org;\nOhne;;\n"
				+ "Jörg nochmal;Joerg.Mueller@example.org;\n", StandardCharsets.UTF_8);
		OptOutList list = OptOutList.open(folder.resolve("offline.txt"));
		OptOutCsv.Imported imported = OptOutCsv.importInto(list, csv, "Import", NOW);
		assertEquals(2, imported.added());
		assertEquals(1, imported.already());
		assertEquals(2, imported.refused().size(), imported.refused().toString());
		assertTrue(imported.refused().get(0).contains("5") && imported.refused().get(0).contains("paul.hoffmann(at)example.org"),
				imported.refused().toString());
		assertTrue(imported.refused().get(1).contains("6"), imported.refused().toString());
		assertTrue(list.contains("emma.fischer@example.org"));
	}

	@Test
	void aListWithoutHeaderCommasOrTabsAndAnOldExcelsEncoding() throws Exception {
		OptOutList list = OptOutList.open(folder.resolve("offline.txt"));
		Path plain = folder.resolve("plain.csv");
		Files.writeString(plain, "anna@example.org\r\nbert@example.org,Bert\r\n", StandardCharsets.UTF_8);
		assertEquals(2, OptOutCsv.importInto(list, plain, "", NOW).added());
		Path tabs = folder.resolve("tabs.txt");
		Files.write(tabs, "Müller\tcarla@example.org\n".getBytes(Charset.forName("windows-1252")));
		OptOutCsv.Imported imported = OptOutCsv.importInto(list, tabs, "", NOW);
		assertEquals(1, imported.added(), imported.refused().toString());
		assertTrue(list.contains("carla@example.org"));
	}

	/** An export opens in a spreadsheet without running anything, and reads back the same. */
	@Test
	void anExportDefusesFormulasAndReadsBack() throws Exception {
		OptOutList list = OptOutList.open(folder.resolve("offline.txt"));
		list.add("anna@example.org", "=HYPERLINK(\"http://192.0.2.1\";\"x\")", NOW);
		list.add("bert@example.org", "", NOW);
		Path csv = folder.resolve("export.csv");
		OptOutCsv.export(list, csv);
		String text = Files.readString(csv, StandardCharsets.UTF_8);
		assertTrue(text.contains("\"'=HYPERLINK(\"\"http://192.0.2.1\"\";\"\"x\"\")\""), text);
		OptOutList other = OptOutList.open(folder.resolve("other.txt"));
		assertEquals(2, OptOutCsv.importInto(other, csv, "", NOW).added());
		assertEquals(List.of("anna@example.org", "bert@example.org"),
				other.entries().stream().map(OptOutList.Entry::address).toList());
	}

	/** An address our export defused (it starts with +) reads back as itself, not with an apostrophe. */
	@Test
	void aDefusedAddressReadsBackAsItself() throws Exception {
		OptOutList list = OptOutList.open(folder.resolve("offline.txt"));
		list.add("+4917612345678@sms.example", "", NOW);
		Path csv = folder.resolve("export.csv");
		OptOutCsv.export(list, csv);
		assertTrue(Files.readString(csv, StandardCharsets.UTF_8).contains("'+4917612345678@sms.example"));
		OptOutList other = OptOutList.open(folder.resolve("other.txt"));
		assertEquals(1, OptOutCsv.importInto(other, csv, "", NOW).added());
		assertTrue(other.contains("+4917612345678@sms.example"));
		assertEquals(List.of("+4917612345678@sms.example"), other.entries().stream().map(OptOutList.Entry::address).toList());
	}

	/** Excel's sep= line and a blank line before the header; a row with two addresses and no header is not guessed. */
	@Test
	void theHeaderAfterExcelsHintAndNoGuessingBetweenTwoAddresses() throws Exception {
		OptOutList list = OptOutList.open(folder.resolve("offline.txt"));
		Path csv = folder.resolve("hint.csv");
		Files.writeString(csv, "sep=;\n\nName;Adresse\nAnke;anke@example.org\n", StandardCharsets.UTF_8);
		OptOutCsv.Imported imported = OptOutCsv.importInto(list, csv, "", NOW);
		assertEquals(1, imported.added(), imported.refused().toString());
		assertEquals(List.of(), imported.refused());
		Path two = folder.resolve("two.csv");
		Files.writeString(two, "werber@example.org;mitglied@example.org\n", StandardCharsets.UTF_8);
		OptOutCsv.Imported refused = OptOutCsv.importInto(list, two, "", NOW);
		assertEquals(0, refused.added());
		assertEquals(1, refused.refused().size());
		assertTrue(refused.refused().get(0).contains("werber@example.org") && refused.refused().get(0).contains("mitglied@example.org"),
				refused.refused().toString());
		assertFalse(list.contains("werber@example.org") || list.contains("mitglied@example.org"));
	}

	/** Twenty thousand rows in one write: all there after reopening, the duplicates counted once. */
	@Test
	void aLargeImportIsOneWriteAndLosesNobody() throws Exception {
		StringBuilder rows = new StringBuilder("E-Mail\n");
		for (int i = 0; i < 20_000; i++) {
			rows.append("person").append(i).append("@example.org\n");
		}
		rows.append("person7@example.org\n");
		Path csv = folder.resolve("gross.csv");
		Files.writeString(csv, rows, StandardCharsets.UTF_8);
		OptOutList list = OptOutList.open(folder.resolve("offline.txt"));
		OptOutCsv.Imported imported = OptOutCsv.importInto(list, csv, "", NOW);
		assertEquals(20_000, imported.added());
		assertEquals(1, imported.already());
		OptOutList again = OptOutList.open(folder.resolve("offline.txt"));
		assertEquals(20_000, again.size());
		assertTrue(again.contains("person19999@example.org"));
	}

	@Test
	void cellsAreSplitAtTheRowsSeparatorWithQuotes() {
		assertEquals(List.of("a;b", "c@example.org"), OptOutCsv.cells("\"a;b\";c@example.org"));
		assertEquals(List.of("say \"hi\"", "d@example.org"), OptOutCsv.cells("\"say \"\"hi\"\"\",d@example.org"));
	}
}
