package com.securemailmerge.graph.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.securemailmerge.emulator.Emulator;
import com.securemailmerge.emulator.Mailbox;
import com.securemailmerge.graph.internal.GraphTransport;
import com.securemailmerge.send.Journal;
import com.securemailmerge.send.RecipientState;

/**
 * Two processes send the same campaign (two workbenches, or two computers on a synced folder): the
 * second is refused with a message that names the first, writes nothing, and the first sends
 * everybody exactly once.
 */
final class TwoSendersTest {

	private static final Mailbox ANNA = Mailbox.of("anna@verein.example", "Anna Weber");
	private static final int RECIPIENTS = 120;

	@TempDir
	Path folder;

	private Emulator emulator;
	private Path certificate;

	@BeforeEach
	void start() throws Exception {
		emulator = Emulator.start();
		emulator.approveDeviceCodesAutomatically(ANNA);
		emulator.setSubmissionDelay(Duration.ZERO, Duration.ofSeconds(2), 11L);
		certificate = emulator.writeCertificate(folder.resolve("emulator.pem"));
	}

	@AfterEach
	void stop() {
		emulator.close();
	}

	private Process send(Path journal, UUID campaign, Path log) throws Exception {
		return ChildJvm.start(CampaignProcess.class, log, emulator.authority(), emulator.graphBase(), certificate.toString(),
				journal.toString(), campaign.toString(), String.valueOf(RECIPIENTS), "240");
	}

	@Test
	void theSecondSenderIsRefusedNamingTheFirstAndNobodyIsLostOrMailedTwice() throws Exception {
		UUID campaign = UUID.randomUUID();
		Path journal = folder.resolve("fest.m365.journal");
		Path firstLog = folder.resolve("first.log");
		Path secondLog = folder.resolve("second.log");
		Process first = send(journal, campaign, firstLog);
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
		while (emulator.deliveredCount() < 10 && first.isAlive() && System.nanoTime() < deadline) {
			Thread.sleep(20);
		}
		assertTrue(first.isAlive(), Files.readString(firstLog));
		long before = Files.size(journal);
		Process second = send(journal, campaign, secondLog);
		assertTrue(second.waitFor(120, TimeUnit.SECONDS));
		String refused = Files.readString(secondLog);
		assertNotEquals(0, second.exitValue(), refused);
		assertTrue(refused.contains("being sent already") || refused.contains("schon gesendet"), refused);
		assertTrue(refused.contains("process " + first.pid()) || refused.contains("Prozess " + first.pid()), refused);
		assertTrue(first.isAlive(), "the first sender went on");
		assertTrue(Files.size(journal) >= before, "the second sender truncated nothing");

		assertTrue(first.waitFor(300, TimeUnit.SECONDS), "the first sender finished");
		assertEquals(0, first.exitValue(), Files.readString(firstLog));
		Map<String, Long> sent = emulator.sentItems(ANNA).stream()
				.filter(m -> String.valueOf(m.property(GraphTransport.TAG)).startsWith(campaign + "/"))
				.collect(Collectors.groupingBy(m -> String.valueOf(m.property(GraphTransport.TAG)), Collectors.counting()));
		assertEquals(RECIPIENTS, sent.size(), "nobody lost");
		assertTrue(sent.values().stream().allMatch(n -> n == 1), "nobody twice: " + sent);
		assertEquals(RECIPIENTS, Journal.read(journal).stream().filter(e -> e.state() == RecipientState.SENT).count(),
				"every SENT record of the first sender is there");
	}
}
