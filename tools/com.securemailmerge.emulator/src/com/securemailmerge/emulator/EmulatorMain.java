package com.securemailmerge.emulator;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs the emulator on its own for trying the workbench without a tenant: a mailbox with sample
 * contacts and categories, signed in automatically in the browser flow. Prints the preferences to
 * give the workbench (a plugin_customization.ini) and runs until stopped.
 * {@code java -cp com.securemailmerge.emulator.jar com.securemailmerge.emulator.EmulatorMain [FOLDER]}
 */
public final class EmulatorMain {

	private EmulatorMain() {
	}

	public static void main(String[] args) throws Exception {
		Path folder = Files.createDirectories(Path.of(args.length > 0 ? args[0] : "target/emulator")); //$NON-NLS-1$
		Emulator emulator = Emulator.start();
		Mailbox user = Mailbox.of("anna@verein.example", "Anna Weber"); //$NON-NLS-1$ //$NON-NLS-2$
		Mailbox office = Mailbox.of("geschaeftsstelle@verein.example", "Geschäftsstelle"); //$NON-NLS-1$ //$NON-NLS-2$
		List<EmulatedContact> contacts = new ArrayList<>();
		String[][] people = { { "Jörg", "Müller", "Vorstand" }, { "Emma", "Fischer", "Mitglied" }, //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$ //$NON-NLS-5$ //$NON-NLS-6$
				{ "Clara", "Wagner", "Förderer" }, { "Tom", "Richter", "Mitglied" } }; //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$ //$NON-NLS-5$ //$NON-NLS-6$
		for (String[] person : people) {
			contacts.add(new EmulatedContact("AAMk-" + person[1], person[0], person[1], //$NON-NLS-1$
					List.of(person[0].toLowerCase(java.util.Locale.ROOT) + '.' + person[1].toLowerCase(java.util.Locale.ROOT)
							+ "@example.org"), //$NON-NLS-1$
					"", "Köln", List.of(person[2]), "contacts")); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
		}
		emulator.addContacts(user, contacts);
		emulator.addCategory(user, "Vorstand", "preset0"); //$NON-NLS-1$ //$NON-NLS-2$
		emulator.addCategory(user, "Mitglied", "preset7"); //$NON-NLS-1$ //$NON-NLS-2$
		emulator.addCategory(user, "Förderer", "preset4"); //$NON-NLS-1$ //$NON-NLS-2$
		emulator.addContacts(office, contacts.subList(0, 2));
		emulator.shareMailbox(office, user, MailboxRight.CONTACTS, MailboxRight.CALENDAR);
		emulator.signInInteractivelyAs(user);
		emulator.approveDeviceCodesAutomatically(user);
		Path certificate = emulator.writeCertificate(folder.resolve("emulator.pem")); //$NON-NLS-1$
		String ini = "com.securemailmerge.m365/clientId=3f0c2b7e-1d2a-4c5b-8e9f-0a1b2c3d4e5f\n" //$NON-NLS-1$
				+ "com.securemailmerge.m365/authority=" + emulator.authority() + '\n' //$NON-NLS-1$
				+ "com.securemailmerge.m365/graphBase=" + emulator.graphBase() + '\n' //$NON-NLS-1$
				+ "com.securemailmerge.m365/loopbackCertificate=" + certificate.toAbsolutePath() + '\n' //$NON-NLS-1$
				+ "com.securemailmerge.licence/endpoint=" + emulator.licenceEndpoint() + '\n'; //$NON-NLS-1$
		emulator.addCommercialLicence(user.address());
		Path customization = folder.resolve("plugin_customization.ini"); //$NON-NLS-1$
		Files.writeString(customization, ini);
		System.out.println("Microsoft 365 emulator on " + emulator.identityBase()); //$NON-NLS-1$
		System.out.println("Start the workbench with: -pluginCustomization " + customization.toAbsolutePath()); //$NON-NLS-1$
		System.out.println("Signed in as " + user.address() + "; shared mailbox " + office.address() + ". Ctrl+C stops."); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
		Thread.currentThread().join();
	}
}
