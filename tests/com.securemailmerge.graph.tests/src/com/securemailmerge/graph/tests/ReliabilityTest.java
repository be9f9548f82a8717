package com.securemailmerge.graph.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.securemailmerge.emulator.EmulatedMessage;
import com.securemailmerge.emulator.Emulator;
import com.securemailmerge.emulator.Fault;
import com.securemailmerge.emulator.Mailbox;
import com.securemailmerge.graph.internal.GraphTransport;
import com.securemailmerge.send.Journal;
import com.securemailmerge.send.RecipientState;

/**
 * Kill -9 in the middle of sending: 20 campaigns of 500 recipients, each sent by a process of its own
 * that is killed with SIGKILL at a random point (as soon as the emulator has delivered a randomly
 * chosen number of its messages) and then started again to resume. Afterwards the emulator's Sent
 * Items hold each recipient's message exactly once: nobody twice, nobody missing. Then the same
 * with 10 % of Graph requests failing (connections dropped before or after the work was done) and
 * bursts of 429.
 */
final class ReliabilityTest {

	private static final Mailbox ANNA = Mailbox.of("anna@verein.example", "Anna Weber");
	private static final int RECIPIENTS = 500;
	private static final int RUNS = 20;

	@TempDir
	Path folder;

	private Emulator emulator;
	private Path certificate;

	@BeforeEach
	void start() throws Exception {
		emulator = Emulator.start();
		emulator.approveDeviceCodesAutomatically(ANNA);
		certificate = emulator.writeCertificate(folder.resolve("emulator.pem"));
	}

	@AfterEach
	void stop() {
		emulator.close();
	}

	@Test
	void killedAtRandomAndResumedTwentyTimesNobodyTwiceNobodyMissing() throws Exception {
		runs(new Random(20261128L), null);
	}

	@Test
	void theSameWithTenPercentFaultsAndThrottlingBursts() throws Exception {
		emulator.throttleBursts(400, 8);
		runs(new Random(4711L), new Fault[] { Fault.LOST_ANSWER, Fault.DROP });
	}

	private void runs(Random random, Fault[] faults) throws Exception {
		for (int run = 0; run < RUNS; run++) {
			if (faults != null) {
				emulator.injectFaults(faults[run % faults.length], 0.10, run);
			}
			UUID campaign = new UUID(random.nextLong(), random.nextLong());
			int killAt = 1 + random.nextInt(RECIPIENTS - 20);
			Path journal = folder.resolve(run + ".journal");
			Path log = folder.resolve(run + ".log");
			int before = emulator.deliveredCount(); // every earlier campaign is complete
			Process first = start(journal, campaign, log);
			long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
			while (emulator.deliveredCount() - before < killAt && first.isAlive() && System.nanoTime() < deadline) {
				Thread.sleep(2);
			}
			assertTrue(first.isAlive(), "run " + run + " ended before it was killed: " + Files.readString(log));
			first.destroyForcibly(); // SIGKILL
			first.waitFor();
			int atKill = delivered(campaign);
			Process second = start(journal, campaign, log);
			assertTrue(second.waitFor(300, TimeUnit.SECONDS), "run " + run + " resumed and finished");
			String output = Files.readString(log);
			assertEquals(0, second.exitValue(), output);
			assertTrue(output.contains("RESULT "), output);
			Map<String, Long> sent = sentItems(campaign);
			assertEquals(RECIPIENTS, sent.size(), "run " + run + ": nobody missing; killed after " + atKill + "\n" + output
					+ missing(campaign, sent, journal));
			assertTrue(sent.values().stream().allMatch(n -> n == 1), "run " + run + ": nobody twice " + sent);
			assertEquals(RECIPIENTS, emulator.delivered().stream().filter(m -> ofCampaign(m, campaign)).count(),
					"run " + run + ": " + RECIPIENTS + " messages left the mailbox, no more");
			try (Journal read = Journal.open(journal)) {
				assertEquals(RECIPIENTS, read.states().values().stream().filter(e -> e.state() == RecipientState.SENT).count(),
						"the journal knows every message as sent");
			}
		}
		assertTrue(emulator.drafts(ANNA).isEmpty(), "no draft left behind: " + emulator.drafts(ANNA).size());
	}

	/** What is known of the recipients whose message is not in Sent Items. */
	private String missing(UUID campaign, Map<String, Long> sent, Path journal) throws java.io.IOException {
		StringBuilder out = new StringBuilder();
		for (int i = 0; i < RECIPIENTS; i++) {
			String tag = campaign + "/row:" + (i + 2);
			if (!sent.containsKey(tag)) {
				out.append("\nmissing ").append(tag).append(", drafts: ")
						.append(emulator.drafts(ANNA).stream().filter(m -> tag.equals(m.property(GraphTransport.TAG))).count())
						.append(", delivered: ")
						.append(emulator.delivered().stream().filter(m -> tag.equals(m.property(GraphTransport.TAG))).count());
				for (com.securemailmerge.send.JournalEntry entry : Journal.read(journal)) {
					if (entry.recipient().value().equals("row:" + (i + 2))) {
						out.append("\n  ").append(entry);
					}
				}
			}
		}
		return out.toString();
	}

	private Process start(Path journal, UUID campaign, Path log) throws Exception {
		return ChildJvm.start(CampaignProcess.class, log, emulator.authority(), emulator.graphBase(), certificate.toString(),
				journal.toString(), campaign.toString(), String.valueOf(RECIPIENTS));
	}

	private static boolean ofCampaign(EmulatedMessage message, UUID campaign) {
		return String.valueOf(message.property(GraphTransport.TAG)).startsWith(campaign + "/");
	}

	private int delivered(UUID campaign) {
		return (int) emulator.delivered().stream().filter(m -> ofCampaign(m, campaign)).count();
	}

	private Map<String, Long> sentItems(UUID campaign) {
		return emulator.sentItems(ANNA).stream().filter(m -> ofCampaign(m, campaign))
				.collect(Collectors.groupingBy(m -> String.valueOf(m.property(GraphTransport.TAG)), Collectors.counting()));
	}
}
