package com.securemailmerge.ui.tests;

import static com.securemailmerge.ui.tests.Workbench.settle;
import static com.securemailmerge.ui.tests.Workbench.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.core.runtime.preferences.IEclipsePreferences;
import org.eclipse.core.runtime.preferences.InstanceScope;
import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.e4.ui.model.application.ui.menu.MToolControl;
import org.eclipse.e4.ui.workbench.modeling.EModelService;
import org.eclipse.swt.widgets.Table;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;

import com.securemailmerge.auth.AuthService;
import com.securemailmerge.auth.M365Settings;
import com.securemailmerge.auth.Scopes;
import com.securemailmerge.emulator.EmulatedContact;
import com.securemailmerge.emulator.Emulator;
import com.securemailmerge.emulator.Mailbox;
import com.securemailmerge.ui.m365.AccountTrim;
import com.securemailmerge.ui.parts.CategoriesPart;
import com.securemailmerge.ui.parts.RecipientsPart;

/**
 * The workbench against the local Microsoft 365 emulator: the preferences point it there, the
 * window's trim shows who is signed in, and the address book loads Outlook contacts with their
 * categories.
 */
@org.eclipse.jdt.annotation.NonNullByDefault({})
final class Microsoft365Test {

	private static final Mailbox ANNA = Mailbox.of("anna@verein.example", "Anna Weber");

	@TempDir
	Path folder;

	private Emulator emulator;
	private IEclipsePreferences preferences;

	@BeforeEach
	void pointTheWorkbenchAtTheEmulator() throws Exception {
		emulator = Emulator.start();
		preferences = InstanceScope.INSTANCE.getNode(M365Settings.NODE);
		preferences.put(M365Settings.CLIENT_ID, "3f0c2b7e-1d2a-4c5b-8e9f-0a1b2c3d4e5f");
		preferences.put(M365Settings.AUTHORITY, emulator.authority());
		preferences.put(M365Settings.GRAPH_BASE, emulator.graphBase());
		preferences.put(M365Settings.LOOPBACK_CERTIFICATE, emulator.writeCertificate(folder.resolve("emulator.pem")).toString());
		emulator.addContacts(ANNA, List.of(
				new EmulatedContact("AAMk-1", "Jörg", "Müller", List.of("joerg@example.org"), "", "Köln", List.of("Vorstand"), "contacts"),
				new EmulatedContact("AAMk-2", "Emma", "Fischer", List.of("emma@example.org"), "", "Bonn", List.of("Mitglied"), "contacts")));
		emulator.addCategory(ANNA, "Vorstand", "preset0");
	}

	@AfterEach
	void offlineAgain() throws Exception {
		AuthService auth = service(AuthService.class);
		auth.signOut();
		preferences.clear();
		emulator.close();
	}

	private static <T> T service(Class<T> type) {
		BundleContext context = FrameworkUtil.getBundle(Microsoft365Test.class).getBundleContext();
		return context.getService(context.getServiceReference(type));
	}

	@Test
	void theTrimShowsTheSignedInMailboxAndTheAddressBookLoadsOutlookContacts() throws Exception {
		MApplication application = Workbench.application();
		MToolControl control = (MToolControl) application.getContext().get(EModelService.class)
				.find("com.securemailmerge.ui.m365.account", application);
		AccountTrim trim = (AccountTrim) control.getObject();
		AuthService auth = service(AuthService.class);
		assertTrue(auth.isConfigured());
		auth.signInWithDeviceCode(Set.of(Scopes.USER_READ), prompt -> emulator.approveDeviceCodes(ANNA),
				new NullProgressMonitor());
		waitUntil("the trim shows the mailbox", () -> trim.text().contains("anna@verein.example"));
		assertEquals("Angemeldet als anna@verein.example", trim.text());

		RecipientsPart recipients = Workbench.part("com.securemailmerge.ui.part.recipients", RecipientsPart.class);
		CategoriesPart categories = Workbench.part("com.securemailmerge.ui.part.categories", CategoriesPart.class);
		recipients.loadAccount("outlook", "me");
		Table table = recipients.table();
		waitUntil("the Outlook contacts", () -> table.getItemCount() == 2 && categories.rows().size() == 2);
		assertEquals("joerg@example.org", table.getItem(0).getText(0));
		assertEquals(List.of("Mitglied (1)", "Vorstand (1)"), categories.rows());
		assertTrue(emulator.graphRequests().stream().allMatch(r -> r.prefer().contains("ImmutableId")));
		settle(300);
		Screenshots.save(table.getShell(), "outlook-de.png");
		auth.signOut();
		waitUntil("the trim shows nobody", () -> trim.text().contains("nicht angemeldet"));
	}
}
