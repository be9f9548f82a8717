package com.securemailmerge.ui.tests;

import static com.securemailmerge.ui.tests.Workbench.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.e4.core.services.events.IEventBroker;
import org.eclipse.e4.ui.model.application.MApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.securemailmerge.campaign.CampaignFile;
import com.securemailmerge.model.BodyFormat;
import com.securemailmerge.model.Campaign;
import com.securemailmerge.model.CampaignSettings;
import com.securemailmerge.model.RecipientList;
import com.securemailmerge.model.SourceReference;
import com.securemailmerge.model.Template;
import com.securemailmerge.model.TransportKind;
import com.securemailmerge.send.CampaignJob;
import com.securemailmerge.ui.internal.CampaignState;
import com.securemailmerge.ui.internal.LiveMerge;
import com.securemailmerge.ui.internal.Sending;
import com.securemailmerge.ui.internal.Topics;
import com.securemailmerge.ui.parts.CampaignLogPart;
import com.securemailmerge.ui.parts.RecipientsPart;

/**
 * Sending from the workbench on the offline profile: a test mail of the selected recipient goes to
 * the outbox's test folder with "[Test]" in its subject; a campaign refused while a recipient has an
 * error; once excluded, the campaign is written to the outbox, the Campaign Log shows every recipient
 * as sent, a second run sends nobody again, and the report names everybody.
 */
@org.eclipse.jdt.annotation.NonNullByDefault({})
final class SendingTest {

	@TempDir
	Path folder;

	@Test
	void testMailThenTheCampaignIntoTheOutboxOnceWithItsLogAndReport() throws Exception {
		Path csv = folder.resolve("gaeste.csv");
		Files.writeString(csv, "Vorname;E-Mail\r\nAnna;anna@example.org\r\nJörg;joerg@example.org\r\nClara;kaputt@\r\n",
				StandardCharsets.UTF_8);
		Path file = folder.resolve("Einladung.smmc");
		CampaignFile.save(new Campaign(UUID.randomUUID(), "Einladung", new SourceReference("csv", csv.toString()),
				Template.of("Einladung für {{Vorname}}", "<p>Liebe(r) {{Vorname}}</p>", BodyFormat.HTML, ""), List.of(),
				TransportKind.OUTBOX, new CampaignSettings("de-DE", "E-Mail", Set.of())), file);
		MApplication application = Workbench.application();
		CampaignState state = application.getContext().get(CampaignState.class);
		LiveMerge live = application.getContext().get(LiveMerge.class);
		Sending sending = application.getContext().get(Sending.class);
		RecipientsPart recipients = Workbench.part("com.securemailmerge.ui.part.recipients", RecipientsPart.class);
		CampaignLogPart log = Workbench.part("com.securemailmerge.ui.part.log", CampaignLogPart.class);
		state.open(file);
		waitUntil("three recipients validated", () -> live.last() != null && live.last().list() != null
				&& live.last().list().recipients().size() == 3 && live.last().validation() != null && !live.isBusy());
		RecipientList list = live.last().list();
		application.getContext().get(IEventBroker.class).send(Topics.RECIPIENT_SELECTED, list.recipients().get(1));

		Job test = sending.sendTest(template(live), list.recipients().get(1));
		test.join();
		assertTrue(test.getResult().getSeverity() <= org.eclipse.core.runtime.IStatus.INFO, test.getResult().getMessage());
		Path tests = folder.resolve("Einladung-outbox/test");
		List<Path> written = files(tests);
		assertEquals(1, written.size());
		String eml = Files.readString(written.get(0), StandardCharsets.US_ASCII);
		assertTrue(eml.contains("Subject: =?UTF-8?") || eml.contains("Subject: [Test]"), eml);
		assertTrue(eml.contains("joerg@example.org"), eml);
		waitUntil("the test mail told in the log", () -> log.statusText().contains("test"));

		CampaignJob refused = sending.start(merged(live));
		refused.join();
		assertTrue(refused.outcome().matches(org.eclipse.core.runtime.IStatus.ERROR), refused.outcome().getMessage());
		assertTrue(refused.outcome().getMessage().contains("kaputt@"), refused.outcome().getMessage());
		// the job's own result is written to the Eclipse log: it names nobody
		assertTrue(refused.getResult().matches(org.eclipse.core.runtime.IStatus.ERROR), refused.getResult().getMessage());
		assertFalse(refused.getResult().getMessage().contains("kaputt") || refused.getResult().getMessage().contains("row:"),
				refused.getResult().getMessage());
		assertNull(refused.getResult().getException(), "no exception (its message may name a file) in the log");
		assertTrue(files(folder.resolve("Einladung-outbox")).isEmpty(), "nothing sent while an error remains");

		// Clara unticked in the address book, as the user would
		org.eclipse.swt.widgets.TableItem clara = recipients.table().getItem(2);
		clara.setChecked(false);
		org.eclipse.swt.widgets.Event check = new org.eclipse.swt.widgets.Event();
		check.detail = org.eclipse.swt.SWT.CHECK;
		check.item = clara;
		recipients.table().notifyListeners(org.eclipse.swt.SWT.Selection, check);
		waitUntil("Clara excluded", () -> !live.isBusy() && live.last().list().included().size() == 2
				&& !live.last().validation().hasErrors());
		CampaignJob job = sending.start(merged(live));
		job.join();
		assertTrue(job.getResult().getSeverity() <= org.eclipse.core.runtime.IStatus.INFO, job.getResult().getMessage());
		assertEquals(2, files(folder.resolve("Einladung-outbox")).size());
		// the journal follows the campaign's id, in its folder
		assertTrue(Files.isRegularFile(folder.resolve(".securemailmerge").resolve(state.campaign().id() + ".outbox.journal")));
		waitUntil("the log shows both as sent", () -> log.table().getItemCount() == 2
				&& log.table().getItem(0).getText(2).equals("gesendet") && log.table().getItem(1).getText(2).equals("gesendet"));
		assertTrue(log.summaryText().startsWith("2 gesendet, 0 fehlgeschlagen, 0 wartend"), log.summaryText());
		Workbench.settle(400);
		Screenshots.save(log.table().getShell(), "campaign-log-de.png");

		CampaignJob again = sending.start(merged(live));
		again.join();
		assertTrue(again.getResult().getMessage().startsWith("0 gesendet, 2 schon vorher gesendet"), again.getResult().getMessage());
		assertEquals(2, files(folder.resolve("Einladung-outbox")).size(), "nobody twice");

		Path report = folder.resolve("bericht.csv");
		sending.exportReport(list(live), report);
		String csvReport = Files.readString(report, StandardCharsets.UTF_8);
		assertTrue(csvReport.contains("\r\n2;anna@example.org;SENT"), csvReport);
		assertTrue(csvReport.contains("\r\n3;joerg@example.org;SENT"), csvReport);
		assertTrue(csvReport.contains("\r\n4;kaputt@;SKIPPED"), csvReport);

		// no address, value, subject or campaign path anywhere in the workbench's log
		Path instance = Path.of(org.eclipse.core.runtime.Platform.getInstanceLocation().getURL().toURI());
		Path eclipseLog = instance.resolve(".metadata/.log");
		String logged = Files.exists(eclipseLog) ? new String(Files.readAllBytes(eclipseLog), StandardCharsets.UTF_8) : "";
		for (String secret : List.of("anna@example.org", "joerg@example.org", "kaputt@", "Einladung für", "Jörg",
				folder.toString())) {
			assertFalse(logged.contains(secret), "the Eclipse log names " + secret + ":\n" + logged);
		}
		try (java.util.stream.Stream<Path> all = Files.walk(instance)) {
			for (Path stored : all.filter(Files::isRegularFile).toList()) {
				String text = new String(Files.readAllBytes(stored), StandardCharsets.ISO_8859_1);
				for (String secret : List.of("anna@example.org", "joerg@example.org", "kaputt@", "Einladung f")) {
					assertFalse(text.contains(secret), stored + " names " + secret);
				}
			}
		}
	}

	/** What the live merge holds now (unannotated on purpose: the test knows it is there). */
	private static com.securemailmerge.ui.internal.MergeState merged(LiveMerge live) {
		return live.last();
	}

	private static RecipientList list(LiveMerge live) {
		return live.last().list();
	}

	private static com.securemailmerge.merge.CompiledTemplate template(LiveMerge live) {
		return live.last().compilation().template();
	}

	private static List<Path> files(Path folder) throws java.io.IOException {
		if (!Files.isDirectory(folder)) {
			return List.of();
		}
		try (Stream<Path> files = Files.list(folder)) {
			return files.filter(Files::isRegularFile).toList();
		}
	}
}
