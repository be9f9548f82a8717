package com.securemailmerge.product.driver;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Predicate;
import java.util.function.Supplier;

import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.eclipse.e4.ui.workbench.IWorkbench;
import org.eclipse.e4.ui.workbench.modeling.EModelService;
import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.CLabel;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.ImageLoader;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Link;
import org.eclipse.swt.widgets.Menu;
import org.eclipse.swt.widgets.MenuItem;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.Text;

/**
 * The product's UI as the script sees it, from the script's own thread: every widget access runs
 * on the UI thread; clicks are the events a click sends; waiting polls with a deadline.
 * Screenshots are of the whole (virtual) screen, dialogs included.
 */
final class Ui {

	static final long TIMEOUT_MS = 60_000;

	private final MApplication application;
	private final IWorkbench workbench;
	private final Path out;
	private final Display display;
	private int shots;

	Ui(MApplication application, IWorkbench workbench, Path out, Steps steps) {
		this.application = application;
		this.workbench = workbench;
		this.out = out;
		this.display = Display.getDefault();
		// numbering goes on after a restart of the product
		try (java.util.stream.Stream<Path> files = Files.list(out)) {
			this.shots = (int) files.filter(f -> f.toString().endsWith(".png")).count();
		} catch (java.io.IOException e) {
			throw new java.io.UncheckedIOException(e);
		}
	}

	/** The product's installation folder. */
	static Path installation() {
		String home = System.getProperty("eclipse.home.location");
		if (home == null) {
			throw new IllegalStateException("eclipse.home.location is not set");
		}
		try {
			return Path.of(new java.net.URI(home.replace(" ", "%20")));
		} catch (java.net.URISyntaxException e) {
			throw new IllegalStateException(home, e);
		}
	}

	MApplication application() {
		return application;
	}

	IWorkbench workbench() {
		return workbench;
	}

	Path out() {
		return out;
	}

	/** Runs on the UI thread and returns what it returns; its exception is thrown here. */
	<T> T call(Callable<T> task) throws Exception {
		Object[] result = new Object[1];
		Exception[] failure = new Exception[1];
		display.syncExec(() -> {
			try {
				result[0] = task.call();
			} catch (Exception e) {
				failure[0] = e;
			} catch (AssertionError e) {
				failure[0] = new IllegalStateException(e.getMessage(), e);
			}
		});
		if (failure[0] != null) {
			throw failure[0];
		}
		@SuppressWarnings("unchecked")
		T value = (T) result[0];
		return value;
	}

	void run(Runnable task) throws Exception {
		call(() -> {
			task.run();
			return null;
		});
	}

	/** For what opens a modal dialog: the click returns at once, the dialog is then looked for. */
	void later(Runnable task) {
		display.asyncExec(task);
	}

	/** Waits, polling on the UI thread, until the value is non-null (or true). */
	<T> T await(String what, Callable<T> condition) throws Exception {
		return await(what, TIMEOUT_MS, condition);
	}

	<T> T await(String what, long timeoutMs, Callable<T> condition) throws Exception {
		long end = System.currentTimeMillis() + timeoutMs;
		Exception last = null;
		while (System.currentTimeMillis() < end) {
			try {
				T value = call(condition);
				if (value != null && !Boolean.FALSE.equals(value)) {
					return value;
				}
				last = null;
			} catch (Exception e) {
				last = e;
			}
			Thread.sleep(100);
		}
		throw new AssertionError("timed out after " + timeoutMs / 1000 + " s waiting for " + what
				+ (last == null ? "" : " (last: " + last + ")") + "; shells: " + call(this::shellTitles), last);
	}

	/** Gives the UI thread time to paint (and the user's eye to follow). */
	void pause(long millis) throws Exception {
		Thread.sleep(millis);
		run(() -> {
			while (display.readAndDispatch()) {
				// drain
			}
		});
	}

	String shellTitles() {
		List<String> titles = new ArrayList<>();
		for (Shell shell : display.getShells()) {
			if (!shell.isDisposed() && shell.isVisible()) {
				titles.add("'" + shell.getText() + "'");
			}
		}
		return String.join(", ", titles);
	}

	/** The visible shell with this title (menu mnemonics and ellipses aside). */
	Shell shell(String title) throws Exception {
		return await("a window titled '" + title + "'", () -> {
			for (Shell shell : display.getShells()) {
				if (!shell.isDisposed() && shell.isVisible() && plain(shell.getText()).equals(plain(title))) {
					return shell;
				}
			}
			return null;
		});
	}

	void closed(Shell shell) throws Exception {
		await("'" + plain(call(() -> shell.isDisposed() ? "" : shell.getText())) + "' to close", () -> shell.isDisposed() || !shell.isVisible());
	}

	Shell mainWindow() throws Exception {
		return await("the workbench window", () -> {
			for (Shell shell : display.getShells()) {
				if (!shell.isDisposed() && shell.isVisible() && shell.getMenuBar() != null) {
					return shell;
				}
			}
			return null;
		});
	}

	/** Menu text without mnemonic, accelerator and ellipsis. */
	static String plain(String text) {
		String without = text.replace("&", "");
		int tab = without.indexOf('\t');
		if (tab >= 0) {
			without = without.substring(0, tab);
		}
		return without.replace("\u2026", "").replace("...", "").trim();
	}

	/**
	 * Chooses a menu item of the workbench window's menu bar by its labels, e.g. "Help",
	 * "Install New Software": each cascade is shown first (so that the workbench fills and enables
	 * it, as when the user opens it), then the item is selected. What it opens is looked for after.
	 */
	void menu(String... path) throws Exception {
		Shell window = mainWindow();
		MenuItem item = call(() -> {
			Menu menu = window.getMenuBar();
			MenuItem found = null;
			for (int i = 0; i < path.length; i++) {
				found = null;
				for (MenuItem candidate : menu.getItems()) {
					if (plain(candidate.getText()).equals(plain(path[i]))) {
						found = candidate;
					}
				}
				if (found == null) {
					throw new IllegalStateException("no menu item '" + path[i] + "' in " + texts(menu));
				}
				if (i < path.length - 1) {
					menu = found.getMenu();
					menu.notifyListeners(SWT.Show, new Event());
				}
			}
			if (!found.isEnabled()) {
				throw new IllegalStateException("the menu item '" + String.join(" > ", path) + "' is disabled");
			}
			return found;
		});
		later(() -> {
			item.notifyListeners(SWT.Selection, new Event());
			Menu parent = item.getParent();
			if (parent != null && !parent.isDisposed()) {
				parent.notifyListeners(SWT.Hide, new Event());
			}
		});
	}

	private static List<String> texts(Menu menu) {
		List<String> texts = new ArrayList<>();
		for (MenuItem item : menu.getItems()) {
			texts.add(plain(item.getText()));
		}
		return texts;
	}

	/** Every control of that type below the composite, in the order they were created. */
	static <T extends Control> List<T> all(Composite root, Class<T> type, Predicate<T> filter) {
		List<T> found = new ArrayList<>();
		collect(root, type, filter, found);
		return found;
	}

	private static <T extends Control> void collect(Composite root, Class<T> type, Predicate<T> filter, List<T> found) {
		for (Control child : root.getChildren()) {
			if (type.isInstance(child) && filter.test(type.cast(child))) {
				found.add(type.cast(child));
			}
			if (child instanceof Composite composite) {
				collect(composite, type, filter, found);
			}
		}
	}

	/** The only (first) control of that type matching the filter, or an exception naming it. */
	static <T extends Control> T one(Composite root, Class<T> type, Predicate<T> filter, String what) {
		List<T> found = all(root, type, filter);
		if (found.isEmpty()) {
			throw new IllegalStateException("no " + what + " in '" + (root instanceof Shell s ? s.getText() : root) + "'");
		}
		return found.get(0);
	}

	static Button button(Composite root, String label) {
		return one(root, Button.class, b -> plain(b.getText()).equals(plain(label)), "button '" + plain(label) + "'");
	}

	/** Clicks a push button, or toggles a check box or radio button, as the mouse would. */
	void click(Composite root, String label) throws Exception {
		Button button = call(() -> {
			Button found = button(root, label);
			if (!found.isEnabled()) {
				throw new IllegalStateException("the button '" + plain(label) + "' is disabled");
			}
			return found;
		});
		later(() -> {
			if ((button.getStyle() & (SWT.CHECK | SWT.RADIO | SWT.TOGGLE)) != 0) {
				button.setSelection(!button.getSelection() || (button.getStyle() & SWT.RADIO) != 0);
			}
			button.notifyListeners(SWT.Selection, new Event());
		});
	}

	/** Sets a text field's content as typing would (the widget sends its Modify event). */
	static void type(Control field, String value) {
		if (field instanceof Text text) {
			text.setText(value);
		} else if (field instanceof Combo combo) {
			combo.setText(value);
		} else {
			throw new IllegalArgumentException("cannot type into " + field);
		}
		field.setFocus();
	}

	/** Presses Enter in a field (its default selection). */
	static void enter(Control field) {
		field.notifyListeners(SWT.DefaultSelection, new Event());
	}

	/** Ticks or unticks a row of a check box table, as a click on its box does. */
	static void check(Table table, int row, boolean checked) {
		TableItem item = table.getItem(row);
		item.setChecked(checked);
		Event event = new Event();
		event.item = item;
		event.detail = SWT.CHECK;
		table.notifyListeners(SWT.Selection, event);
	}

	/** Selects a row as a click on it does. */
	static void select(Table table, int row) {
		table.setSelection(row);
		Event event = new Event();
		event.item = table.getItem(row);
		table.notifyListeners(SWT.Selection, event);
	}

	/** Double-clicks a row. */
	static void open(Table table, int row) {
		select(table, row);
		Event event = new Event();
		event.item = table.getItem(row);
		table.notifyListeners(SWT.DefaultSelection, event);
	}

	/** Every text a shell shows in labels, text fields and links (messages of a dialog). */
	static String texts(Composite root) {
		StringBuilder all = new StringBuilder();
		for (Control control : all(root, Control.class, c -> true)) {
			String text = control instanceof Label label ? label.getText()
					: control instanceof CLabel label ? label.getText()
							: control instanceof Text field ? field.getText()
									: control instanceof Link link ? link.getText() : null;
			if (text != null && !text.isBlank()) {
				all.append(text).append('\n');
			}
		}
		return all.toString();
	}

	/** Shows and activates a part of the workbench window and returns its object. */
	<T> T part(String id, Class<T> type) throws Exception {
		return call(() -> {
			EModelService models = application.getContext().get(EModelService.class);
			MPart part = (MPart) models.find(id, application);
			if (part == null) {
				throw new IllegalStateException("no part " + id);
			}
			EPartService parts = application.getChildren().get(0).getContext().get(EPartService.class);
			parts.showPart(part, EPartService.PartState.ACTIVATE);
			return type.cast(part.getObject());
		});
	}

	<T> T service(Class<T> type) throws Exception {
		return call(() -> {
			T service = application.getContext().get(type);
			if (service == null) {
				throw new IllegalStateException("no " + type.getSimpleName() + " in the workbench");
			}
			return service;
		});
	}

	/** The whole screen as a PNG in the output folder, numbered in the order taken. */
	Path screenshot(String name) throws Exception {
		pause(300);
		shots++;
		Path file = out.resolve(String.format("%02d-%s.png", shots, name));
		run(() -> capture(display, file));
		if (Files.size(file) < 1000) {
			throw new IllegalStateException("the screenshot " + file + " is empty");
		}
		return file;
	}

	/** The whole screen into a PNG file; UI thread only. */
	static void capture(Display display, Path file) {
		Rectangle bounds = display.getBounds();
		Image image = new Image(display, bounds.width, bounds.height);
		GC gc = new GC(display);
		try {
			gc.copyArea(image, 0, 0);
		} finally {
			gc.dispose();
		}
		ImageLoader loader = new ImageLoader();
		loader.data = new ImageData[] { image.getImageData() };
		loader.save(file.toString(), SWT.IMAGE_PNG);
		image.dispose();
	}

	static <T> T require(String what, Supplier<T> value) {
		T found = value.get();
		if (found == null) {
			throw new IllegalStateException("no " + what);
		}
		return found;
	}
}
