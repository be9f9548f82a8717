package com.securemailmerge.ui.tests;

import static com.securemailmerge.ui.tests.Workbench.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Menu;
import org.eclipse.swt.widgets.MenuItem;
import org.eclipse.swt.widgets.Table;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.securemailmerge.campaign.CampaignFile;
import com.securemailmerge.model.BodyFormat;
import com.securemailmerge.model.Campaign;
import com.securemailmerge.model.CampaignSettings;
import com.securemailmerge.model.Problem;
import com.securemailmerge.model.SourceReference;
import com.securemailmerge.model.Template;
import com.securemailmerge.model.TransportKind;
import com.securemailmerge.send.CampaignJob;
import com.securemailmerge.ui.internal.CampaignState;
import com.securemailmerge.ui.internal.LiveMerge;
import com.securemailmerge.ui.internal.Sending;
import com.securemailmerge.ui.parts.ProblemsPart;
import com.securemailmerge.ui.parts.RecipientsPart;

/**
 * "Never mail again" from the address book's context menu: confirmed by name, the address is on the
 * outbox profile's opt-out list, the Problems view says it is left out, the campaign written to the
 * outbox has no message for it (nor does a second run), and the report marks it OPTED_OUT.
 */
@org.eclipse.jdt.annotation.NonNullByDefault({})
final class OptOutTest {

	@TempDir
	Path folder;

	@Test
	void anAddressOptedOutFromTheContextMenuIsLeftOutOfEveryRun() throws Exception {
		Path csv = folder.resolve("mitglieder.csv");
		Files.writeString(csv, "Vorname;E-Mail\r\nAnke;anke@abmelden.example\r\nBruno;bruno@abmelden.example\r\n"
				+ "Carla;carla@abmelden.example\r\n", StandardCharsets.UTF_8);
		Path file = folder.resolve("Rundbrief.smmc");
		CampaignFile.save(new Campaign(UUID.randomUUID(), "Rundbrief", new SourceReference("csv", csv.toString()),
				Template.of("Rundbrief für {{Vorname}}", "<p>Hallo {{Vorname}}</p>", BodyFormat.HTML, ""), List.of(),
				TransportKind.OUTBOX, new CampaignSettings("de-DE", "E-Mail", Set.of())), file);
		MApplication application = Workbench.application();
		CampaignState state = application.getContext().get(CampaignState.class);
		LiveMerge live = application.getContext().get(LiveMerge.class);
		Sending sending = application.getContext().get(Sending.class);
		RecipientsPart recipients = Workbench.part("com.securemailmerge.ui.part.recipients", RecipientsPart.class);
		state.open(file);
		waitUntil("three recipients validated", () -> live.last() != null && live.last().list() != null
				&& live.last().list().recipients().size() == 3 && live.last().validation() != null && !live.isBusy());

		MPart part = Workbench.model("com.securemailmerge.ui.part.recipients");
		application.getChildren().get(0).getContext().get(EPartService.class).activate(part);
		Table table = recipients.table();
		table.setSelection(1);
		table.notifyListeners(SWT.Selection, new Event());
		table.notifyListeners(SWT.MenuDetect, new Event());
		Menu popup = table.getMenu();
		popup.notifyListeners(SWT.Show, new Event());
		MenuItem optOut = Arrays.stream(popup.getItems()).filter(i -> i.getText().startsWith("Nie wieder anschreiben"))
				.findFirst().orElseThrow(() -> new AssertionError(Arrays.toString(popup.getItems())));
		assertTrue(optOut.isEnabled(), "a row with an address is selected");
		Dialogs.Answer confirmed = Dialogs.answer("Nie wieder anschreiben", "OK");
		optOut.notifyListeners(SWT.Selection, new Event());
		popup.notifyListeners(SWT.Hide, new Event());
		confirmed.stop();
		assertTrue(confirmed.message().contains("bruno@abmelden.example") && confirmed.message().contains("Postausgang"),
				confirmed.message());
		assertTrue(sending.optOuts().list().contains("Bruno@Abmelden.example"));

		ProblemsPart problems = Workbench.part("com.securemailmerge.ui.part.problems", ProblemsPart.class);
		waitUntil("the Problems view names Bruno", () -> problems.shown().stream()
				.anyMatch(p -> p.kind() == Problem.Kind.OPTED_OUT && p.message().contains("bruno@abmelden.example")));

		for (int run = 0; run < 2; run++) { // and again, as a resume would
			CampaignJob job = sending.start(merged(live));
			job.join();
			assertTrue(job.outcome().getMessage().contains("1 ausgelassen"), job.outcome().getMessage());
		}
		List<String> outbox = emls(folder.resolve("Rundbrief-outbox"));
		assertEquals(2, outbox.size(), outbox.toString());
		assertTrue(outbox.stream().noneMatch(text -> text.contains("bruno@abmelden.example")), "no message for Bruno");

		Path report = folder.resolve("bericht.csv");
		sending.exportReport(list(live), report);
		String csvReport = Files.readString(report, StandardCharsets.UTF_8);
		assertTrue(csvReport.contains(";bruno@abmelden.example;OPTED_OUT"), csvReport);
		assertTrue(csvReport.contains(";anke@abmelden.example;SENT"), csvReport);
		assertFalse(sending.optOuts().list().contains("anke@abmelden.example"));
	}

	private static com.securemailmerge.ui.internal.MergeState merged(LiveMerge live) {
		return live.last();
	}

	private static com.securemailmerge.model.RecipientList list(LiveMerge live) {
		return live.last().list();
	}

	private static List<String> emls(Path folder) throws java.io.IOException {
		try (Stream<Path> files = Files.list(folder)) {
			return files.filter(Files::isRegularFile).map(f -> {
				try {
					return Files.readString(f, StandardCharsets.ISO_8859_1);
				} catch (java.io.IOException e) {
					throw new java.io.UncheckedIOException(e);
				}
			}).toList();
		}
	}
}
