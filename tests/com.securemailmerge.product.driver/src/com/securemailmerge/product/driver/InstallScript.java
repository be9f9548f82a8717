package com.securemailmerge.product.driver;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;

import com.securemailmerge.recipients.RecipientSourceDescriptor;
import com.securemailmerge.recipients.RecipientSourceRegistry;
import com.securemailmerge.ui.parts.RecipientsPart;

/**
 * Installs the Excel source into a product that does not have it, as a user does, in the English
 * UI: Help > Install New Software; an unreachable site (its message); the build's update site
 * (system property {@code smm.driver.site}, a file: URL); the unsigned-content question declined
 * (its message, nothing installed), then accepted; restart. After the restart (the product is
 * started again with the same options): the Excel source reads the sample workbook, and
 * Help > Installation Details lists the feature.
 */
final class InstallScript implements Script {

	private static final String EXCEL_FEATURE = "SecureMailMerge Excel source";

	@Override
	public void run(Ui ui, Steps steps) throws Exception {
		Path restarted = ui.out().resolve("restart-requested");
		if (Files.exists(restarted)) {
			afterRestart(ui, steps);
		} else {
			install(ui, steps, restarted);
		}
	}

	private static void install(Ui ui, Steps steps, Path restarted) throws Exception {
		Shell window = ui.mainWindow();
		// The sample campaign reads an Excel workbook, which this product cannot read yet.
		Shell failed = ui.shell("Recipients could not be loaded");
		String why = ui.call(() -> Ui.texts(failed));
		require(why.contains("No recipient source reads files like Mitglieder.xlsx"), why);
		ui.screenshot("no-excel-source");
		ui.click(failed, "OK");
		ui.closed(failed);
		String before = sources(ui);
		require(!before.contains("excel"), before);
		steps.ok("no-excel-source", "sources " + before + "; " + why.trim());

		ui.menu("Help", "Install New Software...");
		Shell dialog = ui.shell("Install New Software");
		String unreachable = System.getProperty("smm.driver.unreachable");
		Combo site = ui.call(() -> Ui.one(dialog, Combo.class, c -> true, "site field"));
		ui.run(() -> Ui.type(site, unreachable));
		ui.click(dialog, "Load");
		String message = ui.await("the unreachable site's message", () -> {
			String texts = Ui.texts(dialog);
			return texts.contains("could not be reached") || texts.contains("could not be loaded") ? texts : null;
		});
		ui.screenshot("unreachable-site");
		steps.ok("unreachable-site", line(message, "could not be"));

		String url = System.getProperty("smm.driver.site");
		ui.run(() -> Ui.type(site, url));
		ui.click(dialog, "Load");
		Table features = ui.call(() -> Ui.one(dialog, Table.class, t -> true, "feature list"));
		int row = ui.await("the site's features", () -> {
			for (int i = 0; i < features.getItemCount(); i++) {
				if (features.getItem(i).getText(0).equals(EXCEL_FEATURE)) {
					return i;
				}
			}
			return null;
		});
		String listed = ui.call(() -> rows(features));
		ui.run(() -> Ui.check(features, row, true));
		ui.screenshot("site-loaded");
		steps.ok("site-loaded", listed);

		// Our build's jars are not signed: first declined, then accepted.
		ui.click(dialog, "Install");
		Shell unsigned = ui.shell("Unsigned Content");
		String question = ui.call(() -> Ui.texts(unsigned));
		require(question.contains("not signed") && question.contains("com.securemailmerge.recipients.excel"), question);
		ui.screenshot("unsigned-question");
		ui.click(unsigned, "No");
		Shell error = ui.shell("Installation Failed");
		String declined = ui.call(() -> Ui.texts(error));
		require(declined.contains("Nothing was installed"), declined);
		ui.screenshot("unsigned-declined");
		ui.click(error, "OK");
		ui.closed(error);
		require(installedExcelJars().isEmpty(), "no Excel bundle after declining: " + installedExcelJars());
		steps.ok("unsigned-declined", line(declined, "Nothing was installed"));

		ui.await("Install enabled again", () -> Ui.button(dialog, "Install").isEnabled());
		ui.click(dialog, "Install");
		Shell again = ui.shell("Unsigned Content");
		ui.click(again, "Yes");
		Shell restart = ui.shell("Restart Now?");
		require(!installedExcelJars().isEmpty(), "the Excel bundle is in the installation");
		ui.screenshot("restart-question");
		steps.ok("installed", "plugins " + installedExcelJars());
		Files.writeString(restarted, "yes");
		ui.click(restart, "Yes");
		// the workbench restarts (exit code 23); the launcher starts it again
		ui.closed(window);
	}

	private static void afterRestart(Ui ui, Steps steps) throws Exception {
		ui.mainWindow();
		String after = sources(ui);
		require(after.contains("excel [xlsx, xlsm, xls]"), after);
		RecipientsPart recipients = ui.part("com.securemailmerge.ui.part.recipients", RecipientsPart.class);
		Path workbook = Ui.installation().resolve("samples/Mitglieder.xlsx");
		ui.run(() -> recipients.load(workbook));
		int count = ui.await("the sample workbook's recipients", () -> !recipients.isLoading()
				&& recipients.table().getItemCount() > 0 ? recipients.table().getItemCount() : null);
		ui.screenshot("excel-source-after-restart");
		steps.ok("excel-source", "sources " + after + "; " + count + " recipients from " + workbook.getFileName());

		ui.menu("Help", "Installation Details");
		Shell details = ui.shell("Installation Details");
		Table installed = ui.call(() -> Ui.one(details, Table.class, t -> true, "installed features"));
		String features = ui.await("the installed features", () -> {
			String rows = rows(installed);
			return rows.contains(EXCEL_FEATURE) ? rows : null;
		});
		ui.screenshot("installation-details");
		steps.ok("installation-details", features);
		ui.run(details::close);
		steps.done();
		ui.run(() -> ui.workbench().close());
	}

	private static String sources(Ui ui) throws Exception {
		RecipientSourceRegistry registry = ui.service(RecipientSourceRegistry.class);
		List<RecipientSourceDescriptor> sources = registry.sources();
		return sources.stream().map(s -> s.id() + (s.fileExtensions().isEmpty() ? "" : " " + s.fileExtensions()))
				.collect(Collectors.joining(", "));
	}

	private static List<Path> installedExcelJars() throws Exception {
		try (var files = Files.list(Ui.installation().resolve("plugins"))) {
			return files.filter(f -> f.getFileName().toString().startsWith("com.securemailmerge.recipients.excel_"))
					.map(Path::getFileName).toList();
		}
	}

	private static String rows(Table table) {
		StringBuilder rows = new StringBuilder();
		for (TableItem item : table.getItems()) {
			rows.append(item.getText(0)).append(" ").append(item.getText(1)).append("; ");
		}
		return rows.toString();
	}

	/** The line of a dialog's texts that holds the fragment. */
	private static String line(String texts, String fragment) {
		return texts.lines().filter(l -> l.contains(fragment)).findFirst().orElse(texts);
	}

	static void require(boolean condition, String what) {
		if (!condition) {
			throw new IllegalStateException("expected, but: " + what);
		}
	}
}
