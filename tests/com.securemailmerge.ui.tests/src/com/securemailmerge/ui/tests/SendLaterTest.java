package com.securemailmerge.ui.tests;

import static com.securemailmerge.ui.tests.Workbench.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Stream;

import org.eclipse.core.commands.ParameterizedCommand;
import org.eclipse.e4.core.commands.ECommandService;
import org.eclipse.e4.core.commands.EHandlerService;
import org.eclipse.e4.core.contexts.IEclipseContext;
import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.securemailmerge.campaign.CampaignFile;
import com.securemailmerge.model.BodyFormat;
import com.securemailmerge.model.Campaign;
import com.securemailmerge.model.CampaignSettings;
import com.securemailmerge.model.SourceReference;
import com.securemailmerge.model.Template;
import com.securemailmerge.model.TransportKind;
import com.securemailmerge.ui.internal.CampaignState;
import com.securemailmerge.ui.internal.LiveMerge;
import com.securemailmerge.ui.internal.SendAtDialog;
import com.securemailmerge.ui.internal.Sending;
import com.securemailmerge.ui.parts.CampaignLogPart;

/**
 * Send > Send Later... on the outbox profile: the dialog refuses a time too soon, the campaign's 35
 * .eml files carry their time in Deferred-Delivery (30 at the chosen minute, 5 in the next), the
 * Campaign Log says "geplant für", and Withdraw Scheduled Messages takes them all back.
 */
@org.eclipse.jdt.annotation.NonNullByDefault({})
final class SendLaterTest {

	@TempDir
	Path folder;

	@Test
	void aCampaignScheduledFromTheSendMenuIsWrittenWithItsTimesAndCanBeWithdrawn() throws Exception {
		StringBuilder csv = new StringBuilder("Vorname;E-Mail\r\n");
		for (int i = 0; i < 35; i++) {
			csv.append("J\u00fcrgen ").append(i).append(";p").append(i).append("@spaeter.example\r\n");
		}
		Path list = Files.writeString(folder.resolve("mitglieder.csv"), csv, StandardCharsets.UTF_8);
		Path file = folder.resolve("Einladung.smmc");
		CampaignFile.save(new Campaign(UUID.randomUUID(), "Einladung", new SourceReference("csv", list.toString()),
				Template.of("Einladung f\u00fcr {{Vorname}}", "<p>Hallo {{Vorname}}</p>", BodyFormat.HTML, ""), List.of(),
				TransportKind.OUTBOX, new CampaignSettings("de-DE", "E-Mail", Set.of())), file);
		MApplication application = Workbench.application();
		CampaignState state = application.getContext().get(CampaignState.class);
		LiveMerge live = application.getContext().get(LiveMerge.class);
		Sending sending = application.getContext().get(Sending.class);
		state.open(file);
		waitUntil("35 recipients validated", () -> live.last() != null && live.last().list() != null
				&& live.last().list().recipients().size() == 35 && live.last().validation() != null && !live.isBusy());

		// the dialog itself: a time three minutes from now cannot be chosen
		SendAtDialog dialog = new SendAtDialog(Display.getDefault().getActiveShell(), 35, false);
		dialog.setBlockOnOpen(false);
		dialog.open();
		dialog.choose(LocalDateTime.now().plusMinutes(3));
		assertFalse(dialog.getShell().getDefaultButton().isEnabled(), "too soon");
		dialog.choose(LocalDateTime.now().plusDays(2));
		assertTrue(dialog.getShell().getDefaultButton().isEnabled());
		dialog.close();

		IEclipseContext window = application.getChildren().get(0).getContext();
		Dialogs.Answer when = Dialogs.answer("Sp\u00e4ter senden", "&Planen"); // tomorrow 08:00 as offered
		Dialogs.Answer confirm = Dialogs.answer("Senden", "OK");
		execute(window, "com.securemailmerge.ui.command.sendLater");
		when.stop();
		confirm.stop();
		assertTrue(confirm.message().contains("h\u00f6chstens 30 pro Minute"), confirm.message());
		Path outbox = folder.resolve("Einladung-outbox");
		waitUntil("35 files scheduled", () -> !sending.isRunning() && emls(outbox).size() == 35);

		ZonedDateTime eight = LocalDate.now().plusDays(1).atTime(LocalTime.of(8, 0)).atZone(ZoneId.systemDefault());
		Map<ZonedDateTime, Integer> minutes = new TreeMap<>();
		for (String eml : emls(outbox)) {
			String header = eml.lines().filter(l -> l.startsWith("Deferred-Delivery: ")).findFirst()
					.orElseThrow(() -> new AssertionError(eml));
			ZonedDateTime due = ZonedDateTime.parse(header.substring(19).replaceAll(" \\(.*\\)$", ""),
					DateTimeFormatter.RFC_1123_DATE_TIME);
			minutes.merge(due.withZoneSameInstant(ZoneId.systemDefault()), 1, Integer::sum);
		}
		assertEquals(Map.of(eight, 30, eight.plusMinutes(1), 5), minutes);

		CampaignLogPart log = Workbench.part("com.securemailmerge.ui.part.log", CampaignLogPart.class);
		waitUntil("the Campaign Log says scheduled", () -> column(log.table(), 2).stream()
				.filter(text -> text.startsWith("geplant f\u00fcr")).count() == 35);

		Dialogs.Answer withdraw = Dialogs.answer("Senden", "OK");
		execute(window, "com.securemailmerge.ui.command.withdrawScheduled");
		withdraw.stop();
		assertTrue(withdraw.message().contains("35"), withdraw.message());
		waitUntil("all withdrawn", () -> count(outbox) == 0
				&& column(log.table(), 2).stream().filter(text -> text.startsWith("zur\u00fcckgezogen")).count() == 35);
	}

	private static void execute(IEclipseContext context, String id) {
		ParameterizedCommand command = context.get(ECommandService.class).createCommand(id, null);
		EHandlerService handlers = context.get(EHandlerService.class);
		assertTrue(handlers.canExecute(command), id + " can run");
		handlers.executeHandler(command);
	}

	private static List<String> column(Table table, int index) {
		return Stream.of(table.getItems()).map((TableItem item) -> item.getText(index)).toList();
	}

	/** How many .eml files the folder holds (while they are being deleted). */
	private static long count(Path folder) {
		try (Stream<Path> files = Files.list(folder)) {
			return files.filter(f -> f.toString().endsWith(".eml")).count();
		} catch (java.io.IOException e) {
			throw new java.io.UncheckedIOException(e);
		}
	}

	private static List<String> emls(Path folder) {
		if (!Files.isDirectory(folder)) {
			return List.of();
		}
		try (Stream<Path> files = Files.list(folder)) {
			return files.filter(f -> f.toString().endsWith(".eml")).map(f -> {
				try {
					return Files.readString(f, StandardCharsets.ISO_8859_1);
				} catch (java.io.IOException e) {
					throw new java.io.UncheckedIOException(e);
				}
			}).toList();
		} catch (java.io.IOException e) {
			throw new java.io.UncheckedIOException(e);
		}
	}
}
