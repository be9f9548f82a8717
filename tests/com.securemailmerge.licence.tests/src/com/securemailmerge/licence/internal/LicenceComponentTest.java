package com.securemailmerge.licence.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.ServerSocket;
import java.net.SocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import org.eclipse.core.runtime.preferences.IEclipsePreferences;
import org.eclipse.core.runtime.preferences.InstanceScope;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.securemailmerge.auth.M365Settings;
import com.securemailmerge.emulator.Emulator;
import com.securemailmerge.emulator.SelfSignedCertificate;
import com.securemailmerge.licence.LicenceService.Moment;
import com.securemailmerge.licence.LicenceSettings;
import com.securemailmerge.licence.LicenceStatus;
import com.securemailmerge.licence.LicenceStatus.Tier;

/**
 * The component as the workbench uses it, configured by the preferences: without an endpoint the free
 * tier and no network activity at all; with one, the address goes there (trusting the loopback
 * certificate of the Microsoft 365 preferences for a loopback endpoint only) and listeners hear the
 * outcome; an unreachable server gives an unknown status, quickly.
 */
@org.eclipse.jdt.annotation.NonNullByDefault({})
final class LicenceComponentTest {

	private static final String ANNA = "anna.weber@verein.example";

	private static SelfSignedCertificate certificate;

	@TempDir
	Path folder;

	private IEclipsePreferences licence;
	private IEclipsePreferences m365;
	private RecordingServer server;
	private LicenceComponent component;

	@BeforeAll
	static void makeCertificate() throws Exception {
		certificate = SelfSignedCertificate.generate();
	}

	@BeforeEach
	void start() throws Exception {
		licence = InstanceScope.INSTANCE.getNode(LicenceSettings.NODE);
		m365 = InstanceScope.INSTANCE.getNode(M365Settings.NODE);
		server = RecordingServer.https(certificate.serverContext());
		component = new LicenceComponent();
	}

	@AfterEach
	void stop() {
		component.deactivate();
		server.close();
		licence.remove(LicenceSettings.ENDPOINT);
		m365.remove(M365Settings.LOOPBACK_CERTIFICATE);
	}

	private void trustTheServer() throws IOException, java.security.cert.CertificateEncodingException {
		Path pem = Files.writeString(folder.resolve("licence.pem"), certificate.pem(), StandardCharsets.US_ASCII);
		m365.put(M365Settings.LOOPBACK_CERTIFICATE, pem.toString());
	}

	@Test
	void withoutAnEndpointTheFreeTierAndNoNetworkActivity() throws Exception {
		trustTheServer();
		List<URI> asked = new CopyOnWriteArrayList<>();
		ProxySelector previous = ProxySelector.getDefault();
		ProxySelector.setDefault(new ProxySelector() {
			@Override
			public List<Proxy> select(URI uri) {
				asked.add(uri);
				return List.of(Proxy.NO_PROXY);
			}

			@Override
			public void connectFailed(URI uri, SocketAddress address, IOException e) {
			}
		});
		try {
			assertEquals(LicenceStatus.FREE, component.status());
			for (Moment moment : Moment.values()) {
				assertEquals(LicenceStatus.FREE, component.check(ANNA, moment));
			}
			assertEquals(List.of(), asked, "no connection of any kind was even considered");

			licence.put(LicenceSettings.ENDPOINT, server.endpoint().toString()); // the counter-check
			assertEquals(Tier.FREE, component.check(ANNA, Moment.TEST_MAIL).tier());
			assertEquals(1, server.requests().size());
			int seen = asked.size();
			assertTrue(seen > 0, "the selector sees a request that is made");

			licence.remove(LicenceSettings.ENDPOINT);
			assertEquals(LicenceStatus.FREE, component.check(ANNA, Moment.CAMPAIGN_SEND));
			assertEquals(LicenceStatus.FREE, component.status());
			assertEquals(1, server.requests().size());
			assertEquals(seen, asked.size(), asked.toString());
		} finally {
			ProxySelector.setDefault(previous);
		}
	}

	@Test
	void checksTheConfiguredEndpointAndTellsTheListeners() throws Exception {
		trustTheServer();
		licence.put(LicenceSettings.ENDPOINT, server.endpoint().toString());
		server.answer(200, "commercial", null);
		List<LicenceStatus> heard = new CopyOnWriteArrayList<>();
		Consumer<LicenceStatus> listener = heard::add;
		component.addListener(listener);
		assertEquals(Tier.UNKNOWN, component.status().tier(), "not checked yet");

		LicenceStatus status = component.check(ANNA, Moment.CAMPAIGN_SEND);

		assertEquals(Tier.COMMERCIAL, status.tier());
		assertEquals(List.of(status), heard);
		assertEquals(status, component.status());
		assertArrayEquals(ANNA.getBytes(StandardCharsets.UTF_8), server.requests().get(0).body());

		component.removeListener(listener);
		server.answer(200, "free", null);
		assertEquals(Tier.FREE, component.check(ANNA, Moment.ADDRESS_BOOK_LOAD).tier());
		assertEquals(List.of(status), heard);
		assertEquals(Tier.FREE, component.status().tier());
		assertEquals(2, server.requests().size());
	}

	@Test
	void followsAChangedEndpoint() throws Exception {
		trustTheServer();
		licence.put(LicenceSettings.ENDPOINT, server.endpoint().toString());
		component.check(ANNA, Moment.TEST_MAIL);
		try (RecordingServer other = RecordingServer.https(certificate.serverContext())) {
			other.answer(200, "commercial", null);
			licence.put(LicenceSettings.ENDPOINT, other.endpoint().toString());

			assertEquals(Tier.COMMERCIAL, component.check(ANNA, Moment.TEST_MAIL).tier());
			assertEquals(1, server.requests().size());
			assertEquals(1, other.requests().size());
		}
	}

	@Test
	void theLoopbackCertificateIsForLoopbackEndpointsOnly() throws Exception {
		trustTheServer();
		for (String loopback : List.of("https://127.0.0.1:8443/licence", "https://localhost/licence", "https://[::1]:8443/licence")) {
			licence.put(LicenceSettings.ENDPOINT, loopback);
			assertEquals(folder.resolve("licence.pem"), LicenceSettings.read().loopbackCertificate(), loopback);
		}
		for (String remote : List.of("https://www.securemailmerge.com/api/license", "https://127.0.0.1.example/licence")) {
			licence.put(LicenceSettings.ENDPOINT, remote);
			assertEquals(null, LicenceSettings.read().loopbackCertificate(), remote);
		}
		licence.remove(LicenceSettings.ENDPOINT);
		assertEquals(false, LicenceSettings.read().isConfigured());
	}

	@Test
	void aLoopbackServerIsNotTrustedWithoutTheCertificatePreference() {
		licence.put(LicenceSettings.ENDPOINT, server.endpoint().toString());

		LicenceStatus status = component.check(ANNA, Moment.TEST_MAIL);

		assertEquals(Tier.UNKNOWN, status.tier());
		assertEquals(List.of(), server.requests());
	}

	@Test
	void anUnreachableServerIsUnknownQuicklyAndNamedAndTold() throws Exception {
		int closed;
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			closed = socket.getLocalPort();
		}
		trustTheServer();
		licence.put(LicenceSettings.ENDPOINT, "https://127.0.0.1:" + closed + "/licence");
		List<LicenceStatus> heard = new CopyOnWriteArrayList<>();
		component.addListener(heard::add);

		long start = System.nanoTime();
		LicenceStatus status = component.check(ANNA, Moment.ADDRESS_BOOK_LOAD);
		Duration took = Duration.ofNanos(System.nanoTime() - start);

		assertEquals(Tier.UNKNOWN, status.tier());
		assertTrue(status.message().contains("127.0.0.1"), status.message());
		assertTrue(took.compareTo(Duration.ofSeconds(5)) < 0, took.toString());
		assertEquals(List.of(status), heard);
	}

	@Test
	void aPlainHttpEndpointIsRefused() throws Exception {
		try (RecordingServer plain = RecordingServer.http()) {
			licence.put(LicenceSettings.ENDPOINT, plain.endpoint().toString());

			assertEquals(Tier.UNKNOWN, component.check(ANNA, Moment.TEST_MAIL).tier());
			assertEquals(List.of(), plain.requests());
		}
	}

	@Test
	void theEmulatorsLicenceEndpointRecordsTheAddressesAndKnowsTheCommercialOnes() throws Exception {
		try (Emulator emulator = Emulator.start()) {
			m365.put(M365Settings.LOOPBACK_CERTIFICATE, emulator.writeCertificate(folder.resolve("emulator.pem")).toString());
			licence.put(LicenceSettings.ENDPOINT, emulator.licenceEndpoint());
			emulator.addCommercialLicence("Anna.Weber@verein.example");

			assertEquals(Tier.COMMERCIAL, component.check(ANNA, Moment.TEST_MAIL).tier());
			assertEquals(Tier.FREE, component.check("emma@example.org", Moment.ADDRESS_BOOK_LOAD).tier());
			assertEquals(List.of(ANNA, "emma@example.org"), emulator.licenceRequests());
		}
	}
}
