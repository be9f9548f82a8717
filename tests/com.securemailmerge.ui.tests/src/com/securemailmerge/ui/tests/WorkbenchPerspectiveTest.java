package com.securemailmerge.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.eclipse.e4.ui.model.application.ui.basic.MPartStack;
import org.eclipse.e4.ui.model.application.ui.basic.MTrimmedWindow;
import org.eclipse.e4.ui.model.application.ui.menu.MMenu;
import org.eclipse.e4.ui.workbench.IWorkbench;
import org.eclipse.e4.ui.workbench.modeling.EModelService;
import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.CTabFolder;
import org.eclipse.swt.custom.CTabItem;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.MenuItem;
import org.eclipse.swt.widgets.Shell;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceReference;

import com.securemailmerge.ui.parts.AttachmentsPart;
import com.securemailmerge.ui.parts.CampaignLogPart;
import com.securemailmerge.ui.parts.CategoriesPart;
import com.securemailmerge.ui.parts.PreviewPart;
import com.securemailmerge.ui.parts.ProblemsPart;
import com.securemailmerge.ui.parts.RecipientsPart;
import com.securemailmerge.ui.parts.TemplatePart;

/**
 * Starts the real workbench (Tycho's UI harness runs the E4 application with -nl de) and checks the
 * perspective as a user sees it: every part in its place, created from its class, its tab showing
 * the German label; then keeps a screenshot of the window under target/screenshots.
 */
final class WorkbenchPerspectiveTest {

	private record Expected(String stack, String germanLabel, Class<?> type) {
	}

	private static final Map<String, Expected> PARTS = new LinkedHashMap<>();
	static {
		PARTS.put("recipients", new Expected("recipients", "Empfänger", RecipientsPart.class));
		PARTS.put("categories", new Expected("categories", "Kategorien", CategoriesPart.class));
		PARTS.put("template", new Expected("editor", "Vorlage", TemplatePart.class));
		PARTS.put("preview", new Expected("preview", "Vorschau", PreviewPart.class));
		PARTS.put("attachments", new Expected("bottom", "Anhänge", AttachmentsPart.class));
		PARTS.put("problems", new Expected("bottom", "Probleme", ProblemsPart.class));
		PARTS.put("log", new Expected("bottom", "Kampagnenprotokoll", CampaignLogPart.class));
	}

	private MApplication application;
	private MTrimmedWindow window;
	private EModelService models;

	@BeforeEach
	void findWorkbench() {
		BundleContext context = FrameworkUtil.getBundle(getClass()).getBundleContext();
		ServiceReference<IWorkbench> reference = context.getServiceReference(IWorkbench.class);
		assertNotNull(reference, "the E4 workbench is running");
		application = context.getService(reference).getApplication();
		models = application.getContext().get(EModelService.class);
		window = (MTrimmedWindow) models.find("com.securemailmerge.app.window", application);
		assertNotNull(window, "the main window");
		settle();
	}

	@Test
	void everyPartIsInItsPlaceAndShowsItsGermanLabel() throws Exception {
		EPartService partService = window.getContext().get(EPartService.class);
		for (Map.Entry<String, Expected> entry : PARTS.entrySet()) {
			Expected expected = entry.getValue();
			MPart part = (MPart) models.find("com.securemailmerge.ui.part." + entry.getKey(), window);
			assertNotNull(part, "part " + entry.getKey());
			assertEquals("com.securemailmerge.app.stack." + expected.stack(), part.getParent().getElementId(),
					"stack of " + entry.getKey());
			assertEquals(expected.germanLabel(), part.getLocalizedLabel());

			partService.showPart(part, EPartService.PartState.ACTIVATE);
			settle();
			assertInstanceOf(expected.type(), part.getObject(), "created from its class");
			CTabItem tab = tabOf(part);
			// a part with unsaved changes shows "*" before its label (another test may have edited the campaign)
			assertEquals(expected.germanLabel(), tab.getText().replaceFirst("^\\*", ""), "tab text of " + entry.getKey());
			assertTrue(tab.getControl() != null && tab.getControl().isVisible(), "content shown: " + entry.getKey());
		}
		partService.showPart((MPart) models.find("com.securemailmerge.ui.part.problems", window),
				EPartService.PartState.ACTIVATE);
		partService.showPart((MPart) models.find("com.securemailmerge.ui.part.recipients", window),
				EPartService.PartState.ACTIVATE);
		settle();
		saveScreenshot("workbench-de.png");
	}

	@Test
	void menusAreFileSendAndHelpInGerman() {
		MMenu mainMenu = window.getMainMenu();
		assertNotNull(mainMenu);
		Shell shell = (Shell) window.getWidget();
		List<String> titles = Arrays.stream(shell.getMenuBar().getItems()).map(MenuItem::getText)
				.map(t -> t.replace("&", "")).toList();
		assertEquals(List.of("Datei", "Senden", "Hilfe"), titles);
		MenuItem help = shell.getMenuBar().getItems()[2];
		help.getMenu().notifyListeners(SWT.Show, null);
		settle();
		List<String> helpItems = Arrays.stream(help.getMenu().getItems()).map(MenuItem::getText)
				.map(t -> t.replace("&", "")).toList();
		assertTrue(helpItems.contains("Über SecureMailMerge Workbench"), "Help menu: " + helpItems);
		help.getMenu().notifyListeners(SWT.Hide, null);
	}

	@Test
	void windowTitleIsTheProductName() {
		assertEquals("SecureMailMerge Workbench", ((Shell) window.getWidget()).getText());
	}

	private CTabItem tabOf(MPart part) {
		MPartStack stack = (MPartStack) (Object) part.getParent();
		CTabFolder folder = (CTabFolder) stack.getWidget();
		for (CTabItem item : folder.getItems()) {
			if (item.getData("modelElement") == part || item.getData("OWNING_ME") == part) {
				return item;
			}
		}
		throw new AssertionError("no tab for " + part.getElementId());
	}

	private static void settle() {
		Display display = Display.getCurrent();
		for (int i = 0; i < 50; i++) {
			while (display.readAndDispatch()) {
				// drain the event queue so layouts and lazy part creation finish
			}
			if (i % 10 == 9) {
				sleepQuietly(20);
			}
		}
	}

	private static void sleepQuietly(long millis) {
		try {
			Thread.sleep(millis);
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}

	private void saveScreenshot(String name) throws Exception {
		Shell shell = (Shell) window.getWidget();
		shell.forceActive();
		settle();
		Screenshots.save(shell, name);
	}

}
