package com.securemailmerge.ui.tests;

import static com.securemailmerge.ui.tests.Workbench.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.eclipse.e4.core.services.events.IEventBroker;
import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.swt.widgets.Table;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.securemailmerge.campaign.CampaignFile;
import com.securemailmerge.model.Attachment;
import com.securemailmerge.model.BodyFormat;
import com.securemailmerge.model.Campaign;
import com.securemailmerge.model.CampaignSettings;
import com.securemailmerge.model.Problem;
import com.securemailmerge.model.RecipientList;
import com.securemailmerge.model.SourceReference;
import com.securemailmerge.model.Template;
import com.securemailmerge.model.TemplatePart;
import com.securemailmerge.model.TransportKind;
import com.securemailmerge.ui.internal.CampaignState;
import com.securemailmerge.ui.internal.LiveMerge;
import com.securemailmerge.ui.internal.Topics;
import com.securemailmerge.ui.parts.AttachmentsPart;
import com.securemailmerge.ui.parts.ProblemsPart;
import com.securemailmerge.ui.parts.RecipientsPart;

/**
 * The Attachments part driven through its code path: a file for everybody is added once (not twice,
 * folders not at all) and shows its size; a per-recipient path relative to the campaign's folder
 * finds one recipient's file and not the other's; a file deleted on disk becomes a problem; a
 * message over the size limit too.
 */
@org.eclipse.jdt.annotation.NonNullByDefault({})
final class AttachmentsPartTest {

	private static final String PART = "com.securemailmerge.ui.part.attachments";

	@TempDir
	Path folder;

	@Test
	void attachmentsShowTheirSizesAndMissingFilesBecomeProblems() throws Exception {
		Path csv = folder.resolve("mitglieder.csv");
		Files.writeString(csv, "Vorname;E-Mail;Nummer\r\nAnna;anna@example.org;1\r\nJörg;joerg@example.org;2\r\n",
				StandardCharsets.UTF_8);
		Path file = folder.resolve("Rechnung.smmc");
		CampaignFile.save(new Campaign(UUID.randomUUID(), "Rechnung", new SourceReference("csv", csv.toString()),
				Template.of("Hallo {{Vorname}}", "<p>Ihre Rechnung</p>", BodyFormat.HTML, ""), List.of(),
				TransportKind.OUTBOX, new CampaignSettings("de-DE", "E-Mail", Set.of())), file);
		Path programme = Files.write(folder.resolve("Programm.pdf"), new byte[2048]);
		Files.createDirectories(folder.resolve("Rechnungen"));
		Files.write(folder.resolve("Rechnungen/1.pdf"), new byte[300 * 1024]);

		MApplication application = Workbench.application();
		CampaignState state = application.getContext().get(CampaignState.class);
		LiveMerge live = application.getContext().get(LiveMerge.class);
		Workbench.part("com.securemailmerge.ui.part.recipients", RecipientsPart.class);
		state.open(file);
		waitUntil("the campaign's recipients", () -> application.getContext().get(RecipientList.class) != null
				&& application.getContext().get(RecipientList.class).recipients().size() == 2);
		RecipientList list = application.getContext().get(RecipientList.class);
		ProblemsPart problems = Workbench.part("com.securemailmerge.ui.part.problems", ProblemsPart.class);
		AttachmentsPart attachments = Workbench.part(PART, AttachmentsPart.class);
		application.getContext().get(IEventBroker.class).send(Topics.RECIPIENT_SELECTED, list.recipients().get(0));

		attachments.addCommon(List.of(programme, programme, folder));
		attachments.addCommon(List.of(folder.resolve("Rechnungen/../Programm.pdf")));
		assertEquals(List.of(new Attachment(Attachment.Kind.COMMON, programme.toAbsolutePath().normalize().toString())),
				state.campaign().attachments(), "added once, the folder left out");
		assertTrue(state.isDirty(), "an added attachment makes the campaign dirty");
		Table table = attachments.table();
		assertEquals(1, table.getItemCount());
		assertEquals("Programm.pdf", table.getItem(0).getText(0));
		assertEquals("für alle", table.getItem(0).getText(1));
		assertEquals(programme.toAbsolutePath().normalize().toString(), table.getItem(0).getText(2));
		assertEquals("2 KB", table.getItem(0).getText(3));

		attachments.addPerRecipient("Rechnungen/{{Nummer}}.pdf");
		waitUntil("Jörg's missing invoice", () -> missing(problems, "mail:joerg@example.org") != null);
		assertNull(missing(problems, "mail:anna@example.org"), "Anna's invoice is there: " + problems.shown());
		waitUntil("the size of Anna's invoice", () -> "300 KB".equals(table.getItem(1).getText(3)));
		assertEquals("je Empfänger", table.getItem(1).getText(1));
		assertEquals("Rechnungen/{{Nummer}}.pdf", table.getItem(1).getText(2));
		assertTrue(attachments.footerText().contains("anna@example.org"), attachments.footerText());
		assertTrue(attachments.footerText().contains("35 MB"), attachments.footerText());
		Screenshots.save(table.getShell(), "attachments-de.png");
		state.save(null);
		assertEquals(state.campaign().attachments(), CampaignFile.load(file).attachments(), "saved as shown");

		Files.delete(programme);
		attachments.checkFiles();
		assertEquals("fehlt", table.getItem(0).getText(3));
		waitUntil("the deleted file as Anna's problem", () -> missing(problems, "mail:anna@example.org") != null);
		Problem gone = missing(problems, "mail:anna@example.org");
		assertTrue(gone.isError());
		assertNull(gone.field());
		assertEquals(TemplatePart.ATTACHMENT, gone.part());
		assertTrue(gone.message().contains(programme.getFileName().toString()), gone.message());

		Files.write(programme, new byte[2048]);
		live.setMaxMessageSize(200 * 1024);
		try {
			live.recheck(); // the limit alone runs nothing
			waitUntil("Anna's message over the limit", () -> problems.shown().stream()
					.anyMatch(p -> p.kind() == Problem.Kind.MESSAGE_TOO_LARGE && "mail:anna@example.org".equals(p.recipient().value())));
			assertNull(missing(problems, "mail:anna@example.org"), "the file is back");
		} finally {
			live.setMaxMessageSize(LiveMerge.DEFAULT_MAX_MESSAGE_SIZE);
		}

		attachments.remove(0, 1);
		assertEquals(List.of(), state.campaign().attachments());
		state.save(null);
		waitUntil("no attachment problems left", () -> problems.shown().stream()
				.noneMatch(p -> p.kind() == Problem.Kind.MISSING_ATTACHMENT || p.kind() == Problem.Kind.MESSAGE_TOO_LARGE));
		waitUntil("the live merge idle", () -> !live.isBusy());
	}

	/**
	 * A received campaign file naming a file for everybody outside its folder (issue 16): opening it
	 * lists the file and, answered with "Do not attach", attaches nothing: the compilation refuses it
	 * with its path, so nothing can be sent. Adding the file again under Attachments allows it; once
	 * saved, the campaign opens again without the question.
	 */
	@Test
	void aFileOutsideTheFolderIsHeldUntilTheUserAllowsIt() throws Exception {
		Path received = Files.createDirectories(folder.resolve("Empfangen"));
		Path secret = Files.writeString(folder.resolve("geheim.txt"), "nicht für andere", StandardCharsets.UTF_8);
		Path csv = received.resolve("liste.csv");
		Files.writeString(csv, "E-Mail\r\nanna@example.org\r\n", StandardCharsets.UTF_8);
		Path file = received.resolve("Einladung.smmc");
		CampaignFile.save(new Campaign(UUID.randomUUID(), "Einladung", new SourceReference("csv", csv.toString()),
				Template.of("Hallo", "<p>Hallo</p>", BodyFormat.HTML, ""),
				List.of(new Attachment(Attachment.Kind.COMMON, "../geheim.txt")), TransportKind.OUTBOX,
				new CampaignSettings("de-DE", "E-Mail", Set.of())), file);

		MApplication application = Workbench.application();
		CampaignState state = application.getContext().get(CampaignState.class);
		LiveMerge live = application.getContext().get(LiveMerge.class);
		Workbench.part("com.securemailmerge.ui.part.recipients", RecipientsPart.class);
		ProblemsPart problems = Workbench.part("com.securemailmerge.ui.part.problems", ProblemsPart.class);
		AttachmentsPart attachments = Workbench.part(PART, AttachmentsPart.class);

		// the start-up's own opening of the last campaign (two event-loop turns after start-up) first
		Workbench.settle(500);
		Dialogs.Answer asked = Dialogs.answer("Anhänge außerhalb des Kampagnenordners", "Nicht anhängen");
		try {
			state.open(file);
		} finally {
			asked.stop();
		}
		assertTrue(asked.message().contains(secret.toAbsolutePath().normalize().toString()), asked.message());
		assertEquals(Set.of(secret.toAbsolutePath().normalize().toString()), state.held());
		waitUntil("the held file as a problem", () -> problems.shown().stream()
				.anyMatch(p -> p.part() == TemplatePart.ATTACHMENT && p.message().contains("geheim.txt")));
		waitUntil("the merge done", () -> live.last() != null && !live.isBusy());
		assertTrue(!live.last().compilation().succeeded(), "a held file is never attached");

		attachments.addCommon(List.of(secret));
		assertEquals(Set.of(), state.held(), "chosen by the user: allowed");
		waitUntil("compiled with the file", () -> !live.isBusy() && live.last() != null
				&& live.last().compilation().succeeded());
		state.save(null);

		Dialogs.Answer again = Dialogs.answer("Anhänge außerhalb des Kampagnenordners", "Nicht anhängen");
		try {
			state.open(file);
		} finally {
			again.stop();
		}
		assertEquals("", again.message(), "allowed for this campaign file: not asked again");
		assertEquals(Set.of(), state.held());
		waitUntil("the live merge idle", () -> !live.isBusy());
	}

	/**
	 * Per-recipient files from a folder the user chose (issue 16): stored in the campaign (relative
	 * when inside its folder), the files found there and only there, a value leading out of it a
	 * problem. A received campaign file naming such a folder outside its own is asked about like a
	 * file for everybody: held, nothing from it is attached, until the user chooses the folder again.
	 */
	@Test
	void perRecipientFilesComeFromTheChosenFolderAndAReceivedOneOutsideIsHeld() throws Exception {
		Path campaignFolder = Files.createDirectories(folder.resolve("Kampagne"));
		Path letters = Files.createDirectories(folder.resolve("Briefe"));
		Files.write(letters.resolve("1.pdf"), new byte[4096]);
		Files.write(campaignFolder.resolve("1.pdf"), new byte[10]); // the same name in the campaign's folder: not used
		Path csv = campaignFolder.resolve("liste.csv");
		Files.writeString(csv, "E-Mail;Nummer\r\nanna@example.org;1\r\njoerg@example.org;../Kampagne/1\r\n", StandardCharsets.UTF_8);
		Path file = campaignFolder.resolve("Briefe.smmc");
		CampaignFile.save(new Campaign(UUID.randomUUID(), "Briefe", new SourceReference("csv", csv.toString()),
				Template.of("Hallo", "<p>Hallo</p>", BodyFormat.HTML, ""),
				List.of(new Attachment(Attachment.Kind.PER_RECIPIENT, "{{Nummer}}.pdf")), TransportKind.OUTBOX,
				new CampaignSettings("de-DE", "E-Mail", Set.of())), file);

		MApplication application = Workbench.application();
		CampaignState state = application.getContext().get(CampaignState.class);
		LiveMerge live = application.getContext().get(LiveMerge.class);
		Workbench.part("com.securemailmerge.ui.part.recipients", RecipientsPart.class);
		ProblemsPart problems = Workbench.part("com.securemailmerge.ui.part.problems", ProblemsPart.class);
		AttachmentsPart attachments = Workbench.part(PART, AttachmentsPart.class);
		Workbench.settle(500);
		state.open(file);
		waitUntil("the campaign's recipients", () -> application.getContext().get(RecipientList.class) != null
				&& application.getContext().get(RecipientList.class).recipients().size() == 2 && !live.isBusy());
		assertTrue(attachments.folderText().contains(campaignFolder.toString()), attachments.folderText());

		attachments.setAttachmentsFolder(letters);
		assertEquals(letters.toAbsolutePath().normalize().toString(), state.campaign().settings().attachmentsFolder());
		assertTrue(attachments.folderText().contains(letters.toString()) && attachments.folderText().contains("festgelegt"),
				attachments.folderText());
		waitUntil("Anna's letter from the chosen folder", () -> {
			com.securemailmerge.ui.internal.MergeState merged = live.last();
			if (live.isBusy() || merged == null || merged.compilation().template() == null) {
				return false;
			}
			com.securemailmerge.model.MergedMessage anna = merged.compilation().template()
					.render(merged.list().recipients().get(0)).message();
			return anna != null && anna.attachments().size() == 1 && anna.attachments().get(0).endsWith(Path.of("Briefe", "1.pdf"));
		});
		waitUntil("Jörg's value leads out of the chosen folder: a problem that names it", () -> problems.shown().stream()
				.anyMatch(p -> p.recipient() != null && "mail:joerg@example.org".equals(p.recipient().value())
						&& p.message().contains("../Kampagne/1")));
		state.save(null);
		String saved = Files.readString(file, StandardCharsets.UTF_8);
		assertTrue(saved.contains("<attachments-folder path=\"" + letters.toAbsolutePath().normalize() + "\""), saved);
		assertEquals(letters.toAbsolutePath().normalize().toString(), CampaignFile.load(file).settings().attachmentsFolder());

		// the same campaign file received by someone else, without its attachment: the folder lies outside
		// its folder, and is held even so (an attachment added later takes nothing from it)
		Path other = Files.createDirectories(folder.resolve("Empfangen"));
		Path copy = other.resolve("Briefe.smmc");
		Files.writeString(copy, saved.replace(campaignFolder.toString(), other.toString())
				.replace(state.campaign().id().toString(), UUID.randomUUID().toString())
				.replaceAll("<attachment [^>]*/>", ""), StandardCharsets.UTF_8);
		Files.copy(csv, other.resolve("liste.csv"));
		Dialogs.Answer asked = Dialogs.answer("Anhänge außerhalb des Kampagnenordners", "Nicht anhängen");
		try {
			state.open(copy);
		} finally {
			asked.stop();
		}
		assertTrue(asked.message().contains(letters.toAbsolutePath().normalize().toString()), asked.message());
		assertEquals(Set.of(letters.toAbsolutePath().normalize().toString()), state.held());
		assertEquals(List.of(), state.campaign().attachments(), "received without the attachment");
		attachments.addPerRecipient("{{Nummer}}.pdf");
		waitUntil("the held folder as a problem", () -> problems.shown().stream()
				.anyMatch(p -> p.part() == TemplatePart.ATTACHMENT && p.message().contains(letters.toString())));
		waitUntil("the merge done", () -> live.last() != null && !live.isBusy());
		assertTrue(!live.last().compilation().succeeded(), "nothing from a held folder is attached");

		attachments.setAttachmentsFolder(letters); // chosen again by the user: allowed
		assertEquals(Set.of(), state.held());
		waitUntil("compiled with the folder", () -> !live.isBusy() && live.last() != null && live.last().compilation().succeeded());

		attachments.setAttachmentsFolder(other); // the campaign's own folder: back to the default
		assertNull(state.campaign().settings().attachmentsFolder());
		attachments.remove(0); // the next test starts without this campaign's problems
		waitUntil("no attachment problems left", () -> !live.isBusy()
				&& problems.shown().stream().noneMatch(p -> p.part() == TemplatePart.ATTACHMENT));
	}

	private static Problem missing(ProblemsPart problems, String recipient) {
		return problems.shown().stream().filter(p -> p.kind() == Problem.Kind.MISSING_ATTACHMENT
				&& p.recipient() != null && recipient.equals(p.recipient().value())).findFirst().orElse(null);
	}
}
