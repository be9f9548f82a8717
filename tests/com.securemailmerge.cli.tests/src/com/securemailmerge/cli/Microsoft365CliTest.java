package com.securemailmerge.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.eclipse.core.runtime.preferences.IEclipsePreferences;
import org.eclipse.core.runtime.preferences.InstanceScope;
import org.eclipse.jdt.annotation.NonNullByDefault;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.securemailmerge.auth.AuthService;
import com.securemailmerge.auth.M365Settings;
import com.securemailmerge.campaign.CampaignFile;
import com.securemailmerge.emulator.EmulatedContact;
import com.securemailmerge.emulator.Emulator;
import com.securemailmerge.emulator.Mailbox;
import com.securemailmerge.merge.MergeEngine;
import com.securemailmerge.model.BodyFormat;
import com.securemailmerge.model.Campaign;
import com.securemailmerge.model.CampaignSettings;
import com.securemailmerge.model.SourceReference;
import com.securemailmerge.model.Template;
import com.securemailmerge.model.TransportKind;
import com.securemailmerge.recipients.RecipientSourceRegistry;
import com.securemailmerge.send.TransportProvider;

/**
 * {@code send --m365} and an Outlook-contacts campaign on the command line, with the product's own
 * wiring (the auth service and the Graph transport from their preferences, as the workbench has
 * them) against the emulator: a device code on the terminal, the address book read after it, each
 * contact sent once through tagged drafts, and a second send that finds them all sent. The emulator
 * submits asynchronously, as Exchange documents for sendMail and send: the Sent Items copy comes
 * 300 ms after the 202.
 */
@NonNullByDefault({})
final class Microsoft365CliTest {

	private static final Mailbox ANNA = Mailbox.of("anna@verein.example", "Anna Weber");

	@TempDir
	Path folder;

	private Emulator emulator;
	private IEclipsePreferences preferences;
	private Services services;
	private final ByteArrayOutputStream out = new ByteArrayOutputStream();
	private final ByteArrayOutputStream err = new ByteArrayOutputStream();
	private boolean nobodyEntersTheCode;

	@BeforeEach
	void pointAtTheEmulator() throws Exception {
		emulator = Emulator.start();
		emulator.setSubmissionDelay(Duration.ofMillis(300));
		preferences = InstanceScope.INSTANCE.getNode(M365Settings.NODE);
		preferences.put(M365Settings.CLIENT_ID, "3f0c2b7e-1d2a-4c5b-8e9f-0a1b2c3d4e5f");
		preferences.put(M365Settings.AUTHORITY, emulator.authority());
		preferences.put(M365Settings.GRAPH_BASE, emulator.graphBase());
		preferences.put(M365Settings.LOOPBACK_CERTIFICATE, emulator.writeCertificate(folder.resolve("emulator.pem")).toString());
		emulator.addContacts(ANNA, List.of(
				new EmulatedContact("AAMk-1", "Jörg", "Müller", List.of("joerg@example.org"), "", "Köln", List.of("Vorstand"), "contacts"),
				new EmulatedContact("AAMk-2", "Emma", "Fischer", List.of("emma@example.org"), "", "Bonn", List.of("Mitglied"), "contacts"),
				new EmulatedContact("AAMk-3", "Ali", "Yilmaz", List.of("ali@example.org"), "", "Bonn", List.of(), "contacts")));
		services = new Services(OsgiServices.of(RecipientSourceRegistry.class), OsgiServices.of(MergeEngine.class),
				OsgiServices.of(TransportProvider.class), new TerminalSignIn(OsgiServices.of(AuthService.class)),
				Files.createDirectories(folder.resolve("state")));
	}

	@AfterEach
	void offlineAgain() throws Exception {
		OsgiServices.of(AuthService.class).signOut();
		preferences.clear();
		emulator.close();
	}


	/** Runs the command; the code the terminal shows is entered (approved) when it is printed. */
	private int run(String... arguments) {
		out.reset();
		err.reset();
		PrintStream terminal = new PrintStream(err, true, StandardCharsets.UTF_8) {
			@Override
			public void println(String line) {
				super.println(line);
				if (line != null && line.contains("enter the code")) {
					assertTrue(emulator.pendingUserCodes().stream().anyMatch(line::endsWith), line);
					if (nobodyEntersTheCode) {
						emulator.advanceClock(Duration.ofMinutes(16)); // past the code's 15 minutes
					} else {
						emulator.approveDeviceCodes(ANNA);
					}
				}
			}
		};
		return new Cli(services, new PrintStream(out, true, StandardCharsets.UTF_8), terminal).run(List.of(arguments));
	}

	private Path campaign() throws Exception {
		Path file = folder.resolve("Kontakte.smmc");
		CampaignFile.save(new Campaign(UUID.randomUUID(), "Kontakte", SourceReference.account("outlook", "me"),
				Template.of("Hallo {{[First name]}}", "Liebe Grüße an {{[First name]}}", BodyFormat.MARKDOWN, "{{Email}}"),
				List.of(), TransportKind.GRAPH, CampaignSettings.defaults(Locale.GERMANY).withEmailField("Email")), file);
		return file;
	}

	@Test
	void theAddressBookIsReadAfterADeviceCodeAndEveryContactGetsTheMessageOnce() throws Exception {
		Path file = campaign();
		assertEquals(Cli.OK, run("validate", file.toString()), err.toString(StandardCharsets.UTF_8));
		String terminal = err.toString(StandardCharsets.UTF_8);
		assertTrue(terminal.contains("To sign in to Microsoft 365, open ") && terminal.contains("Signed in as anna@verein.example"), terminal);
		assertEquals("No errors: 3 recipient(s) can be sent to (0 warning(s)).", out.toString(StandardCharsets.UTF_8).strip());

		assertEquals(Cli.OK, run("send", file.toString(), "--m365", "--json"), err.toString(StandardCharsets.UTF_8));
		assertTrue(err.toString(StandardCharsets.UTF_8).contains("3 message(s) go out through Microsoft 365 (anna@verein.example)"),
				err.toString(StandardCharsets.UTF_8));
		String summary = out.toString(StandardCharsets.UTF_8).lines().reduce((a, b) -> b).orElseThrow();
		assertTrue(summary.contains("\"sent\":3,\"alreadySent\":0,\"failed\":0,\"deferred\":0,\"unconfirmed\":0"), summary);
		Map<String, Long> sent = emulator.sentItems(ANNA).stream()
				.collect(Collectors.groupingBy(m -> String.join(",", m.recipients("toRecipients")), Collectors.counting()));
		assertEquals(Map.of("joerg@example.org", 1L, "emma@example.org", 1L, "ali@example.org", 1L), sent);

		assertEquals(Cli.OK, run("send", file.toString()), err.toString(StandardCharsets.UTF_8));
		assertTrue(out.toString(StandardCharsets.UTF_8).contains("0 sent, 3 already sent before"), out.toString(StandardCharsets.UTF_8));
		assertEquals(3, emulator.sentItems(ANNA).size());
	}

	/**
	 * Nobody enters the code in time: the identity platform answers expired_token (AADSTS70019, as
	 * Microsoft documents for the device code flow once its expires_in has passed). The command says
	 * the sign-in failed, exits 2 and sends nothing.
	 */
	@Test
	void aDeviceCodeNobodyEntersEndsTheCommandWithoutSending() throws Exception {
		Path file = campaign();
		nobodyEntersTheCode = true;
		assertEquals(Cli.USAGE, run("send", file.toString(), "--m365"));
		assertTrue(err.toString(StandardCharsets.UTF_8).contains("Signing in to Microsoft 365 failed: "), err.toString(StandardCharsets.UTF_8));
		assertEquals(0, emulator.sentItems(ANNA).size());
		assertEquals(0, emulator.drafts(ANNA).size());
	}

	@Test
	void withoutAClientIdTheCommandLineSaysToUseTheOutbox() throws Exception {
		Path file = campaign();
		preferences.remove(M365Settings.CLIENT_ID);
		assertEquals(Cli.USAGE, run("send", file.toString(), "--m365"));
		assertTrue(err.toString(StandardCharsets.UTF_8).contains("Use --outbox."), err.toString(StandardCharsets.UTF_8));
		assertEquals(0, emulator.sentItems(ANNA).size());
	}
}
