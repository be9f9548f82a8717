package com.securemailmerge.campaign;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files for everybody outside a campaign's folder are allowed per campaign id and campaign file: a
 * copy elsewhere, another id or another file is not allowed; a broken or hostile store allows nothing.
 */
@org.eclipse.jdt.annotation.NonNullByDefault({})
final class AttachmentApprovalsTest {

	@TempDir
	Path folder;

	@Test
	void allowedForThisCampaignFileOnly() {
		AttachmentApprovals approvals = new AttachmentApprovals(folder.resolve("settings/allowed.tsv"));
		UUID id = UUID.randomUUID();
		Path campaign = folder.resolve("a/Einladung.smmc");
		Path agb = folder.resolve("Dokumente/AGB.pdf");
		assertFalse(approvals.isAllowed(id, campaign, agb));
		approvals.allow(id, campaign, List.of(agb));
		assertTrue(approvals.isAllowed(id, campaign, agb));
		assertTrue(approvals.isAllowed(id, folder.resolve("a/../a/Einladung.smmc"), agb), "the same file, written otherwise");
		assertFalse(approvals.isAllowed(id, folder.resolve("b/Einladung.smmc"), agb), "a copy elsewhere is asked again");
		assertFalse(approvals.isAllowed(UUID.randomUUID(), campaign, agb), "another campaign is asked again");
		assertFalse(approvals.isAllowed(id, campaign, folder.resolve("Dokumente/other.pdf")));
		assertTrue(new AttachmentApprovals(folder.resolve("settings/allowed.tsv")).isAllowed(id, campaign, agb),
				"kept across sessions");
	}

	@Test
	void aNameWithALineBreakIsNotKeptAndABrokenStoreAllowsNothing() throws Exception {
		Path store = folder.resolve("allowed.tsv");
		AttachmentApprovals approvals = new AttachmentApprovals(store);
		UUID id = UUID.randomUUID();
		Path campaign = folder.resolve("k.smmc");
		// a name that would write a second line allowing /etc/passwd for the campaign
		Path forged = folder.resolve("x\n" + id + "\t" + campaign + "\t/etc/passwd");
		approvals.allow(id, campaign, List.of(forged));
		assertFalse(approvals.isAllowed(id, campaign, Path.of("/etc/passwd")));
		assertFalse(Files.exists(store), "nothing to remember");
		Files.write(store, new byte[] { (byte) 0xff, (byte) 0xfe, 0, 1, '\t' });
		assertFalse(approvals.isAllowed(id, campaign, Path.of("/etc/passwd")));
		Files.writeString(store, "kaputt\n\t\t\n", StandardCharsets.UTF_8);
		approvals.allow(id, campaign, List.of(folder.resolve("AGB.pdf")));
		assertTrue(approvals.isAllowed(id, campaign, folder.resolve("AGB.pdf")));
	}
}
