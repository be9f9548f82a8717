package com.securemailmerge.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.eclipse.e4.ui.workbench.IWorkbench;
import org.eclipse.e4.ui.workbench.modeling.EModelService;
import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.Text;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;

import com.securemailmerge.model.RecipientList;
import com.securemailmerge.ui.parts.RecipientsPart;

/** The address book driven through its real widgets: load a CSV, search, exclude, count. */
final class RecipientsPartTest {

	@TempDir
	Path folder;

	@Test
	void loadsSearchesAndExcludesThroughTheWidgets() throws Exception {
		Path csv = folder.resolve("mitglieder.csv");
		StringBuilder text = new StringBuilder("Vorname;Nachname;E-Mail;Ort\r\n");
		for (int i = 1; i <= 300; i++) {
			text.append("Vorname").append(i).append(';').append(i % 3 == 0 ? "Müller" : "Schmidt").append(';')
					.append("person").append(i).append("@example.org;").append(i % 2 == 0 ? "Köln" : "Bonn")
					.append("\r\n");
		}
		Files.writeString(csv, text, StandardCharsets.UTF_8);

		BundleContext context = FrameworkUtil.getBundle(getClass()).getBundleContext();
		MApplication application = context.getService(context.getServiceReference(IWorkbench.class)).getApplication();
		EModelService models = application.getContext().get(EModelService.class);
		MPart part = (MPart) models.find("com.securemailmerge.ui.part.recipients", application);
		EPartService parts = application.getChildren().get(0).getContext().get(EPartService.class);
		parts.showPart(part, EPartService.PartState.ACTIVATE);
		RecipientsPart recipients = (RecipientsPart) part.getObject();
		Composite composite = (Composite) part.getWidget();

		recipients.load(csv);
		Table table = find(composite, Table.class);
		waitUntil(() -> table.getItemCount() == 300);
		assertEquals(4, table.getColumnCount());
		assertEquals("E-Mail", application.getContext().get(RecipientList.class).emailField(), "guessed from the header");
		assertTrue(labels(composite).contains("300 von 300 Empfängern ausgewählt"), labels(composite));

		Text search = find(composite, Text.class);
		search.setText("müller");
		waitUntil(() -> table.getItemCount() == 100);
		assertTrue(table.getItem(0).getText(1).equals("Müller"));

		table.selectAll();
		table.notifyListeners(SWT.MenuDetect, new Event()); // a right-click shows the model's context menu
		org.eclipse.swt.widgets.Menu popup = table.getMenu();
		popup.notifyListeners(SWT.Show, new Event()); // fills the menu from the model, as opening it does
		org.eclipse.swt.widgets.MenuItem exclude = Arrays.stream(popup.getItems())
				.filter(i -> i.getText().equals("Auswahl ausschließen")).findFirst().orElseThrow(
						() -> new AssertionError(Arrays.toString(Arrays.stream(popup.getItems()).map(i -> i.getText()).toArray())));
		assertTrue(exclude.isEnabled(), "the handler can execute with a list loaded");
		exclude.notifyListeners(SWT.Selection, new Event()); // exclude selected, through the command's handler
		popup.notifyListeners(SWT.Hide, new Event());
		settle();
		RecipientList list = application.getContext().get(RecipientList.class);
		assertEquals(200, list.included().size());
		assertFalse(table.getItem(0).getChecked());
		assertTrue(labels(composite).contains("200 von 300 Empfängern ausgewählt, 100 angezeigt"), labels(composite));

		search.setText("");
		waitUntil(() -> table.getItemCount() == 300);
		table.deselectAll();
		table.setTopIndex(0);
		settle();
		Screenshots.save(table.getShell(), "recipients-de.png");
		table.setSortColumn(table.getColumn(0));
		table.getColumn(0).notifyListeners(SWT.Selection, new Event());
		settle();
		assertEquals("Vorname1", table.getItem(0).getText(0));
		assertNotNull(table.getSortColumn());
	}

	private static String labels(Composite composite) {
		return Arrays.toString(Arrays.stream(composite.getChildren()).filter(Label.class::isInstance)
				.map(c -> ((Label) c).getText()).toArray());
	}

	private static <T extends Control> T find(Composite composite, Class<T> type) {
		for (Control child : composite.getChildren()) {
			if (type.isInstance(child)) {
				return type.cast(child);
			}
		}
		throw new AssertionError("no " + type.getSimpleName());
	}

	private static void settle() {
		Display display = Display.getCurrent();
		long end = System.currentTimeMillis() + 400;
		while (System.currentTimeMillis() < end) {
			if (!display.readAndDispatch()) {
				display.sleep();
			}
		}
	}

	private static void waitUntil(java.util.function.BooleanSupplier condition) {
		Display display = Display.getCurrent();
		long end = System.currentTimeMillis() + 20_000;
		while (!condition.getAsBoolean()) {
			if (System.currentTimeMillis() > end) {
				throw new AssertionError("timed out");
			}
			if (!display.readAndDispatch()) {
				display.timerExec(20, () -> {
				});
				display.sleep();
			}
		}
	}
}
