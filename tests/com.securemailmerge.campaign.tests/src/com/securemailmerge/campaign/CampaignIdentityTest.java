package com.securemailmerge.campaign;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.securemailmerge.model.BodyFormat;
import com.securemailmerge.model.Campaign;
import com.securemailmerge.model.CampaignSettings;
import com.securemailmerge.model.SourceReference;
import com.securemailmerge.model.Template;
import com.securemailmerge.model.TransportKind;

/**
 * Two campaigns never share an id: a file without one (the samples ship so) gets a new one each time
 * it is opened, and a copy made in the file manager is noticed through the registry of ids.
 */
@org.eclipse.jdt.annotation.NonNullByDefault({})
class CampaignIdentityTest {

	@TempDir
	Path folder;

	private static Campaign campaign(UUID id) {
		return new Campaign(id, "Fest", new SourceReference("csv", "x.csv"), Template.of("s", "b", BodyFormat.HTML, ""),
				List.of(), TransportKind.OUTBOX, CampaignSettings.defaults(Locale.GERMANY));
	}

	@Test
	void aFileWithoutAnIdGetsANewOneEveryTimeItIsOpened() throws Exception {
		Path sample = folder.resolve("Beispiel.smmc");
		Files.writeString(sample, "<?xml version=\"1.0\"?><campaign xmlns=\"urn:securemailmerge:campaign:1\" version=\"1\""
				+ " name=\"Beispiel\"><settings locale=\"de-DE\" transport=\"OUTBOX\"/></campaign>", StandardCharsets.UTF_8);
		CampaignFile.Opened first = CampaignFile.open(sample);
		CampaignFile.Opened second = CampaignFile.open(sample);
		assertTrue(first.idAssigned() && second.idAssigned());
		assertNotEquals(first.campaign().id(), second.campaign().id());
		CampaignFile.save(first.campaign(), sample);
		CampaignFile.Opened saved = CampaignFile.open(sample);
		assertFalse(saved.idAssigned());
		assertEquals(first.campaign().id(), saved.campaign().id(), "once saved, the id stays");
	}

	@Test
	void theSamplesThatShipHaveNoId() throws Exception {
		// the samples folder of the base feature, two levels above this test bundle
		Path samples = Path.of("../../features/com.securemailmerge.feature/rootfiles/common/samples");
		assertTrue(Files.isDirectory(samples), samples.toAbsolutePath().toString());
		for (String name : List.of("Sommerfest.smmc", "Summer-party.smmc")) {
			assertTrue(CampaignFile.open(samples.resolve(name)).idAssigned(), name + " must not ship with a fixed id");
		}
	}

	@Test
	void aCopiedCampaignFileIsNoticedAndTheOriginalIsNot() throws Exception {
		CampaignRegistry registry = new CampaignRegistry(folder.resolve("state/campaigns.tsv"));
		UUID id = UUID.randomUUID();
		Path original = folder.resolve("Fest.smmc");
		CampaignFile.save(campaign(id), original);
		registry.register(id, original);
		Path copy = Files.createDirectories(folder.resolve("Kopie")).resolve("Fest.smmc");
		Files.copy(original, copy);
		assertEquals(Optional.of(original.toAbsolutePath().normalize()), registry.other(id, copy));
		assertEquals(Optional.empty(), registry.other(id, original), "the original is itself");
		Files.delete(original);
		assertEquals(Optional.empty(), registry.other(id, copy), "moved, not copied: the old file is gone");
	}

	@Test
	void aBrokenRegistryNamesNothingAndIsWrittenAnew() throws Exception {
		Path file = folder.resolve("campaigns.tsv");
		Files.writeString(file, "not-a-uuid\t/x\n\u0000\u0000\n");
		CampaignRegistry registry = new CampaignRegistry(file);
		UUID id = UUID.randomUUID();
		Path campaign = folder.resolve("A.smmc");
		CampaignFile.save(campaign(id), campaign);
		assertEquals(Optional.empty(), registry.other(id, campaign));
		registry.register(id, campaign);
		assertTrue(Files.readString(file).contains(id.toString()));
	}
}
