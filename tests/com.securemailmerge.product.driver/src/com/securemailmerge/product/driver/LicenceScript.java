package com.securemailmerge.product.driver;

import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Shell;

import com.securemailmerge.ui.parts.RecipientsPart;

/**
 * Signs in (the emulator approves), loads the Outlook contacts (one of the licence check's three
 * moments) and reports the licence tier the account trim then shows, with its tooltip.
 */
final class LicenceScript implements Script {

	private static final String RECIPIENTS = "com.securemailmerge.ui.part.recipients";

	@Override
	public void run(Ui ui, Steps steps) throws Exception {
		Shell window = ui.mainWindow();
		Composite trim = ui.call(() -> Ui.one(window, Button.class, b -> Ui.plain(b.getText()).equals("Anmelden"),
				"sign-in button").getParent());
		ui.click(trim, "Anmelden");
		String signedIn = ui.await("signed in", 180_000, () -> {
			String texts = Ui.texts(trim);
			return texts.contains("Angemeldet als") ? texts.trim() : null;
		});
		ui.screenshot("signed-in");
		steps.ok("signed-in", signedIn);
		RecipientsPart recipients = ui.part(RECIPIENTS, RecipientsPart.class);
		ui.run(() -> recipients.loadAccount("outlook", "me")); // Microsoft 365... > Outlook-Kontakte
		String tier = ui.await("the licence tier", () -> {
			String texts = Ui.texts(trim);
			return !recipients.isLoading() && (texts.contains("kommerziell") || texts.contains("kostenlos")) ? texts : null;
		});
		String tooltip = ui.call(() -> {
			StringBuilder tips = new StringBuilder();
			for (Control child : trim.getChildren()) {
				if (child.getToolTipText() != null) {
					tips.append(child.getToolTipText()).append(' ');
				}
			}
			return tips.toString().trim();
		});
		ui.screenshot("licence");
		steps.ok("licence", tier.replace('\n', ' ') + " | " + tooltip);
		steps.done();
		ui.run(() -> ui.workbench().close());
	}
}
