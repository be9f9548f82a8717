package com.securemailmerge.licence.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code licences add/list/end/import/purge} on a SQLite file, as an administrator runs them. */
final class LicenceCliTest {

	private static final String AT = "@";
	private final Clock clock = Clock.fixed(Instant.parse("2027-06-01T12:00:00Z"), ZoneOffset.UTC);
	private final ByteArrayOutputStream output = new ByteArrayOutputStream();

	@Test
	void addListEndImport(@TempDir Path folder) throws Exception {
		String db = "sqlite:" + folder.resolve("licences.db");
		assertEquals(0, run("add", "Firma.DE", "2027-12-31", "--customer", "Firma GmbH", "--db", db));
		assertEquals(2, run("add", "not a key", "2027-12-31", "--db", db));
		assertEquals(2, run("add", "firma.de", "31.12.2027", "--db", db));
		Path csv = folder.resolve("list.csv");
		Files.writeString(csv, "key,until,customer\n# a comment\nchef" + AT + "andere.de,2028-03-31,\"Andere, AG\"\n\nandere.de,2028-03-31\n");
		assertEquals(0, run("import", csv.toString(), "--db", db));
		assertTrue(output.toString(StandardCharsets.UTF_8).contains("2 licences imported"));
		output.reset();
		assertEquals(0, run("list", "--db", db));
		String list = output.toString(StandardCharsets.UTF_8);
		assertTrue(list.contains("andere.de\t2028-03-31\t0 seats\t"), list);
		assertTrue(list.contains("chef" + AT + "andere.de\t2028-03-31\t0 seats\tAndere, AG"), list);
		assertTrue(list.contains("firma.de\t2027-12-31\t0 seats\tFirma GmbH"), list);
		assertEquals(0, run("end", "firma.de", "--db", db));
		assertEquals(1, run("end", "firma.de", "--db", db), "ended and purged: gone");
		output.reset();
		assertEquals(0, run("list", "--db", db));
		assertTrue(!output.toString(StandardCharsets.UTF_8).contains("firma.de"));
		Files.writeString(csv, "andere.de,2028-03-31\nbroken-line\n");
		assertThrowsOnImport(db, csv);
	}

	private void assertThrowsOnImport(String db, Path csv) {
		IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
				() -> run("import", csv.toString(), "--db", db));
		assertTrue(e.getMessage().startsWith("line 2:"), e.getMessage());
	}

	private int run(String... args) throws Exception {
		return Main.licences(args, clock, new PrintStream(output, true, StandardCharsets.UTF_8));
	}
}
