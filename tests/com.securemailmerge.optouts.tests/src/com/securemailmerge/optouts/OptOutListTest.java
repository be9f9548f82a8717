package com.securemailmerge.optouts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The opt-out list on the disk: what it keeps, how it compares, what a broken or hostile file does. */
@org.eclipse.jdt.annotation.NonNullByDefault({})
final class OptOutListTest {

	private static final Instant NOW = Instant.parse("2026-12-04T09:00:00Z");

	@TempDir
	Path folder;

	@Test
	void anAddressAddedIsOnTheDiskAndComparedAsExchangeDoes() throws Exception {
		Path file = folder.resolve("lists/offline.txt");
		OptOutList list = OptOutList.open(file);
		assertTrue(list.add("Jörg Müller <Joerg.Mueller@Example.org>", "per Telefon, 3.12.", NOW));
		assertFalse(list.add("joerg.mueller@example.org", "", NOW), "once is enough");
		assertTrue(list.contains("JOERG.MUELLER@EXAMPLE.ORG"));
		assertTrue(list.contains("\"Müller, Jörg\" <joerg.mueller@example.org>"));
		assertFalse(list.contains("joerg.mueller@example.com"));

		OptOutList again = OptOutList.open(file);
		assertEquals(List.of(new OptOutList.Entry("joerg.mueller@example.org", NOW, "per Telefon, 3.12.")), again.entries());
		assertTrue(again.remove("Joerg.Mueller@example.org"));
		assertFalse(OptOutList.open(file).contains("joerg.mueller@example.org"), "the removal is on the disk");
	}

	@Test
	void whatIsNoAddressIsRefusedWithItsText() throws Exception {
		OptOutList list = OptOutList.open(folder.resolve("offline.txt"));
		for (String none : List.of("", "   ", "joerg.mueller", "a@b", "x@@example.org", "two words@example.org")) {
			IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> list.add(none, "", NOW), none);
			assertTrue(refused.getMessage().contains(none.strip()), refused.getMessage());
		}
		assertEquals(0, list.size());
		assertFalse(Files.exists(folder.resolve("offline.txt")), "nothing written");
	}

	/** addAll takes all or nothing: one text that is no address, and none is added. */
	@Test
	void addAllRefusesTheWholeBatchForOneThatIsNoAddress() throws Exception {
		OptOutList list = OptOutList.open(folder.resolve("offline.txt"));
		assertThrows(IllegalArgumentException.class, () -> list.addAll(List.of("a@example.org", "kaputt"), "", NOW));
		assertEquals(0, list.size());
		assertEquals(2, list.addAll(List.of("a@example.org", "B@Example.org", "b@example.org"), "", NOW));
		assertEquals(2, OptOutList.open(folder.resolve("offline.txt")).size());
	}

	/** A note is one line: a line break in it cannot make a second entry of the file. */
	@Test
	void aNoteCannotForgeAnEntry() throws Exception {
		Path file = folder.resolve("offline.txt");
		OptOutList list = OptOutList.open(file);
		list.add("anna@example.org", "Anruf\nbert@example.org\t2026-01-01T00:00:00Z\tforged", NOW);
		OptOutList again = OptOutList.open(file);
		assertEquals(1, again.size(), Files.readString(file));
		assertFalse(again.contains("bert@example.org"));
		assertFalse(again.entries().get(0).note().contains("\n"));
	}

	/** Lines that cannot be read are named, skipped and kept; a line cut off by a crash does not count. */
	@Test
	void aDamagedFileLosesNothingItCouldRead() throws Exception {
		Path file = folder.resolve("offline.txt");
		Files.writeString(file, OptOutList.HEADER + "\nanna@example.org\t2026-12-01T10:00:00Z\tja\nkaputt\u0000zeile\n"
				+ "bert@example.org\tkein-datum\t\ncarla@exa", StandardCharsets.UTF_8);
		OptOutList list = OptOutList.open(file);
		assertTrue(list.contains("anna@example.org"));
		assertTrue(list.contains("bert@example.org"), "an entry without a readable time still counts");
		assertFalse(list.contains("carla@exa"));
		assertEquals(List.of(3, 5), list.unreadable());
		list.add("dora@example.org", "", NOW);
		OptOutList reopened = OptOutList.open(file);
		assertTrue(reopened.contains("dora@example.org"), "on a line of its own, not glued to the cut-off one: "
				+ Files.readString(file, StandardCharsets.UTF_8));
		assertEquals(List.of(3, 5), reopened.unreadable());
		reopened.remove("anna@example.org");
		String text = Files.readString(file, StandardCharsets.UTF_8);
		assertTrue(text.contains("kaputt\u0000zeile") && text.contains("carla@exa"), "kept for a person to look at: " + text);
		assertTrue(OptOutList.open(file).contains("dora@example.org"));
		assertFalse(OptOutList.open(file).contains("anna@example.org"));
	}

	/** A last address typed by hand without a line end counts; the next one added starts a new line. */
	@Test
	void aHandTypedLastLineWithoutItsEndCounts() throws Exception {
		Path file = folder.resolve("offline.txt");
		Files.writeString(file, OptOutList.HEADER + "\r\nanna@example.org\r\nemil@example.org", StandardCharsets.UTF_8);
		OptOutList list = OptOutList.open(file);
		assertTrue(list.contains("emil@example.org"));
		assertTrue(list.add("fritz@example.org", "", NOW));
		OptOutList again = OptOutList.open(file);
		assertEquals(List.of("anna@example.org", "emil@example.org", "fritz@example.org"),
				again.entries().stream().map(OptOutList.Entry::address).toList());
		assertEquals(List.of(), again.unreadable());
	}

	/** The same address however it is written: capitals, a display name, IDN and Unicode forms. */
	@Test
	void oneAddressIsOneAddressInEveryForm() throws Exception {
		OptOutList list = OptOutList.open(folder.resolve("offline.txt"));
		list.add("anna@müller.de", "", NOW);
		assertTrue(list.contains("Anna@XN--MLLER-KVA.DE"), "the domain's ASCII form");
		assertTrue(list.contains("anna@mu\u0308ller.de"), "a decomposed u-umlaut");
		assertTrue(list.contains("\"Anna\" <ANNA@Müller.de>"));
		assertFalse(list.contains("anna@mueller.de"));
	}

	@Test
	void aFileTooLargeIsRefusedNotHalfRead() throws Exception {
		Path file = folder.resolve("offline.txt");
		try (var channel = java.nio.channels.FileChannel.open(file, java.nio.file.StandardOpenOption.CREATE,
				java.nio.file.StandardOpenOption.WRITE)) {
			channel.write(java.nio.ByteBuffer.wrap(new byte[] { 'x' }), OptOutList.MAX_BYTES); // sparse
		}
		IOException refused = assertThrows(IOException.class, () -> OptOutList.open(file));
		assertTrue(refused.getMessage().contains(file.toString()), refused.getMessage());
	}

	@Test
	void eachMailboxHasItsOwnListAndTheOutboxOneToo() throws Exception {
		OptOutProfiles profiles = new OptOutProfiles(folder);
		profiles.of("office@verein.example").add("anna@example.org", "", NOW);
		assertTrue(profiles.of("Office@Verein.example").contains("anna@example.org"), "the same mailbox");
		assertFalse(profiles.of(OptOutProfiles.OFFLINE).contains("anna@example.org"));
		assertFalse(new OptOutProfiles(folder).of("privat@example.org").contains("anna@example.org"));
		assertTrue(new OptOutProfiles(folder).of("office@verein.example").contains("anna@example.org"), "read again");
		try (var files = Files.list(folder)) {
			assertTrue(files.map(f -> f.getFileName().toString()).allMatch(n -> n.matches("mailbox-[0-9a-f]{24}\\.txt")),
					"no address in a file name");
		}
	}
}
