package com.securemailmerge.graph.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.securemailmerge.auth.AuthConfiguration;
import com.securemailmerge.auth.Scopes;
import com.securemailmerge.auth.internal.MsalAuthService;
import com.securemailmerge.emulator.Emulator;
import com.securemailmerge.emulator.Mailbox;
import com.securemailmerge.graph.internal.GraphMailboxService;
import com.securemailmerge.graph.internal.GraphTransport;
import com.securemailmerge.send.CampaignRunner;
import com.securemailmerge.send.Journal;
import com.securemailmerge.send.Pacing;
import com.securemailmerge.send.RecipientState;
import com.securemailmerge.send.RunResult;

/**
 * The access token expires in the middle of a campaign: it is renewed silently and the campaign goes
 * on. When it cannot be renewed (the session was revoked), sending stops without marking anybody
 * failed, and after signing in again the campaign resumes: everybody once.
 */
final class TokenExpiryTest {

	private static final Mailbox ANNA = Mailbox.of("anna@verein.example", "Anna Weber");
	private static final int RECIPIENTS = 300;

	@TempDir
	Path folder;

	private Emulator emulator;
	private MsalAuthService auth;
	private GraphTransport transport;

	@BeforeEach
	void start() throws Exception {
		emulator = Emulator.start();
		auth = new MsalAuthService(new AuthConfiguration(CampaignProcess.CLIENT_ID, emulator.authority(),
				emulator.sslSocketFactory(), null));
		auth.signInWithDeviceCode(Set.of(Scopes.USER_READ), prompt -> emulator.approveDeviceCodes(ANNA),
				new NullProgressMonitor());
		transport = new GraphTransport(
				new GraphMailboxService(auth, emulator.graphBase(), emulator.clientSslContext(), emulator.trustManager()));
	}

	@AfterEach
	void stop() {
		emulator.close();
	}

	private CompletableFuture<RunResult> send(Journal journal, UUID campaign) {
		return CompletableFuture.supplyAsync(() -> {
			try {
				return new CampaignRunner(campaign, journal, transport, new Pacing(3000, 0, 4), 0)
						.withBackoff(Duration.ofMillis(50))
						.run(CampaignProcess.template(), CampaignProcess.recipients(RECIPIENTS), new NullProgressMonitor());
			} catch (Exception e) {
				throw new IllegalStateException(e);
			}
		}, runnable -> new Thread(runnable, "campaign").start());
	}

	private void awaitDelivered(int count) throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
		while (emulator.deliveredCount() < count && System.nanoTime() < deadline) {
			Thread.sleep(2);
		}
	}

	private Map<String, Long> sentByTag() {
		return emulator.sentItems(ANNA).stream()
				.collect(Collectors.groupingBy(m -> String.valueOf(m.property(GraphTransport.TAG)), Collectors.counting()));
	}

	@Test
	void anExpiredTokenIsRenewedSilentlyAndTheCampaignGoesOn() throws Exception {
		UUID campaign = UUID.randomUUID();
		try (Journal journal = Journal.open(folder.resolve("c.journal"))) {
			CompletableFuture<RunResult> run = send(journal, campaign);
			awaitDelivered(100);
			int refreshes = emulator.refreshCount();
			emulator.advanceClock(Duration.ofHours(2)); // every token issued so far has expired
			RunResult result = run.get();
			assertEquals(RECIPIENTS, result.sent(), String.valueOf(result));
			assertEquals(0, result.failed());
			assertTrue(emulator.refreshCount() > refreshes, "renewed with the refresh token, no sign-in");
		}
		assertEquals(RECIPIENTS, sentByTag().size());
		assertTrue(sentByTag().values().stream().allMatch(n -> n == 1));
	}

	@Test
	void aRevokedSessionStopsSendingFailsNobodyAndResumesAfterSigningIn() throws Exception {
		UUID campaign = UUID.randomUUID();
		Path file = folder.resolve("c.journal");
		try (Journal journal = Journal.open(file)) {
			CompletableFuture<RunResult> run = send(journal, campaign);
			awaitDelivered(100);
			emulator.revokeRefreshTokens(ANNA);
			emulator.advanceClock(Duration.ofHours(2));
			RunResult stopped = run.get();
			assertNotNull(stopped.stopReason(), String.valueOf(stopped));
			assertEquals(0, stopped.failed());
			// Exchange submits asynchronously: what went out before the revoke is sent or still awaiting its copy
			assertTrue(stopped.deferred() > 0 && stopped.sent() + stopped.submitted() >= 100, String.valueOf(stopped));
			assertTrue(journal.states().values().stream().noneMatch(e -> e.state() == RecipientState.FAILED));
		}
		auth.signInWithDeviceCode(Set.of(Scopes.USER_READ), prompt -> emulator.approveDeviceCodes(ANNA),
				new NullProgressMonitor());
		try (Journal journal = Journal.open(file)) {
			RunResult resumed = send(journal, campaign).get();
			assertTrue(resumed.isComplete(), String.valueOf(resumed));
			assertEquals(0, resumed.failed());
		}
		assertEquals(RECIPIENTS, sentByTag().size());
		assertTrue(sentByTag().values().stream().allMatch(n -> n == 1), "nobody twice");
	}
}
