package com.securemailmerge.ui.tests;

import static com.securemailmerge.ui.tests.Workbench.settle;
import static com.securemailmerge.ui.tests.Workbench.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.StyledText;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.securemailmerge.campaign.CampaignFile;
import com.securemailmerge.model.BodyFormat;
import com.securemailmerge.model.Campaign;
import com.securemailmerge.model.CampaignSettings;
import com.securemailmerge.model.Problem;
import com.securemailmerge.model.RecipientList;
import com.securemailmerge.model.SourceReference;
import com.securemailmerge.model.Template;
import com.securemailmerge.model.TransportKind;
import com.securemailmerge.ui.internal.CampaignState;
import com.securemailmerge.ui.internal.LiveMerge;
import com.securemailmerge.ui.parts.PreviewPart;
import com.securemailmerge.ui.parts.ProblemsPart;
import com.securemailmerge.ui.parts.RecipientsPart;
import com.securemailmerge.ui.parts.TemplatePart;

/**
 * The template editor, preview and problems driven through their widgets: open a campaign, type a
 * field, see the preview follow the recipient, see a problem for the recipient without the value,
 * double-click it, undo, complete a field name with Ctrl+Space, save and reopen.
 */
@org.eclipse.jdt.annotation.NonNullByDefault({})
final class TemplateAndPreviewTest {

	@TempDir
	Path folder;

	@Test
	void editingTheTemplateUpdatesPreviewAndProblems() throws Exception {
		Path csv = folder.resolve("gaeste.csv");
		Files.writeString(csv, "Vorname;Nachname;E-Mail;Firma\r\nAnna;Weber;anna@example.org;ACME GmbH\r\n"
				+ "Jörg;Müller;joerg@example.org;Müller & Söhne\r\nClara;Wagner;clara@example.org;\r\n",
				StandardCharsets.UTF_8);
		Path file = folder.resolve("Einladung.smmc");
		CampaignFile.save(new Campaign(UUID.randomUUID(), "Einladung", new SourceReference("csv", csv.toString()),
				Template.of("Hallo {{Vorname}}", "<p>Liebe(r) {{Vorname}} {{Nachname}},</p>\n<p>Text</p>\n",
						BodyFormat.HTML, ""),
				List.of(), TransportKind.OUTBOX, new CampaignSettings("de-DE", "E-Mail", Set.of())), file);

		MApplication application = Workbench.application();
		CampaignState state = application.getContext().get(CampaignState.class);
		LiveMerge live = application.getContext().get(LiveMerge.class);
		RecipientsPart recipients = Workbench.part("com.securemailmerge.ui.part.recipients", RecipientsPart.class);
		state.open(file);
		waitUntil("the campaign's recipients", () -> application.getContext().get(RecipientList.class) != null
				&& application.getContext().get(RecipientList.class).recipients().size() == 3);
		TemplatePart template = Workbench.part("com.securemailmerge.ui.part.template", TemplatePart.class);
		PreviewPart preview = Workbench.part("com.securemailmerge.ui.part.preview", PreviewPart.class);
		assertEquals("Hallo {{Vorname}}", template.subject().getText());
		waitUntil("the first preview", () -> preview.html().contains("Anna Weber"));
		assertTrue(preview.headerText().contains("Hallo Anna"), preview.headerText());
		assertFalse(Workbench.model("com.securemailmerge.ui.part.template").isDirty());

		StyledText body = template.body();
		body.setFocus();
		body.setCaretOffset(body.getText().indexOf(",</p>"));
		body.insert(" von {{Firma}}");
		assertTrue(Workbench.model("com.securemailmerge.ui.part.template").isDirty(), "an edit makes the campaign dirty");
		waitUntil("the preview with the new field", () -> preview.html().contains("Anna Weber von ACME GmbH"));
		Table table = findTable(recipients);
		table.setSelection(0);
		table.notifyListeners(SWT.Selection, new Event());
		application.getContext().get(org.eclipse.e4.core.services.events.IEventBroker.class)
				.send(com.securemailmerge.ui.internal.Topics.STEP_RECIPIENT, Integer.valueOf(1));
		waitUntil("the next recipient", () -> preview.html().contains("Müller &amp; Söhne"));

		ProblemsPart problems = Workbench.part("com.securemailmerge.ui.part.problems", ProblemsPart.class);
		waitUntil("a problem for the recipient without a company",
				() -> problems.shown().stream().anyMatch(p -> p.kind() == Problem.Kind.MISSING_VALUE));
		Problem missing = problems.shown().get(0);
		assertEquals("mail:clara@example.org", missing.recipient().value());
		assertEquals("Firma", missing.field());
		assertTrue(problems.summary().contains("fehlender Wert: 1"), problems.summary());
		Screenshots.save(table.getShell(), "problems-de.png");
		problems.open(missing);
		waitUntil("the recipient of the problem in the preview", () -> preview.html().contains("Clara Wagner von ,</p>")
				|| preview.problemsText().contains("Firma"));
		assertEquals(2, table.getSelectionIndex(), "double-click selects the recipient");

		template.undoStack().undo();
		waitUntil("the edit undone", () -> !body.getText().contains("{{Firma}}"));
		waitUntil("the problem gone", () -> problems.shown().stream().noneMatch(p -> p.kind() == Problem.Kind.MISSING_VALUE));
		template.undoStack().redo();
		assertTrue(body.getText().contains("von {{Firma}}"));

		body.setFocus();
		body.setCaretOffset(body.getText().indexOf("</p>\n<p>Text"));
		body.insert(", {{Ort}}");
		waitUntil("an unknown field reported", () -> problems.shown().stream().anyMatch(p -> p.kind() == Problem.Kind.UNKNOWN_FIELD));
		Problem unknown = problems.shown().stream().filter(p -> p.kind() == Problem.Kind.UNKNOWN_FIELD).findFirst().get();
		assertEquals(1, unknown.line());
		assertTrue(unknown.message().contains("Ort"), unknown.message());
		waitUntil("the preview says the template has errors", () -> preview.headerText().contains("Fehler"));
		body.replaceTextRange(body.getText().indexOf(", {{Ort}}"), ", {{Ort}}".length(), "");

		completeWithCtrlSpace(template, body);
		waitUntil("the completed field in the preview", () -> preview.html().contains("Grüße Clara"));
		settle(300);
		Screenshots.save(table.getShell(), "template-preview-de.png");

		state.save(null);
		assertFalse(Workbench.model("com.securemailmerge.ui.part.template").isDirty(), "saved");
		Campaign saved = CampaignFile.load(file);
		assertTrue(saved.template().body().contains("von {{Firma}}"), saved.template().body());
		assertEquals(csv.toString(), saved.source().location());
		assertEquals(Map.of(), saved.source().options());
		waitUntil("the live merge idle", () -> !live.isBusy());
	}

	/** Types "Grüße {{Vor", asks for completion with Ctrl+Space and accepts the proposal with Enter. */
	private static void completeWithCtrlSpace(TemplatePart template, StyledText body) {
		body.setFocus();
		int at = body.getText().indexOf("<p>Text");
		body.setCaretOffset(at);
		body.insert("Grüße {{Vor");
		body.setCaretOffset(at + "Grüße {{Vor".length());
		Display display = body.getDisplay();
		post(display, SWT.KeyDown, SWT.CTRL, 0);
		post(display, SWT.KeyDown, 0, ' ');
		post(display, SWT.KeyUp, 0, ' ');
		post(display, SWT.KeyUp, SWT.CTRL, 0);
		waitUntil("the completion popup", () -> Arrays.stream(display.getShells())
				.anyMatch(s -> s.isVisible() && s != body.getShell() && hasProposal(s)));
		// choose the proposal as a double-click does (posted Return keys do not reach the popup under Xvfb)
		Table proposals = proposalTable(display, body.getShell());
		proposals.setSelection(0);
		proposals.notifyListeners(SWT.DefaultSelection, new Event());
		try {
			waitUntil("the proposal inserted", () -> body.getText().contains("Grüße {{Vorname}}"));
		} catch (AssertionError e) {
			try {
				Screenshots.save(body.getShell(), "completion-failed.png");
			} catch (Exception ignored) {
				// the assertion below says what went wrong
			}
			throw new AssertionError(e.getMessage() + "; focus: " + display.getFocusControl() + "; shells: "
					+ Arrays.toString(display.getShells()) + "; body: " + body.getText().substring(0, Math.min(200, body.getText().length())));
		}
	}

	private static Table proposalTable(Display display, Shell workbench) {
		for (Shell shell : display.getShells()) {
			if (shell != workbench && shell.isVisible()) {
				Table table = tableIn(shell);
				if (table != null) {
					return table;
				}
			}
		}
		throw new AssertionError("no proposal popup");
	}

	private static Table tableIn(org.eclipse.swt.widgets.Composite composite) {
		for (org.eclipse.swt.widgets.Control child : composite.getChildren()) {
			if (child instanceof Table table) {
				return table;
			}
			if (child instanceof org.eclipse.swt.widgets.Composite inner) {
				Table table = tableIn(inner);
				if (table != null) {
					return table;
				}
			}
		}
		return null;
	}

	private static boolean hasProposal(Shell shell) {
		return Arrays.stream(shell.getChildren()).anyMatch(c -> c instanceof Table t && t.getItemCount() > 0
				&& Arrays.stream(t.getItems()).anyMatch(i -> i.getText().equals("Vorname")))
				|| Arrays.stream(shell.getChildren()).filter(org.eclipse.swt.widgets.Composite.class::isInstance)
						.flatMap(c -> Arrays.stream(((org.eclipse.swt.widgets.Composite) c).getChildren()))
						.anyMatch(c -> c instanceof Table t && Arrays.stream(t.getItems()).anyMatch(i -> i.getText().equals("Vorname")));
	}

	private static void post(Display display, int type, int keyCode, char character) {
		Event event = new Event();
		event.type = type;
		event.keyCode = keyCode;
		event.character = character;
		display.post(event);
		settle(30);
	}

	private static void post(Display display, int type, int keyCode, int ignored) {
		post(display, type, keyCode, (char) ignored);
	}

	private static Table findTable(RecipientsPart recipients) {
		return recipients.table();
	}
}
