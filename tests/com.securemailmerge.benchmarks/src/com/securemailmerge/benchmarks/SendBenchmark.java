package com.securemailmerge.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import com.securemailmerge.auth.AuthConfiguration;
import com.securemailmerge.auth.Scopes;
import com.securemailmerge.auth.internal.MsalAuthService;
import com.securemailmerge.emulator.EmulatedMessage;
import com.securemailmerge.emulator.Emulator;
import com.securemailmerge.emulator.Mailbox;
import com.securemailmerge.graph.internal.GraphMailboxService;
import com.securemailmerge.graph.internal.GraphTransport;
import com.securemailmerge.merge.CompiledTemplate;
import com.securemailmerge.merge.MergeInput;
import com.securemailmerge.merge.internal.HandlebarsMergeEngine;
import com.securemailmerge.model.BodyFormat;
import com.securemailmerge.model.Field;
import com.securemailmerge.model.FieldValue;
import com.securemailmerge.model.FieldValues;
import com.securemailmerge.model.Recipient;
import com.securemailmerge.model.RecipientKey;
import com.securemailmerge.model.RecipientList;
import com.securemailmerge.model.SourceReference;
import com.securemailmerge.model.Template;
import com.securemailmerge.send.CampaignRunner;
import com.securemailmerge.send.Journal;
import com.securemailmerge.send.Pacing;
import com.securemailmerge.send.RunResult;

/**
 * {@code ./bench send}: a campaign through the real MSAL4J, Graph SDK, Graph transport, runner and
 * journal against the emulator, which enforces a send ceiling per mailbox (Exchange Online's 30 a
 * minute scaled up to 900 so the run takes about 100 seconds) and answers 429 beyond it. The runner
 * paces to the same ceiling. Prints the messages, the achieved rate as a fraction of the ceiling,
 * the 429s per 100 messages and the duplicates found in Sent Items.
 */
@org.eclipse.jdt.annotation.NonNullByDefault({})
final class SendBenchmark {

	private static final Mailbox ANNA = Mailbox.of("anna@verein.example", "Anna Weber");
	private static final int CEILING = 900;
	private static final int MESSAGES = 1500;

	@Test
	void sendPacedToTheCeiling() throws Exception {
		Assumptions.assumeTrue("send".equals(System.getProperty("smm.bench")), "run with ./bench send");
		Path work = Files.createDirectories(Path.of(System.getProperty("smm.bench.work")));
		try (Emulator emulator = Emulator.start()) {
			emulator.setSendLimit(CEILING, Duration.ofMinutes(1));
			// Exchange submits asynchronously: each Sent Items copy appears 0 to 5 s after the 202
			emulator.setSubmissionDelay(Duration.ZERO, Duration.ofSeconds(5), 2026);
			MsalAuthService auth = new MsalAuthService(new AuthConfiguration("3f0c2b7e-1d2a-4c5b-8e9f-0a1b2c3d4e5f",
					emulator.authority(), emulator.sslSocketFactory(), null));
			auth.signInWithDeviceCode(Set.of(Scopes.USER_READ), prompt -> emulator.approveDeviceCodes(ANNA),
					new NullProgressMonitor());
			GraphTransport transport = new GraphTransport(
					new GraphMailboxService(auth, emulator.graphBase(), emulator.clientSslContext(), emulator.trustManager()));
			UUID campaign = UUID.randomUUID();
			Path journalFile = work.resolve(campaign + ".journal");
			long start = System.nanoTime();
			java.time.Instant began = java.time.Instant.now();
			RunResult result;
			java.time.Instant lastSubmitted;
			try (Journal journal = Journal.open(journalFile)) {
				result = new CampaignRunner(campaign, journal, transport, new Pacing(CEILING, 0, 4), 0)
						.run(template(), recipients(), new NullProgressMonitor());
				lastSubmitted = journal.entries().stream()
						.filter(e -> e.state() == com.securemailmerge.send.RecipientState.SUBMITTED)
						.map(com.securemailmerge.send.JournalEntry::time).max(java.util.Comparator.naturalOrder())
						.orElse(java.time.Instant.now());
			}
			double total = (System.nanoTime() - start) / 1e9;
			// the pace is that of submission; the last confirmations come up to 5 s later
			double seconds = java.time.Duration.between(began, lastSubmitted).toMillis() / 1000.0;
			assertEquals(MESSAGES, result.sent(), String.valueOf(result));
			List<EmulatedMessage> sent = emulator.sentItems(ANNA);
			long unique = sent.stream().map(m -> m.property(GraphTransport.TAG)).distinct().count();
			// the achieved rate over the whole run, sign-in excluded
			double rate = MESSAGES / seconds * 60.0;
			List<String> lines = List.of(
					"send.messages=" + MESSAGES + " messages",
					String.format(Locale.ROOT, "send.seconds=%.1f s", seconds),
					String.format(Locale.ROOT, "send.rate_fraction=%.3f (of %d a minute)", rate / CEILING, CEILING),
					String.format(Locale.ROOT, "send.throttled_per_100=%.2f 429s", emulator.throttledCount() * 100.0 / MESSAGES),
					"send.duplicates=" + (emulator.delivered().size() - unique) + " messages",
					String.format(Locale.ROOT, "send.confirmed_after=%.1f s", total - seconds),
					"send.unconfirmed=" + result.unconfirmed() + " messages");
			Files.write(Path.of(System.getProperty("smm.bench.out")), lines, StandardCharsets.UTF_8);
			lines.forEach(System.out::println);
		}
	}

	private static RecipientList recipients() {
		String[] names = { "E-Mail", "Vorname" };
		List<Recipient> recipients = new ArrayList<>();
		for (int i = 0; i < MESSAGES; i++) {
			recipients.add(new Recipient(new RecipientKey("row:" + (i + 2)), FieldValues.of(names,
					new FieldValue[] { FieldValue.text("b" + i + "@example.org"), FieldValue.text("B" + i) })));
		}
		return new RecipientList(new SourceReference("csv", "bench.csv"), List.of(Field.text("E-Mail"), Field.text("Vorname")),
				recipients, "E-Mail");
	}

	private static CompiledTemplate template() {
		return new HandlebarsMergeEngine().compile(new MergeInput(
				Template.of("Einladung für {{Vorname}}", "<p>Liebe(r) {{Vorname}},</p><p>wir laden herzlich ein.</p>",
						BodyFormat.HTML, ""),
				List.of(), List.of("E-Mail", "Vorname"), "E-Mail", Locale.GERMANY)).template();
	}
}
