package com.securemailmerge.product.driver;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.eclipse.e4.ui.workbench.modeling.EModelService;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.Text;

import com.securemailmerge.model.Problem;
import com.securemailmerge.model.RecipientList;
import com.securemailmerge.ui.internal.CampaignState;
import com.securemailmerge.ui.internal.LiveMerge;
import com.securemailmerge.ui.internal.MergeState;
import com.securemailmerge.ui.internal.Messages;
import com.securemailmerge.ui.internal.Sending;
import com.securemailmerge.ui.parts.AttachmentsPart;
import com.securemailmerge.ui.parts.CampaignLogPart;
import com.securemailmerge.ui.parts.CategoriesPart;
import com.securemailmerge.ui.parts.PreviewPart;
import com.securemailmerge.ui.parts.RecipientsPart;
import com.securemailmerge.ui.parts.TemplatePart;

/**
 * A user's whole journey in the German UI, on a campaign folder prepared by the test
 * ({@code smm.driver.campaign}: the sample workbook, Programm.pdf, briefe/NAME.pdf): import the
 * workbook, tick a category, edit the template beside the recipients, the preview following the
 * selected recipient, fix the Problems (an unknown field, an invalid address), a common and a
 * per-recipient attachment, a test mail, the campaign into the outbox, then signed in to the
 * emulator the campaign through Microsoft 365, cancelled half-way and resumed, and the report.
 * The test checks the outbox, the emulator's mailbox and the report afterwards.
 */
final class JourneyScript implements Script {

	private static final String RECIPIENTS = "com.securemailmerge.ui.part.recipients";
	private static final String CATEGORIES = "com.securemailmerge.ui.part.categories";
	private static final String TEMPLATE = "com.securemailmerge.ui.part.template";
	private static final String PREVIEW = "com.securemailmerge.ui.part.preview";
	private static final String ATTACHMENTS = "com.securemailmerge.ui.part.attachments";
	private static final String PROBLEMS = "com.securemailmerge.ui.part.problems";
	private static final String LOG = "com.securemailmerge.ui.part.log";
	/**
	 * Content that would load from TEST-NET addresses (RFC 5737), which need no name lookup, and from
	 * a host name, whose lookup the connection record would show (a name server's port is outside).
	 */
	private static final String REMOTE_CONTENT = "<p><img src=\"http://192.0.2.1/pixel/{{Nachname}}.gif\" width=\"1\" height=\"1\">"
			+ "<img src=\"https://pixel.tracker.invalid/{{Nachname}}.gif\" width=\"1\" height=\"1\">"
			+ "<img srcset=\"http://192.0.2.1/logo.png 2x\" alt=\"Logo\"><video poster=\"http://192.0.2.1/poster.jpg\"></video></p>"
			+ "<div style=\"background-image:url(http://192.0.2.2/hintergrund.png)\">Sommerfest im Garten</div>"
			+ "<style>@import url(http://192.0.2.3/stil.css); @font-face { font-family: Fest; src: url(http://192.0.2.3/fest.woff); }"
			+ " .fest { font-family: Fest; background: url('http://192.0.2.3/muster.png'); }</style><p class=\"fest\">Fest</p>";
	private static final String SUBJECT = "Einladung zum Sommerfest, {{Vorname}}";
	private static final String SUBJECT_WITH_FALLBACK = "Einladung zum Sommerfest, {{default Vorname \"liebes Mitglied\"}}";

	private Ui ui;
	private Steps steps;
	private LiveMerge live;
	private CampaignState state;
	private Sending sending;

	@Override
	public void run(Ui driver, Steps account) throws Exception {
		this.ui = driver;
		this.steps = account;
		Path campaign = Path.of(System.getProperty("smm.driver.campaign"));
		Shell window = ui.mainWindow();
		live = ui.service(LiveMerge.class);
		state = ui.service(CampaignState.class);
		sending = ui.service(Sending.class);
		RecipientsPart recipients = ui.part(RECIPIENTS, RecipientsPart.class);
		Table table = ui.call(recipients::table);
		int sample = ui.await("the sample campaign's recipients", () -> !recipients.isLoading() && table.getItemCount() > 0
				? table.getItemCount() : null);
		ui.screenshot("started");
		steps.ok("started", ui.call(window::getText) + ", sample campaign with " + sample + " recipients");

		// the workbook dropped on the address book, the campaign saved into its folder
		Path workbook = campaign.resolve("Mitglieder.xlsx");
		ui.run(() -> recipients.load(workbook));
		ui.await("the workbook loaded", () -> {
			MergeState merged = live.last();
			return !recipients.isLoading() && merged != null && merged.list() != null
					&& merged.list().source().location().equals(workbook.toString()) && !live.isBusy();
		});
		Path file = campaign.resolve("Sommerfest.smmc");
		ui.run(() -> {
			try {
				state.save(file); // File > Save As, once its file dialog has answered
			} catch (Exception e) {
				throw new IllegalStateException(e);
			}
		});
		int rows = ui.call(table::getItemCount);
		InstallScript.require(rows == 12 && Files.isRegularFile(file), rows + " rows, " + file);
		ui.screenshot("workbook-imported");
		steps.ok("workbook-imported", rows + " recipients from " + workbook.getFileName() + ", saved as " + file.getFileName());

		CategoriesPart categories = ui.part(CATEGORIES, CategoriesPart.class);
		Table categoryTable = ui.call(() -> Ui.one(composite(CATEGORIES), Table.class, t -> true, "categories"));
		int vorstand = ui.call(() -> row(categoryTable, "Vorstand"));
		ui.run(() -> Ui.check(categoryTable, vorstand, true));
		int shown = ui.await("only the board shown", () -> table.getItemCount() < 12 ? table.getItemCount() : null);
		String firstShown = ui.call(() -> table.getItem(0).getText(0));
		ui.screenshot("category-ticked");
		ui.run(() -> Ui.check(categoryTable, vorstand, false));
		ui.await("everybody shown again", () -> table.getItemCount() == 12);
		steps.ok("category-ticked", "Vorstand: " + shown + " shown (" + firstShown + "), categories " + ui.call(categories::rows));

		// a typo in the template: the Problems name the unknown field, a double-click goes there
		TemplatePart template = ui.part(TEMPLATE, TemplatePart.class);
		Text subject = ui.call(template::subject);
		ui.run(() -> Ui.type(subject, "Einladung zum Sommerfest, {{Vornam}}"));
		Composite problemsView = composite(PROBLEMS);
		Table problems = ui.call(() -> Ui.one(problemsView, Table.class, t -> true, "problems"));
		int unknown = ui.await("the unknown field among the problems", () -> problemRow(problems, Problem.Kind.UNKNOWN_FIELD, "Vornam"));
		String unknownText = ui.call(() -> problems.getItem(unknown).getText(0));
		ui.screenshot("template-problem");
		ui.run(() -> Ui.open(problems, unknown));
		ui.await("the template part active", () -> {
			org.eclipse.e4.ui.workbench.modeling.EPartService parts = ui.application().getChildren().get(0).getContext()
					.get(org.eclipse.e4.ui.workbench.modeling.EPartService.class);
			return parts.getActivePart() != null && TEMPLATE.equals(parts.getActivePart().getElementId());
		});
		ui.run(() -> Ui.type(subject, SUBJECT));
		ui.await("the unknown field fixed", () -> problemRow(problems, Problem.Kind.UNKNOWN_FIELD, "Vornam") == null);
		steps.ok("template-edited", unknownText);

		// Marie has no first name: a fallback in subject and salutation; Paul's address is invalid:
		// a double-click shows him in the address book, where he is excluded
		ui.part(PROBLEMS, Object.class);
		int missing = ui.await("the missing first name among the problems", () -> problemRow(problems, Problem.Kind.MISSING_VALUE, "Vorname"));
		String missingText = ui.call(() -> problems.getItem(missing).getText(0) + " (" + problems.getItem(missing).getText(1) + ")");
		ui.part(TEMPLATE, Object.class);
		ui.run(() -> template.body().setText(template.body().getText().replace("{{Vorname}} {{Nachname}}",
				"{{default Vorname Anrede}} {{Nachname}}")));
		ui.run(() -> Ui.type(subject, SUBJECT_WITH_FALLBACK));
		ui.await("the missing first name fixed", () -> problemRow(problems, Problem.Kind.MISSING_VALUE, "Vorname") == null);
		ui.part(PROBLEMS, Object.class);
		int invalid = ui.await("the invalid address among the problems", () -> problemRow(problems, Problem.Kind.INVALID_ADDRESS, "paul.hoffmann(at)example.org"));
		String invalidText = ui.call(() -> problems.getItem(invalid).getText(0));
		ui.run(() -> Ui.open(problems, invalid)); // shows Paul in the address book
		int paul = ui.await("Paul selected in the address book", () -> {
			int selected = table.getSelectionIndex();
			return selected >= 0 && table.getItem(selected).getText(0).startsWith("paul.hoffmann") ? selected : null;
		});
		ui.run(() -> Ui.check(table, paul, false));
		ui.await("no errors left", () -> {
			MergeState merged = live.last();
			return !live.isBusy() && merged != null && merged.validation() != null && !merged.validation().hasErrors()
					&& merged.list().included().size() == 11;
		});
		ui.part(PROBLEMS, Object.class);
		ui.screenshot("problem-fixed");
		steps.ok("problem-fixed", missingText + " -> fallback; " + invalidText + " -> Paul excluded, 11 of 12 included");

		PreviewPart preview = ui.part(PREVIEW, PreviewPart.class);
		ui.part(RECIPIENTS, Object.class);
		ui.run(() -> Ui.select(table, 0));
		String first = ui.await("the preview of Anna", () -> preview.headerText().contains("anna.weber@example.org")
				&& preview.html().contains("Liebe Anna") ? preview.headerText() : null);
		ui.screenshot("preview-anna");
		ui.run(() -> Ui.select(table, 1));
		String second = ui.await("the preview of Jörg", () -> preview.headerText().contains("joerg.mueller@example.org")
				&& preview.html().contains("Lieber Jörg") ? preview.headerText() : null);
		ui.screenshot("preview-joerg");
		steps.ok("preview-follows", first.lines().findFirst().orElse("") + " | " + second.lines().findFirst().orElse(""));

		// pictures, a stylesheet and a font from the internet: the preview shows placeholders, says so
		// and connects nowhere (JourneyTest records every connect() of the product and its children)
		String body = ui.call(() -> template.body().getText());
		ui.run(() -> template.body().setText(body + REMOTE_CONTENT));
		String blockedLine = Messages.PreviewPart_blocked.replace("{0}", "4");
		ui.await("the preview names what it did not load", () -> preview.headerText().contains(blockedLine)
				&& preview.html().contains("Sommerfest im Garten") && !preview.html().contains("http://192.0.2.1") ? "" : null);
		ui.pause(3000); // the browser has had the page long enough to load anything it would
		ui.screenshot("preview-remote-blocked");
		ui.run(() -> template.body().setText(body));
		ui.await("the remote content gone again", () -> !preview.html().contains("Sommerfest im Garten") ? "" : null);
		steps.ok("preview-connects-nowhere", blockedLine);

		AttachmentsPart attachments = ui.part(ATTACHMENTS, AttachmentsPart.class);
		ui.run(() -> attachments.addCommon(List.of(campaign.resolve("Programm.pdf")))); // as dropped on the part
		ui.click(composite(ATTACHMENTS), Messages.AttachmentsPart_addPerRecipient);
		Shell perRecipient = ui.shell(Messages.AttachmentsPart_dialogTitle);
		Text path = ui.call(() -> Ui.one(perRecipient, Text.class, t -> t.isEnabled() && t.getEditable(), "path field"));
		ui.run(() -> Ui.type(path, "briefe/{{Nachname}}.pdf"));
		ui.screenshot("per-recipient-attachment");
		ui.click(perRecipient, "OK");
		ui.closed(perRecipient);
		Table attached = ui.call(attachments::table);
		ui.await("two attachments, no problem", () -> {
			MergeState merged = live.last();
			return attached.getItemCount() == 2 && !live.isBusy() && merged != null && merged.validation() != null
					&& !merged.validation().hasErrors();
		});
		String footer = ui.call(attachments::footerText);
		ui.screenshot("attachments");
		steps.ok("attachments", ui.call(() -> attached.getItem(0).getText(0) + ", " + attached.getItem(1).getText(2)) + "; " + footer);
		ui.run(() -> save());

		ui.menu("Senden", "Testnachricht senden");
		Path outbox = campaign.resolve("Sommerfest-outbox");
		Path testMail = ui.await("the test mail in the outbox", () -> first(outbox.resolve("test")));
		ui.screenshot("test-mail");
		steps.ok("test-mail", outbox.relativize(testMail).toString());

		CampaignLogPart log = ui.part(LOG, CampaignLogPart.class);
		confirmCampaign(false);
		String outboxSummary = ui.await("the campaign in the outbox", () -> !sending.isRunning()
				&& log.summaryText().startsWith("11 gesendet") ? log.summaryText() : null);
		ui.screenshot("outbox-campaign");
		steps.ok("outbox-campaign", outboxSummary);

		// Microsoft 365: sign in (the emulator approves the code), then the same campaign through Graph
		Composite trim = ui.call(() -> accountTrim(window));
		ui.click(trim, "Anmelden");
		// the system browser first; where there is none, a code to enter on another device
		Object signal = ui.await("the sign-in", 180_000, () -> {
			Shell code = shell("Bei Microsoft 365 anmelden");
			return code != null ? code : Ui.texts(trim).contains("Angemeldet als") ? "browser" : null;
		});
		String prompt = "browser";
		if (signal instanceof Shell code) {
			prompt = ui.call(() -> Ui.texts(code));
			ui.screenshot("sign-in-code");
			ui.click(code, "OK");
		}
		String signedIn = ui.await("signed in", () -> {
			String texts = Ui.texts(trim);
			return texts.contains("Angemeldet als") ? texts.trim() : null;
		});
		ui.screenshot("signed-in");
		steps.ok("signed-in", signedIn + " (" + prompt.lines().filter(l -> !l.isBlank()).findFirst().orElse("") + ")");

		Combo transport = ui.call(() -> Ui.one(composite(LOG), Combo.class, c -> true, "transport"));
		ui.run(() -> {
			transport.select(1);
			transport.notifyListeners(org.eclipse.swt.SWT.Selection, new Event());
		});
		ui.await("Microsoft 365 chosen", () -> state.campaign().transport() == com.securemailmerge.model.TransportKind.GRAPH);
		confirmCampaign(false);
		ui.await("some sent through Microsoft 365", () -> sentRows(log.table()) >= 3);
		ui.menu("Senden", "Versand abbrechen");
		String cancelled = ui.await("the campaign stopped", () -> !sending.isRunning() ? log.summaryText() : null);
		int sentBefore = ui.call(() -> sentRows(log.table()));
		InstallScript.require(sentBefore < 11, "cancelled half-way: " + cancelled);
		ui.screenshot("m365-cancelled");
		steps.ok("m365-cancelled", cancelled);

		String question = confirmCampaign(true);
		String resumed = ui.await("the campaign resumed to its end", () -> !sending.isRunning()
				&& log.summaryText().startsWith("11 gesendet") ? log.summaryText() : null);
		ui.screenshot("m365-resumed");
		steps.ok("m365-resumed", resumed + " | " + question.lines().filter(l -> l.contains("übersprungen")).findFirst().orElse(question));

		Path report = campaign.resolve("Sommerfest-bericht.csv");
		RecipientList list = ui.call(() -> live.last().list());
		sending.exportReport(list, report); // Campaign Log > Export report, once its file dialog has answered
		InstallScript.require(Files.size(report) > 0, "the report is written");
		steps.ok("report", report.getFileName() + " " + Files.size(report) + " bytes");
		ui.run(this::save);
		steps.done();
		ui.run(() -> ui.workbench().close());
	}

	/** Send > Send campaign, the plan's question answered with OK; returns the question. */
	private String confirmCampaign(boolean resumes) throws Exception {
		ui.menu("Senden", "Kampagne senden");
		Shell confirm = ui.shell(Messages.Sending_title);
		String question = ui.call(() -> Ui.texts(confirm));
		InstallScript.require(question.contains("11 Empfänger") || resumes, question);
		ui.click(confirm, "OK");
		ui.closed(confirm);
		return question;
	}

	private void save() {
		try {
			state.save(null);
		} catch (Exception e) {
			throw new IllegalStateException(e);
		}
	}

	/** The part's composite (the part shown first: parts in a stack are created when first shown). */
	private Composite composite(String partId) throws Exception {
		ui.part(partId, Object.class);
		return ui.call(() -> {
			EModelService models = ui.application().getContext().get(EModelService.class);
			MPart part = (MPart) models.find(partId, ui.application());
			return (Composite) part.getWidget();
		});
	}

	private static Shell shell(String title) {
		for (Shell shell : org.eclipse.swt.widgets.Display.getCurrent().getShells()) {
			if (!shell.isDisposed() && shell.isVisible() && shell.getText().equals(title)) {
				return shell;
			}
		}
		return null;
	}

	/** The composite of the account trim: the one with the sign-in button. */
	private static Composite accountTrim(Shell window) {
		return Ui.one(window, org.eclipse.swt.widgets.Button.class, b -> Ui.plain(b.getText()).equals("Anmelden"), "sign-in button")
				.getParent();
	}

	private static int row(Table table, String data) {
		for (int i = 0; i < table.getItemCount(); i++) {
			if (data.equals(table.getItem(i).getData())) {
				return i;
			}
		}
		throw new IllegalStateException("no row " + data);
	}

	private static Integer problemRow(Table table, Problem.Kind kind, String fragment) {
		for (int i = 0; i < table.getItemCount(); i++) {
			TableItem item = table.getItem(i);
			if (item.getData() instanceof Problem problem && problem.kind() == kind
					&& (fragment.equals(problem.field()) || problem.message().contains(fragment))) {
				return i;
			}
		}
		return null;
	}

	private static int sentRows(Table table) {
		int sent = 0;
		for (TableItem item : table.getItems()) {
			if (item.getText(2).equals(Messages.LogPart_sent)) {
				sent++;
			}
		}
		return sent;
	}

	private static Path first(Path folder) throws Exception {
		if (!Files.isDirectory(folder)) {
			return null;
		}
		try (Stream<Path> files = Files.list(folder)) {
			return files.filter(f -> f.toString().endsWith(".eml")).findFirst().orElse(null);
		}
	}
}
