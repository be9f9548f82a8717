package com.securemailmerge.graph.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.securemailmerge.auth.AuthConfiguration;
import com.securemailmerge.auth.Scopes;
import com.securemailmerge.auth.internal.MsalAuthService;
import com.securemailmerge.emulator.EmulatedContact;
import com.securemailmerge.emulator.Emulator;
import com.securemailmerge.emulator.Fault;
import com.securemailmerge.emulator.Mailbox;
import com.securemailmerge.emulator.MailboxRight;
import com.securemailmerge.graph.GraphException;
import com.securemailmerge.graph.OutlookContact;
import com.securemailmerge.graph.internal.GraphMailboxService;
import com.securemailmerge.model.Category;

/**
 * The mailbox service through the real Graph SDK and MSAL4J against the emulator: paging over
 * thousands of contacts, shared mailboxes with and without rights, categories, limits, throttling,
 * faults and an expired token on the way; every request asks for immutable ids.
 */
final class MailboxServiceTest {

	private static final Mailbox ANNA = Mailbox.of("anna@verein.example", "Anna Weber");
	private static final Mailbox OFFICE = Mailbox.of("geschaeftsstelle@verein.example", "Geschäftsstelle");

	private Emulator emulator;
	private MsalAuthService auth;
	private GraphMailboxService mailbox;

	@BeforeEach
	void start() throws Exception {
		emulator = Emulator.start();
		auth = new MsalAuthService(new AuthConfiguration("3f0c2b7e-1d2a-4c5b-8e9f-0a1b2c3d4e5f", emulator.authority(),
				emulator.sslSocketFactory(), null));
		auth.signInWithDeviceCode(Set.of(Scopes.USER_READ), prompt -> emulator.approveDeviceCodes(ANNA),
				new NullProgressMonitor());
		mailbox = new GraphMailboxService(auth, emulator.graphBase(), emulator.clientSslContext(), emulator.trustManager());
	}

	@AfterEach
	void stop() {
		emulator.close();
	}

	private static List<EmulatedContact> contacts(String prefix, int count) {
		List<EmulatedContact> contacts = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			contacts.add(new EmulatedContact(prefix + i, "Vorname" + i, "Nachname" + i,
					List.of("kontakt" + i + "@" + prefix + ".example"), i % 3 == 0 ? "Firma " + i : "", "Köln",
					i % 2 == 0 ? List.of("Mitglied") : List.of("Mitglied", "Vorstand"), "contacts"));
		}
		return contacts;
	}

	@Test
	void readsTheSignedInUser() throws Exception {
		assertEquals("anna@verein.example", mailbox.me().primaryAddress());
	}

	@Test
	void readsFiveThousandContactsOverManyPagesAskingForImmutableIds() throws Exception {
		emulator.addContacts(ANNA, contacts("c", 5000));
		List<OutlookContact> read = mailbox.contacts(null, null, new NullProgressMonitor());
		assertEquals(5000, read.size());
		assertEquals(5000, read.stream().map(OutlookContact::id).distinct().count());
		assertEquals(List.of("kontakt4999@c.example"), read.get(4999).emailAddresses());
		assertEquals("Firma 3", read.get(3).companyName());
		assertEquals(List.of("Mitglied", "Vorstand"), read.get(1).categories());
		long pages = emulator.graphRequests().stream().filter(r -> r.path().endsWith("/contacts")).count();
		assertEquals(50, pages, "100 contacts a page");
		assertTrue(emulator.graphRequests().stream().allMatch(r -> r.prefer().contains("IdType=\"ImmutableId\"")),
				emulator.graphRequests().toString());
		assertTrue(auth.grantedScopes().contains(Scopes.CONTACTS_READ));
	}

	@Test
	void readsASharedMailboxWithRightsAndExplainsWhatIsMissingWithout() throws Exception {
		emulator.addContacts(OFFICE, contacts("office", 30));
		GraphException denied = assertThrows(GraphException.class,
				() -> mailbox.contacts(OFFICE.address(), null, new NullProgressMonitor()));
		assertEquals(403, denied.status());
		assertTrue(denied.getMessage().contains(OFFICE.address()) && denied.getMessage().contains("Contacts.Read.Shared"),
				denied.getMessage());
		emulator.shareMailbox(OFFICE, ANNA, MailboxRight.CONTACTS);
		assertEquals(30, mailbox.contacts(OFFICE.address(), null, new NullProgressMonitor()).size());
		assertTrue(emulator.graphRequests().stream().anyMatch(r -> r.path().equals("/v1.0/users/" + OFFICE.address() + "/contacts")));
	}

	@Test
	void readsCategoriesOfTheOwnAndOfASharedMailbox() throws Exception {
		emulator.addCategory(ANNA, "Vorstand", "preset0");
		emulator.addCategory(ANNA, "Mitglied", "preset7");
		emulator.addCategory(OFFICE, "Förderer", "preset4");
		assertEquals(Set.of(new Category("Vorstand", "preset0", ""), new Category("Mitglied", "preset7", "")),
				Set.copyOf(mailbox.categories(null)));
		assertEquals(403, assertThrows(GraphException.class, () -> mailbox.categories(OFFICE.address())).status());
		emulator.shareMailbox(OFFICE, ANNA, MailboxRight.CALENDAR);
		assertEquals(List.of(new Category("Förderer", "preset4", OFFICE.address())), mailbox.categories(OFFICE.address()));
		assertTrue(auth.grantedScopes().contains(Scopes.CALENDARS_READ_SHARED));
	}

	@Test
	void readsTheMailboxLimits() throws Exception {
		emulator.setMaxMessageSize(ANNA, 26_214_400);
		assertEquals(26_214_400, mailbox.limits().maxMessageSize());
	}

	@Test
	void throttlingWhilePagingSlowsDownButLosesNothing() throws Exception {
		emulator.addContacts(ANNA, contacts("t", 1500));
		emulator.setRateLimit(6, Duration.ofSeconds(1));
		List<OutlookContact> read = mailbox.contacts(null, null, new NullProgressMonitor());
		assertEquals(1500, read.size());
		assertEquals(1500, read.stream().map(OutlookContact::id).collect(Collectors.toSet()).size());
		assertTrue(emulator.throttledCount() > 0, "the emulator did throttle");
	}

	@Test
	void droppedConnectionsAndUnavailableAnswersWhilePagingLoseNothing() throws Exception {
		emulator.addContacts(ANNA, contacts("f", 2000));
		emulator.injectFaults(Fault.UNAVAILABLE, 0.2, 42);
		assertEquals(2000, mailbox.contacts(null, null, new NullProgressMonitor()).size());
		emulator.injectFaults(Fault.DROP, 0.15, 7);
		assertEquals(2000, mailbox.contacts(null, null, new NullProgressMonitor()).size());
		assertTrue(emulator.graphRequests().stream().anyMatch(r -> r.status() == 503));
		assertTrue(emulator.graphRequests().stream().anyMatch(r -> r.status() == 0), "some connections were dropped");
	}

	@Test
	void anExpiredTokenIsRefreshedOnTheWay() throws Exception {
		mailbox.me();
		emulator.advanceClock(Duration.ofHours(2));
		assertEquals("anna@verein.example", mailbox.me().primaryAddress());
		assertEquals(1, emulator.refreshCount());
	}
}
