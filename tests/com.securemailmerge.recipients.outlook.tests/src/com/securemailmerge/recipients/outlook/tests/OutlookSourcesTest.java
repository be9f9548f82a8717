package com.securemailmerge.recipients.outlook.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.core.runtime.OperationCanceledException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.securemailmerge.auth.AuthConfiguration;
import com.securemailmerge.auth.Scopes;
import com.securemailmerge.auth.internal.MsalAuthService;
import com.securemailmerge.emulator.EmulatedContact;
import com.securemailmerge.emulator.Emulator;
import com.securemailmerge.emulator.Mailbox;
import com.securemailmerge.emulator.MailboxRight;
import com.securemailmerge.graph.internal.GraphMailboxService;
import com.securemailmerge.model.Category;
import com.securemailmerge.model.Problem;
import com.securemailmerge.model.Recipient;
import com.securemailmerge.model.RecipientList;
import com.securemailmerge.model.SourceReference;
import com.securemailmerge.recipients.LoadResult;
import com.securemailmerge.recipients.SourceException;
import com.securemailmerge.recipients.outlook.OutlookContactsSource;
import com.securemailmerge.recipients.outlook.SharedMailboxContactsSource;

/**
 * The Outlook sources as recipient sources: stable keys from immutable ids, fixed field names,
 * categories, address problems by contact name, folders, shared mailboxes, cancellation and
 * messages that say what is missing.
 */
final class OutlookSourcesTest {

	private static final Mailbox ANNA = Mailbox.of("anna@verein.example", "Anna Weber");
	private static final Mailbox OFFICE = Mailbox.of("geschaeftsstelle@verein.example", "Geschäftsstelle");

	private Emulator emulator;
	private GraphMailboxService mailbox;

	@BeforeEach
	void start() throws Exception {
		emulator = Emulator.start();
		MsalAuthService auth = new MsalAuthService(new AuthConfiguration("3f0c2b7e-1d2a-4c5b-8e9f-0a1b2c3d4e5f",
				emulator.authority(), emulator.sslSocketFactory(), null));
		auth.signInWithDeviceCode(Set.of(Scopes.USER_READ), prompt -> emulator.approveDeviceCodes(ANNA),
				new NullProgressMonitor());
		mailbox = new GraphMailboxService(auth, emulator.graphBase(), emulator.clientSslContext(), emulator.trustManager());
		List<EmulatedContact> contacts = new ArrayList<>();
		contacts.add(new EmulatedContact("AAMk-1", "Jörg", "Müller", List.of("joerg@example.org", "j.mueller@privat.example"),
				"Müller & Söhne", "Köln", List.of("Vorstand", "Mitglied"), "contacts"));
		contacts.add(new EmulatedContact("AAMk-2", "Clara", "Wagner", List.of(), "", "Bonn", List.of("Mitglied"), "contacts"));
		contacts.add(new EmulatedContact("AAMk-3", "Paul", "Hoffmann", List.of("paul(at)example.org"), "", "Köln", List.of(),
				"contacts"));
		contacts.add(new EmulatedContact("AAMk-4", "Emma", "Fischer", List.of("emma@example.org"), "", "Köln",
				List.of("Förderer"), "presse"));
		emulator.addContacts(ANNA, contacts);
		emulator.addContactFolder(ANNA, "presse", "Presse");
		emulator.addCategory(ANNA, "Vorstand", "preset0");
		emulator.addCategory(ANNA, "Mitglied", "preset7");
	}

	@AfterEach
	void stop() {
		emulator.close();
	}

	@Test
	void readsTheOwnContactsAsRecipientsWithStableKeysAndCategories() throws Exception {
		LoadResult result = new OutlookContactsSource(mailbox).load(new SourceReference("outlook", "me"),
				new NullProgressMonitor());
		RecipientList list = result.recipients();
		assertEquals(4, list.recipients().size());
		assertEquals("Email", list.emailField());
		Recipient joerg = list.recipients().get(0);
		assertEquals("contact:AAMk-1", joerg.key().value());
		assertEquals("joerg@example.org", joerg.text("Email"));
		assertEquals("j.mueller@privat.example", joerg.text("Email 2"));
		assertEquals("Jörg", joerg.text("First name"));
		assertEquals("Müller & Söhne", joerg.text("Company"));
		assertEquals(Set.of("Vorstand", "Mitglied"), joerg.categories());
		assertEquals(Set.of(new Category("Vorstand", "preset0", ""), new Category("Mitglied", "preset7", "")),
				Set.copyOf(result.categories()), "the colours come with the contacts");
		List<String> problems = result.problems().stream().map(Problem::message).toList();
		assertEquals(2, problems.size(), problems.toString());
		assertTrue(problems.get(0).contains("Clara Wagner"), problems.toString());
		assertTrue(problems.get(1).contains("paul(at)example.org"), problems.toString());
	}

	@Test
	void readsOneContactsFolder() throws Exception {
		LoadResult result = new OutlookContactsSource(mailbox).load(
				new SourceReference("outlook", "me", Map.of("folder", "presse")), new NullProgressMonitor());
		assertEquals(List.of("contact:AAMk-4"), result.recipients().recipients().stream().map(r -> r.key().value()).toList());
	}

	@Test
	void readsASharedMailboxOnlyWithRightsAndSaysWhatIsMissing() throws Exception {
		emulator.addContacts(OFFICE, List.of(new EmulatedContact("SH-1", "Tom", "Richter", List.of("tom@example.org"), "",
				"Bonn", List.of(), "contacts")));
		SharedMailboxContactsSource shared = new SharedMailboxContactsSource(mailbox);
		SourceException denied = assertThrows(SourceException.class,
				() -> shared.load(new SourceReference("outlook-shared", OFFICE.address()), new NullProgressMonitor()));
		assertTrue(denied.getMessage().contains(OFFICE.address()), denied.getMessage());
		emulator.shareMailbox(OFFICE, ANNA, MailboxRight.CONTACTS);
		LoadResult sharedResult = shared.load(new SourceReference("outlook-shared", OFFICE.address()),
				new NullProgressMonitor());
		assertEquals(1, sharedResult.recipients().recipients().size());
		assertTrue(sharedResult.problems().stream().anyMatch(p -> p.severity() == Problem.Severity.INFO),
				"without the calendar right the colours are missing, and the list says so");
		assertThrows(SourceException.class,
				() -> shared.load(new SourceReference("outlook-shared", " "), new NullProgressMonitor()));
	}

	@Test
	void aCancelledLoadStops() {
		NullProgressMonitor monitor = new NullProgressMonitor();
		monitor.setCanceled(true);
		assertThrows(OperationCanceledException.class,
				() -> new OutlookContactsSource(mailbox).load(new SourceReference("outlook", "me"), monitor));
	}
}
