package com.securemailmerge.campaign;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.securemailmerge.model.Attachment;
import com.securemailmerge.model.BodyFormat;
import com.securemailmerge.model.Campaign;
import com.securemailmerge.model.CampaignSettings;
import com.securemailmerge.model.RecipientKey;
import com.securemailmerge.model.SourceReference;
import com.securemailmerge.model.Template;
import com.securemailmerge.model.TransportKind;

@org.eclipse.jdt.annotation.NonNullByDefault({})
class CampaignFileTest {

	@TempDir
	Path folder;

	private Campaign campaign(String location) {
		Template template = new Template("Einladung für {{Vorname}} <& \"Gäste\">",
				"<p>Liebe {{Vorname}},</p>\n\n\t<p>]]> &amp; €</p>\r\n", BodyFormat.MARKDOWN,
				"{{Vorname}} <{{[E-Mail]}}>", "{{CC}}", "archiv@example.org", "office@example.org");
		return new Campaign(UUID.fromString("7f3c0e0a-8d8e-4b0e-9d55-0a7e5d7e4c11"), "Sommerfest 2026",
				new SourceReference("com.securemailmerge.recipients.excel", location, Map.of("sheet", "Mitglieder")),
				template,
				List.of(new Attachment(Attachment.Kind.COMMON, "/data/Programm.pdf"),
						new Attachment(Attachment.Kind.PER_RECIPIENT, "/data/{{Nummer}}.pdf")),
				TransportKind.OUTBOX,
				new CampaignSettings("de-DE", "E-Mail", Set.of(new RecipientKey("row:7"), new RecipientKey("row:3"))));
	}

	@Test
	void aSavedCampaignReopensIdentically() throws Exception {
		Campaign original = campaign(folder.resolve("daten/Mitglieder.xlsx").toString());
		Path file = folder.resolve("Sommerfest.smmc");
		CampaignFile.save(original, file);
		assertEquals(original, CampaignFile.load(file));
		String xml = Files.readString(file, StandardCharsets.UTF_8);
		assertTrue(xml.contains("location=\"daten/Mitglieder.xlsx\""), "stored relative to the campaign: " + xml);
		try (var left = Files.list(folder)) {
			assertEquals(Set.of("Sommerfest.smmc"), left.filter(Files::isRegularFile)
					.map(p -> p.getFileName().toString()).collect(java.util.stream.Collectors.toSet()),
					"no temporary file is left behind");
		}
	}

	@Test
	void aMovedCampaignFolderFindsItsSourceAgain() throws Exception {
		CampaignFile.save(campaign(folder.resolve("a/Mitglieder.xlsx").toString()), folder.resolve("a/k.smmc"));
		Files.move(folder.resolve("a"), folder.resolve("b"));
		Campaign moved = CampaignFile.load(folder.resolve("b/k.smmc"));
		assertEquals(folder.resolve("b/Mitglieder.xlsx").toString(), moved.source().location());
	}

	@Test
	void theFolderForPerRecipientFilesIsStoredRelativeInsideAndAsItIsOutside() throws Exception {
		Campaign base = campaign(folder.resolve("a/Mitglieder.xlsx").toString());
		Path file = folder.resolve("a/k.smmc");
		Campaign inside = base.withSettings(base.settings().withAttachmentsFolder(folder.resolve("a/Briefe").toString()));
		CampaignFile.save(inside, file);
		assertTrue(Files.readString(file, StandardCharsets.UTF_8).contains("<attachments-folder path=\"Briefe\"/>"));
		assertEquals(inside, CampaignFile.load(file));
		Files.move(folder.resolve("a"), folder.resolve("b"));
		assertEquals(folder.resolve("b/Briefe").toString(), CampaignFile.load(folder.resolve("b/k.smmc")).settings().attachmentsFolder(),
				"moves with the campaign's folder");

		Path elsewhere = folder.resolve("c/k.smmc");
		Campaign outside = base.withSettings(base.settings().withAttachmentsFolder("/srv/briefe"));
		CampaignFile.save(outside, elsewhere);
		assertEquals("/srv/briefe", CampaignFile.load(elsewhere).settings().attachmentsFolder(),
				"kept as it is (the workbench holds it until the user allows it)");

		Campaign own = base.withSettings(base.settings().withAttachmentsFolder(folder.resolve("c").toString()));
		CampaignFile.save(own, elsewhere);
		assertTrue(!Files.readString(elsewhere, StandardCharsets.UTF_8).contains("attachments-folder"), "the default is not written");
		assertEquals(null, CampaignFile.load(elsewhere).settings().attachmentsFolder());

		// written by hand or by someone else: an empty path is the campaign's folder, ".." resolves and is held later
		String xml = Files.readString(elsewhere, StandardCharsets.UTF_8);
		Files.writeString(elsewhere, xml.replaceFirst("(<settings [^>]*>)", "$1<attachments-folder path=\"\"/>"), StandardCharsets.UTF_8);
		assertEquals(null, CampaignFile.load(elsewhere).settings().attachmentsFolder());
		for (String itself : List.of(".", "x/..", folder.resolve("c").toString(), folder.resolve("c") + "/./")) {
			Files.writeString(elsewhere, xml.replaceFirst("(<settings [^>]*>)", "$1<attachments-folder path=\"" + itself + "\"/>"),
					StandardCharsets.UTF_8);
			assertEquals(null, CampaignFile.load(elsewhere).settings().attachmentsFolder(), itself + " is the campaign's folder: "
					+ "saved and opened again it stays the same");
		}
		Files.writeString(elsewhere, xml.replaceFirst("(<settings [^>]*>)", "$1<attachments-folder path=\"../../.ssh\"/>"),
				StandardCharsets.UTF_8);
		assertEquals(folder.getParent().resolve(".ssh").toString(), CampaignFile.load(elsewhere).settings().attachmentsFolder());
	}

	@Test
	void aSourceElsewhereAndAMailboxAreKeptAsTheyAre() throws Exception {
		Path file = folder.resolve("sub/k.smmc");
		Path elsewhere = folder.resolve("other.csv").toAbsolutePath();
		CampaignFile.save(campaign(elsewhere.toString()), file);
		assertEquals(elsewhere.toString(), CampaignFile.load(file).source().location());
		CampaignFile.save(campaign("").withSource(SourceReference.account("outlook-shared", "verein@example.org")), file);
		assertEquals(SourceReference.account("outlook-shared", "verein@example.org"), CampaignFile.load(file).source());
	}

	/** A source knows its kind: a file in a folder with an "@" in its name is no mailbox (issue 17). */
	@Test
	void aFilePathWithAnAtSignStaysAFileAndAMailboxStaysAMailbox() throws Exception {
		Path file = folder.resolve("anna@verein.example/k.smmc");
		Path list = folder.resolve("anna@verein.example/Mitglieder@2026.xlsx");
		CampaignFile.save(campaign(list.toString()), file);
		assertTrue(Files.readString(file).contains("file=\"true\" location=\"Mitglieder@2026.xlsx\""), "stored relative");
		Campaign opened = CampaignFile.load(file);
		assertEquals(SourceReference.Kind.FILE, opened.source().kind());
		assertEquals(list.toString(), opened.source().location());
		CampaignFile.save(opened.withSource(SourceReference.account("outlook", "me")), file);
		assertEquals(SourceReference.account("outlook", "me"), CampaignFile.load(file).source());
	}

	/**
	 * Characters XML 1.0 cannot hold (an escape character pasted into the subject, a lone surrogate)
	 * are left out when saving: the file opens again, with everything else as it was.
	 */
	@Test
	void aControlCharacterInATemplateDoesNotMakeTheFileUnreadable() throws Exception {
		Path file = folder.resolve("k.smmc");
		Campaign pasted = campaign("liste\u001b.csv").withName("Sommer\u0007fest \ud83c\udf89")
				.withTemplate(Template.of("Einladung\u001b[2J für {{Vorname}}\ud800", "Hallo\u0000 {{Vorname}}\uFFFE", BodyFormat.HTML, "{{[E-Mail]}}"));
		CampaignFile.save(pasted, file);
		Campaign opened = CampaignFile.load(file);
		assertEquals("Sommerfest \ud83c\udf89", opened.name());
		assertEquals("Einladung[2J für {{Vorname}}", opened.template().subject());
		assertEquals("Hallo {{Vorname}}", opened.template().body());
		assertEquals(folder.resolve("liste.csv").toString(), opened.source().location());
		CampaignFile.save(opened, file);
		assertEquals(opened, CampaignFile.load(file));
	}

	/** A campaign file written before the source had its "file" attribute: an account by "me" or an address. */
	@Test
	void anEarlyFileWithoutTheFlagIsJudgedByItsLocation() throws Exception {
		Path file = folder.resolve("alt.smmc");
		String head = "<?xml version=\"1.0\"?><campaign xmlns=\"urn:securemailmerge:campaign:1\" version=\"1\""
				+ " id=\"7f3c0e0a-8d8e-4b0e-9d55-0a7e5d7e4c11\" name=\"k\"><source id=\"outlook\" location=\"";
		String tail = "\"/><settings locale=\"de-DE\" transport=\"OUTBOX\"/>"
				+ "<template format=\"HTML\"><subject>s</subject><body>b</body></template></campaign>";
		Files.writeString(file, head + "me" + tail);
		assertEquals(SourceReference.Kind.ACCOUNT, CampaignFile.load(file).source().kind());
		Files.writeString(file, head + "buero@verein.example" + tail);
		assertEquals(SourceReference.account("outlook", "buero@verein.example"), CampaignFile.load(file).source());
		Files.writeString(file, head + "Daten/liste.csv" + tail);
		assertEquals(new SourceReference("outlook", folder.resolve("Daten/liste.csv").toString()), CampaignFile.load(file).source());
	}

	@Test
	void savingAgainReplacesTheFile() throws Exception {
		Path file = folder.resolve("k.smmc");
		Campaign first = campaign(folder.resolve("x.csv").toString());
		CampaignFile.save(first, file);
		Campaign second = first.withName("Weihnachtsfeier").withTemplate(first.template().withSubject("Neu"));
		CampaignFile.save(second, file);
		assertEquals(second, CampaignFile.load(file));
	}

	@Test
	void aBrokenFileIsReportedWithFileAndLine() throws Exception {
		Path file = folder.resolve("kaputt.smmc");
		Files.writeString(file, "<?xml version=\"1.0\"?>\n<campaign xmlns=\"urn:securemailmerge:campaign:1\" id=\"x\">\n<template>\n</campaign>");
		CampaignFileException e = assertThrows(CampaignFileException.class, () -> CampaignFile.load(file));
		assertTrue(e.getMessage().contains("kaputt.smmc"), e.getMessage());
		assertTrue(e.getMessage().matches("(?s).*(line|Zeile) [2-4].*"), e.getMessage());
	}

	@Test
	void anotherXmlFileOrAMissingFileIsSaidSo() throws Exception {
		Path other = folder.resolve("other.xml");
		Files.writeString(other, "<project/>");
		assertTrue(assertThrows(CampaignFileException.class, () -> CampaignFile.load(other)).getMessage()
				.contains("project"));
		Path missing = folder.resolve("nichts.smmc");
		assertTrue(assertThrows(CampaignFileException.class, () -> CampaignFile.load(missing)).getMessage()
				.contains("nichts.smmc"));
	}

	/**
	 * Found by CampaignFileFuzz: file="tr?ue" was read as false, so the relative location stayed
	 * relative, was saved as a file and came back absolute: what opens must save and open the same.
	 * Since the source knows its kind, file="false" is an account whatever its location looks like.
	 */
	@Test
	void theSourceFlagIsStrictAndAFileIsAFileByOneRule() throws Exception {
		Path file = folder.resolve("k.smmc");
		String head = "<?xml version=\"1.0\"?><campaign xmlns=\"urn:securemailmerge:campaign:1\" version=\"1\""
				+ " id=\"7f3c0e0a-8d8e-4b0e-9d55-0a7e5d7e4c11\" name=\"k\"><source id=\"csv\" file=\"";
		String tail = "\" location=\"Daten/liste.csv\"/><settings locale=\"de-DE\" transport=\"OUTBOX\"/>"
				+ "<template format=\"HTML\"><subject>s</subject><body>b</body></template></campaign>";
		Files.writeString(file, head + "tr?ue" + tail);
		CampaignFileException e = assertThrows(CampaignFileException.class, () -> CampaignFile.load(file));
		assertTrue(e.getMessage().contains("tr?ue"), e.getMessage());
		Files.writeString(file, head + "false" + tail);
		Campaign opened = CampaignFile.load(file);
		assertEquals(SourceReference.account("csv", "Daten/liste.csv"), opened.source());
		Files.writeString(file, head + "true" + tail);
		assertEquals(folder.resolve("Daten/liste.csv").toString(), CampaignFile.load(file).source().location());
		Path again = folder.resolve("again.smmc");
		CampaignFile.save(opened, again);
		assertEquals(opened, CampaignFile.load(again));
	}

	@Test
	void externalEntitiesAreNeverRead() throws Exception {
		Path secret = folder.resolve("secret.txt");
		Files.writeString(secret, "TOP SECRET");
		Path file = folder.resolve("xxe.smmc");
		Files.writeString(file, "<?xml version=\"1.0\"?><!DOCTYPE c [<!ENTITY x SYSTEM \"" + secret.toUri()
				+ "\">]><campaign xmlns=\"urn:securemailmerge:campaign:1\" id=\"7f3c0e0a-8d8e-4b0e-9d55-0a7e5d7e4c11\">"
				+ "<template><subject>&x;</subject></template></campaign>");
		try {
			Campaign campaign = CampaignFile.load(file);
			assertTrue(!campaign.template().subject().contains("TOP SECRET"));
		} catch (CampaignFileException e) {
			assertTrue(!e.getMessage().contains("TOP SECRET"));
		}
	}
}
