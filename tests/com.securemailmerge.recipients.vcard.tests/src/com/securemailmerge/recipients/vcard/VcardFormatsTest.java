package com.securemailmerge.recipients.vcard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.securemailmerge.model.Recipient;
import com.securemailmerge.model.SourceReference;
import com.securemailmerge.recipients.LoadResult;
import com.securemailmerge.recipients.SourceException;

/**
 * Address books as the programs people use export them (written here after each program's
 * documented layout): Apple Contacts (3.0, TYPE=pref, grouped items), Thunderbird (4.0, PREF=1),
 * Android/Google (3.0, folded lines, escaped commas), Outlook (2.1, Windows-1252 and quoted-printable),
 * and files that are not what they claim.
 */
@org.eclipse.jdt.annotation.NonNullByDefault({}) // tests are not held to the null contracts of the package they test
final class VcardFormatsTest {

	@TempDir
	Path folder;

	private LoadResult load(Path file) throws SourceException {
		return new VcardRecipientSource().load(new SourceReference("vcard", file.toString()), new NullProgressMonitor());
	}

	private Path write(String name, String text, Charset charset) throws Exception {
		return Files.write(folder.resolve(name), text.replace("\n", "\r\n").getBytes(charset));
	}

	@Test
	void appleContactsThreeWithThePreferredAddressAndGroupedItems() throws Exception {
		LoadResult result = load(write("Kontakte.vcf", """
				BEGIN:VCARD
				VERSION:3.0
				PRODID:-//Apple Inc.//macOS 14.4//EN
				N:Weber;Anna;;;
				FN:Anna Weber
				ORG:Sommerfest e.V.;Vorstand
				TITLE:Kassenwartin
				EMAIL;type=INTERNET;type=WORK:anna@verein.example
				EMAIL;type=INTERNET;type=HOME;type=pref:anna.weber@example.org
				item1.ADR;type=HOME;type=pref:;;Hauptstraße 1;Köln;;50667;Deutschland
				item1.X-ABADR:de
				CATEGORIES:Vorstand,Mitglied
				END:VCARD
				""", StandardCharsets.UTF_8));
		Recipient anna = result.recipients().recipients().get(0);
		assertEquals("anna.weber@example.org", anna.text("Email"), "the preferred address, though second");
		assertEquals("anna@verein.example", anna.text("Email 2"));
		assertEquals("Anna", anna.text("First name"));
		assertEquals("Weber", anna.text("Last name"));
		assertEquals("Anna Weber", anna.text("Display name"));
		assertEquals("Sommerfest e.V.", anna.text("Company"));
		assertEquals("Kassenwartin", anna.text("Job title"));
		assertEquals("Köln", anna.text("City"));
		assertEquals(Set.of("Vorstand", "Mitglied"), anna.categories());
		assertEquals("Email", result.recipients().emailField());
		assertTrue(result.problems().isEmpty(), result.problems().toString());
	}

	@Test
	void thunderbirdFourWithPrefOneAndSeveralCategoryLines() throws Exception {
		LoadResult result = load(write("thunderbird.vcf", """
				BEGIN:VCARD
				VERSION:4.0
				PRODID:-//Thunderbird//NONSGML Thunderbird//EN
				UID:3a1f8c2e-0b5d-4c1e-9f0a-2b7d6c5e4f3a
				FN:Jörg Müller
				N:Müller;Jörg;;;
				EMAIL;PREF=2:j.mueller@firma.example
				EMAIL;PREF=1:joerg.mueller@example.org
				EMAIL:joerg@privat.example
				CATEGORIES:Förderer
				CATEGORIES:Mitglied
				END:VCARD
				BEGIN:VCARD
				VERSION:4.0
				FN:Sophie Martin
				N:Martin;Sophie;;;
				EMAIL:sophie.martin@example.com
				END:VCARD
				""", StandardCharsets.UTF_8));
		List<Recipient> recipients = result.recipients().recipients();
		assertEquals(2, recipients.size());
		assertEquals("joerg.mueller@example.org", recipients.get(0).text("Email"));
		assertEquals("j.mueller@firma.example", recipients.get(0).text("Email 2"));
		assertEquals("joerg@privat.example", recipients.get(0).text("Email 3"));
		assertEquals(Set.of("Förderer", "Mitglied"), recipients.get(0).categories());
		assertEquals(2, recipients.get(1).row(), "the second card is numbered 2");
	}

	@Test
	void androidThreeWithFoldedLinesAndEscapedCommas() throws Exception {
		LoadResult result = load(write("contacts.vcf", """
				BEGIN:VCARD
				VERSION:3.0
				N:Okafor;David;;;
				FN:David Okafor
				ORG:Müller\\, Hans & Partner
				EMAIL;TYPE=INTERNET;TYPE=HOME:david.okafor
				 @example.com
				TEL;TYPE=CELL:+49 170 0000000
				END:VCARD
				""", StandardCharsets.UTF_8));
		Recipient david = result.recipients().recipients().get(0);
		assertEquals("david.okafor@example.com", david.text("Email"), "a folded line is one value");
		assertEquals("Müller, Hans & Partner", david.text("Company"), "an escaped comma is part of the value");
	}

	@Test
	void outlookTwoOneInWindows1252WithQuotedPrintable() throws Exception {
		LoadResult result = load(write("Outlook.vcf", """
				BEGIN:VCARD
				VERSION:2.1
				N;LANGUAGE=de;CHARSET=Windows-1252:Schneider;Lukas
				FN;CHARSET=Windows-1252:Lukas Schneider
				ORG;CHARSET=Windows-1252:Bäckerei Schneider
				TITLE;ENCODING=QUOTED-PRINTABLE;CHARSET=Windows-1252:Gesch=E4ftsf=FChrer
				EMAIL;PREF;INTERNET:lukas.schneider@example.org
				ADR;WORK;PREF;CHARSET=Windows-1252:;;Straße 5;München;;80331;Deutschland
				END:VCARD
				""", Charset.forName("windows-1252")));
		Recipient lukas = result.recipients().recipients().get(0);
		assertEquals("lukas.schneider@example.org", lukas.text("Email"));
		assertEquals("Bäckerei Schneider", lukas.text("Company"), "8-bit Windows-1252 text");
		assertEquals("Geschäftsführer", lukas.text("Job title"), "quoted-printable in Windows-1252");
		assertEquals("München", lukas.text("City"));
	}

	@Test
	void aCardWithoutAnAddressAndTheSamePersonTwiceAreProblemsNamingTheCard() throws Exception {
		LoadResult result = load(write("probleme.vcf", """
				BEGIN:VCARD
				VERSION:4.0
				FN:Ohne Adresse
				END:VCARD
				BEGIN:VCARD
				VERSION:4.0
				FN:Anna
				EMAIL:anna@example.org
				END:VCARD
				BEGIN:VCARD
				VERSION:4.0
				FN:Anna noch einmal
				EMAIL:ANNA@example.org
				END:VCARD
				""", StandardCharsets.UTF_8));
		assertEquals(2, result.recipients().recipients().size(), "the same address is one recipient");
		assertTrue(result.problems().stream().anyMatch(p -> p.kind() == com.securemailmerge.model.Problem.Kind.MISSING_VALUE
				&& p.message().contains("probleme.vcf") && p.message().contains(" 1")), result.problems().toString());
		assertTrue(result.problems().stream().anyMatch(p -> p.kind() == com.securemailmerge.model.Problem.Kind.DUPLICATE_ADDRESS
				&& p.message().contains(" 3") && p.message().contains(" 2")), result.problems().toString());
	}

	@Test
	void aFileThatIsNoAddressBookSaysSo() throws Exception {
		Path csv = write("liste.vcf", "E-Mail;Vorname\nanna@example.org;Anna\n", StandardCharsets.UTF_8);
		SourceException e = assertThrows(SourceException.class, () -> load(csv));
		assertTrue(e.getMessage().contains("liste.vcf") && e.getMessage().contains("BEGIN:VCARD"), e.getMessage());
		Path empty = write("leer.vcf", "", StandardCharsets.UTF_8);
		assertThrows(SourceException.class, () -> load(empty));
		Path missing = folder.resolve("fehlt.vcf");
		SourceException gone = assertThrows(SourceException.class, () -> load(missing));
		assertTrue(gone.getMessage().contains("fehlt.vcf"), gone.getMessage());
	}

	@Test
	void aFileLargerThanAnyAddressBookIsRefusedWithoutReadingIt() throws Exception {
		Path huge = folder.resolve("riesig.vcf");
		try (java.io.RandomAccessFile file = new java.io.RandomAccessFile(huge.toFile(), "rw")) {
			file.setLength(VcardRecipientSource.MAX_BYTES + 1); // sparse: nothing is written
		}
		SourceException e = assertThrows(SourceException.class, () -> load(huge));
		assertTrue(e.getMessage().contains("riesig.vcf") && e.getMessage().contains("64 MB"), e.getMessage());
	}

	@Test
	void cardsSwallowedByACardWithoutEndAreNamedAndABadPrefIsIgnored() throws Exception {
		LoadResult result = load(write("kaputt.vcf", """
				BEGIN:VCARD
				VERSION:4.0
				FN:Eins
				EMAIL;PREF=abc:eins@example.org
				BEGIN:VCARD
				VERSION:4.0
				FN:Zwei
				EMAIL:zwei@example.org
				END:VCARD
				BEGIN:VCARD
				VERSION:4.0
				FN:Drei
				EMAIL:drei@example.org
				END:VCARD
				""", StandardCharsets.UTF_8));
		assertTrue(result.recipients().recipients().stream().anyMatch(r -> r.text("Email").equals("eins@example.org")),
				"a PREF that is no number does not lose the card");
		int read = result.recipients().recipients().size();
		if (read < 3) {
			assertTrue(result.problems().stream().anyMatch(p -> p.message().contains("kaputt.vcf") && p.message().contains("END:VCARD")),
					read + " of 3 cards read, and no warning: " + result.problems());
		}
	}

	@Test
	void aCardLongerThanAnyAddressBookCardIsRefusedNamingIt() throws Exception {
		Path file = write("lang.vcf", "BEGIN:VCARD\nVERSION:4.0\nFN:Kurz\nEMAIL:kurz@example.org\nEND:VCARD\n"
				+ "BEGIN:VCARD\nVERSION:4.0\nFN:Lang\nNOTE:" + "x".repeat(CardInput.MAX_CARD + 10) + "\nEND:VCARD\n",
				StandardCharsets.UTF_8);
		SourceException e = assertThrows(SourceException.class, () -> load(file));
		assertTrue(e.getMessage().contains("lang.vcf") && e.getMessage().contains("card 2"), e.getMessage());
	}

	@Test
	void utf16AndAByteOrderMarkAreRead() throws Exception {
		String card = "BEGIN:VCARD\nVERSION:3.0\nN:Müller;Jörg;;;\nFN:Jörg Müller\nEMAIL:joerg@example.org\nEND:VCARD\n";
		for (Charset charset : List.of(StandardCharsets.UTF_16, StandardCharsets.UTF_16LE)) {
			Recipient joerg = load(write("utf16.vcf", card, charset)).recipients().recipients().get(0);
			assertEquals("Jörg", joerg.text("First name"), charset.name());
		}
		Path bom = write("bom.vcf", "\uFEFF" + card, StandardCharsets.UTF_8);
		assertEquals("joerg@example.org", load(bom).recipients().recipients().get(0).text("Email"));
	}
}
