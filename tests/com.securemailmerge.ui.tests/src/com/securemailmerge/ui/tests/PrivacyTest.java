package com.securemailmerge.ui.tests;

import static com.securemailmerge.ui.tests.Workbench.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.core.runtime.Platform;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.core.runtime.preferences.IEclipsePreferences;
import org.eclipse.core.runtime.preferences.InstanceScope;
import org.eclipse.e4.core.services.events.IEventBroker;
import org.eclipse.e4.ui.model.application.MApplication;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;

import com.securemailmerge.auth.AuthService;
import com.securemailmerge.auth.M365Settings;
import com.securemailmerge.auth.Scopes;
import com.securemailmerge.campaign.CampaignFile;
import com.securemailmerge.emulator.EmulatedContact;
import com.securemailmerge.emulator.EmulatedMessage;
import com.securemailmerge.emulator.Emulator;
import com.securemailmerge.emulator.Grant;
import com.securemailmerge.emulator.Mailbox;
import com.securemailmerge.model.BodyFormat;
import com.securemailmerge.model.Campaign;
import com.securemailmerge.model.CampaignSettings;
import com.securemailmerge.model.SourceReference;
import com.securemailmerge.model.Template;
import com.securemailmerge.model.TransportKind;
import com.securemailmerge.send.CampaignJob;
import com.securemailmerge.ui.internal.CampaignState;
import com.securemailmerge.ui.internal.LiveMerge;
import com.securemailmerge.ui.internal.Sending;
import com.securemailmerge.ui.internal.Topics;
import com.securemailmerge.ui.parts.RecipientsPart;

/**
 * The privacy promises, proven on a whole session against the emulator (sign-in, address book with
 * categories, test mail, campaign): every outbound connection is recorded and goes only to the
 * identity authority, Graph (with its upload URLs) and the licence endpoint; the licence endpoint
 * receives exactly the primary address, at exactly the three moments; each permission is asked for
 * only when the feature that needs it is first used; and no token, message body or recipient address
 * is written to disk outside the campaign's own files.
 */
@org.eclipse.jdt.annotation.NonNullByDefault({})
final class PrivacyTest {

	private static final Mailbox ANNA = Mailbox.of("anna@verein.example", "Anna Weber");

	/** Records every connection Java makes through a proxy decision (URL connections, OkHttp, HttpClient). */
	private static final class RecordingSelector extends ProxySelector {
		final List<URI> seen = new CopyOnWriteArrayList<>();

		@Override
		public List<Proxy> select(URI uri) {
			seen.add(uri);
			return List.of(Proxy.NO_PROXY);
		}

		@Override
		public void connectFailed(URI uri, SocketAddress address, IOException e) {
			// recorded when selected
		}
	}

	@TempDir
	Path folder;

	private Emulator emulator;
	private IEclipsePreferences m365;
	private IEclipsePreferences licence;
	private ProxySelector previous;
	private RecordingSelector connections;

	@BeforeEach
	void pointTheWorkbenchAtTheEmulator() throws Exception {
		emulator = Emulator.start();
		m365 = InstanceScope.INSTANCE.getNode(M365Settings.NODE);
		m365.put(M365Settings.CLIENT_ID, "3f0c2b7e-1d2a-4c5b-8e9f-0a1b2c3d4e5f");
		m365.put(M365Settings.AUTHORITY, emulator.authority());
		m365.put(M365Settings.GRAPH_BASE, emulator.graphBase());
		m365.put(M365Settings.LOOPBACK_CERTIFICATE, emulator.writeCertificate(folder.resolve("emulator.pem")).toString());
		licence = InstanceScope.INSTANCE.getNode("com.securemailmerge.licence");
		licence.put("endpoint", emulator.licenceEndpoint());
		emulator.addCommercialLicence(ANNA.address());
		emulator.addContacts(ANNA, List.of(
				new EmulatedContact("AAMk-1", "Jörg", "Müller", List.of("joerg.mueller@example.org"), "", "Köln", List.of("Vorstand"), "contacts"),
				new EmulatedContact("AAMk-2", "Emma", "Fischer", List.of("emma.fischer@example.org"), "", "Bonn", List.of("Mitglied"), "contacts")));
		emulator.addCategory(ANNA, "Vorstand", "preset0");
		previous = ProxySelector.getDefault();
		connections = new RecordingSelector();
		ProxySelector.setDefault(connections);
	}

	@AfterEach
	void offlineAgain() throws Exception {
		ProxySelector.setDefault(previous);
		service(AuthService.class).signOut();
		m365.clear();
		licence.clear();
		emulator.close();
	}

	private static <T> T service(Class<T> type) {
		BundleContext context = FrameworkUtil.getBundle(PrivacyTest.class).getBundleContext();
		return context.getService(context.getServiceReference(type));
	}

	@Test
	void aWholeSessionTalksOnlyToMicrosoftAndTheLicenceEndpointAndLeavesNothingOnDisk() throws Exception {
		long started = System.currentTimeMillis() - 1000;
		MApplication application = Workbench.application();
		CampaignState state = application.getContext().get(CampaignState.class);
		LiveMerge live = application.getContext().get(LiveMerge.class);
		Sending sending = application.getContext().get(Sending.class);
		AuthService auth = service(AuthService.class);

		auth.signInWithDeviceCode(Set.of(Scopes.USER_READ), prompt -> emulator.approveDeviceCodes(ANNA),
				new NullProgressMonitor());
		assertFalse(auth.grantedScopes().contains(Scopes.CONTACTS_READ), "signing in asks for no contacts: " + auth.grantedScopes());
		assertFalse(auth.grantedScopes().contains(Scopes.MAIL_SEND), auth.grantedScopes().toString());
		assertEquals(List.of(), emulator.licenceRequests(), "signing in is not one of the three moments");

		Path file = folder.resolve("Vorstand.smmc");
		CampaignFile.save(new Campaign(UUID.randomUUID(), "Vorstand", SourceReference.account("outlook", "me"),
				Template.of("Geheime Einladung für {{[First name]}}", "<p>Vertraulicher Inhalt 7f3a</p>", BodyFormat.HTML, ""),
				List.of(), TransportKind.GRAPH, new CampaignSettings("de-DE", "Email", Set.of())), file);
		RecipientsPart recipients = Workbench.part("com.securemailmerge.ui.part.recipients", RecipientsPart.class);
		state.open(file); // loads the address book: the first moment
		waitUntil("the Outlook contacts validated", () -> live.last() != null && live.last().list() != null
				&& live.last().list().recipients().size() == 2 && live.last().validation() != null && !live.isBusy());
		assertTrue(auth.grantedScopes().contains(Scopes.CONTACTS_READ));
		assertFalse(auth.grantedScopes().contains(Scopes.MAIL_SEND), "no sending permission before sending");
		waitUntil("the licence check of the address book", () -> emulator.licenceRequests().size() == 1);
		application.getContext().get(IEventBroker.class).send(Topics.RECIPIENT_SELECTED, live.last().list().recipients().get(0));

		Job test = sending.sendTest(template(live), live.last().list().recipients().get(0));
		test.join();
		assertTrue(test.getResult().getSeverity() <= org.eclipse.core.runtime.IStatus.INFO, test.getResult().getMessage());
		assertTrue(auth.grantedScopes().contains(Scopes.MAIL_SEND));
		EmulatedMessage testMail = emulator.sentItems(ANNA).get(0);
		assertEquals(List.of(ANNA.address()), testMail.recipients("toRecipients"), "the test mail goes to oneself");
		assertTrue(testMail.subject().startsWith("[Test] "), testMail.subject());

		CampaignJob job = sending.start(merged(live));
		job.join();
		assertTrue(job.getResult().getSeverity() <= org.eclipse.core.runtime.IStatus.INFO, job.getResult().getMessage());
		assertEquals(3, emulator.sentItems(ANNA).size(), "the test mail and two campaign messages");

		assertEquals(List.of(ANNA.address(), ANNA.address(), ANNA.address()), emulator.licenceRequests(),
				"exactly the primary address, at address book load, test mail and campaign send");
		String base = "https://127.0.0.1:" + emulator.port();
		List<String> unexpected = new ArrayList<>();
		for (URI uri : connections.seen) {
			String url = uri.toString();
			boolean allowed = url.startsWith(base + '/' + Emulator.TENANT + '/') || url.startsWith(base + "/v1.0/")
					|| url.startsWith(base + "/upload/") || url.equals(base + "/licence") || url.equals(base)
					|| url.equals(base + "/"); // OkHttp chooses its route per host
			if (!allowed && !uri.getScheme().equals("socket")) {
				unexpected.add(url);
			}
		}
		assertTrue(!connections.seen.isEmpty(), "connections were recorded");
		assertEquals(List.of(), unexpected, "only the authority, Graph and the licence endpoint");

		List<String> secrets = new ArrayList<>();
		emulator.issuedTokens().stream().map(Grant::token).forEach(secrets::add);
		secrets.add("Vertraulicher Inhalt 7f3a");
		secrets.add("joerg.mueller@example.org");
		secrets.add("emma.fischer@example.org");
		List<String> leaks = new ArrayList<>();
		for (Path root : roots()) {
			scan(root, started, secrets, leaks);
		}
		assertEquals(List.of(), leaks, "no token, body or recipient data on disk outside the campaign's files");
		try (java.util.stream.Stream<Path> journals = Files.list(folder.resolve(".securemailmerge"))) {
			assertTrue(journals.anyMatch(f -> f.getFileName().toString().endsWith(".m365.journal")),
					"the campaign's own journal is there, under its id");
		}
	}

	private static com.securemailmerge.merge.CompiledTemplate template(LiveMerge live) {
		return live.last().compilation().template();
	}

	private static com.securemailmerge.ui.internal.MergeState merged(LiveMerge live) {
		return live.last();
	}

	/** The workbench's instance and configuration areas, the user's home and the temporary folder. */
	private List<Path> roots() throws Exception {
		List<Path> roots = new ArrayList<>();
		roots.add(Path.of(Platform.getInstanceLocation().getURL().toURI()));
		roots.add(Path.of(Platform.getConfigurationLocation().getURL().toURI()));
		roots.add(Path.of(System.getProperty("java.io.tmpdir")));
		roots.add(Path.of(System.getProperty("user.home")));
		return roots;
	}

	/** Files changed during the test (not the campaign's own folder, not Maven's caches) that contain a secret. */
	private void scan(Path root, long since, List<String> secrets, List<String> leaks) throws IOException {
		if (!Files.isDirectory(root)) {
			return;
		}
		Files.walkFileTree(root, new java.nio.file.SimpleFileVisitor<Path>() {
			@Override
			public java.nio.file.FileVisitResult preVisitDirectory(Path dir, java.nio.file.attribute.BasicFileAttributes attributes) {
				String name = dir.getFileName() == null ? "" : dir.getFileName().toString();
				return dir.startsWith(folder) || name.equals(".m2") || name.equals(".cache") || name.equals(".npm")
						|| name.equals("node_modules") ? java.nio.file.FileVisitResult.SKIP_SUBTREE
								: java.nio.file.FileVisitResult.CONTINUE;
			}

			@Override
			public java.nio.file.FileVisitResult visitFile(Path file, java.nio.file.attribute.BasicFileAttributes attributes) {
				if (attributes.isRegularFile() && attributes.lastModifiedTime().toMillis() >= since
						&& attributes.size() < 20_000_000) {
					try {
						byte[] bytes = Files.readAllBytes(file);
						String latin = new String(bytes, StandardCharsets.ISO_8859_1);
						String utf8 = new String(bytes, StandardCharsets.UTF_8);
						for (String secret : secrets) {
							if (latin.contains(secret) || utf8.contains(secret)) {
								leaks.add(file + ": " + (secret.length() > 40 ? "a token" : secret));
							}
						}
					} catch (IOException e) {
						// unreadable: not ours
					}
				}
				return java.nio.file.FileVisitResult.CONTINUE;
			}

			@Override
			public java.nio.file.FileVisitResult visitFileFailed(Path file, IOException e) {
				return java.nio.file.FileVisitResult.CONTINUE;
			}
		});
	}
}
