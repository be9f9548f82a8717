package com.securemailmerge.graph.tests;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import org.eclipse.core.runtime.NullProgressMonitor;

import com.securemailmerge.auth.AuthConfiguration;
import com.securemailmerge.auth.LoopbackTrust;
import com.securemailmerge.auth.Scopes;
import com.securemailmerge.auth.internal.MsalAuthService;
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
 * A campaign in a process of its own, to be killed: signs in to the emulator (it approves the
 * device code by itself), then sends the campaign with the real MSAL4J, Graph SDK, transport, runner
 * and journal, exactly as the workbench would, and prints its result. Started again, it resumes.
 * Arguments: authority, Graph base, certificate (PEM), journal file, campaign id, recipients,
 * messages per minute (0: as fast as the mailbox allows).
 */
public final class CampaignProcess {

	static final String CLIENT_ID = "3f0c2b7e-1d2a-4c5b-8e9f-0a1b2c3d4e5f"; //$NON-NLS-1$

	private CampaignProcess() {
	}

	public static void main(String[] args) throws Exception {
		LoopbackTrust trust = LoopbackTrust.of(Path.of(args[2]));
		MsalAuthService auth = new MsalAuthService(
				new AuthConfiguration(CLIENT_ID, args[0], trust.context().getSocketFactory(), null));
		auth.signInWithDeviceCode(Set.of(Scopes.USER_READ), prompt -> {
			// the emulator approves by itself
		}, new NullProgressMonitor());
		GraphMailboxService graph = new GraphMailboxService(auth, args[1], trust.context(), trust.trustManager());
		int perMinute = args.length > 6 ? Integer.parseInt(args[6]) : 0;
		try (Journal journal = Journal.open(Path.of(args[3]))) {
			RunResult result = new CampaignRunner(UUID.fromString(args[4]), journal, new GraphTransport(graph),
					new Pacing(perMinute, 0, 4), 0).withBackoff(Duration.ofMillis(50))
					.withConfirmation(Duration.ofMillis(200), Duration.ofMinutes(5))
					.run(template(), recipients(Integer.parseInt(args[5])), new NullProgressMonitor());
			System.out.println("RESULT " + result.sent() + ' ' + result.alreadySent() + ' ' + result.failed() + ' ' //$NON-NLS-1$
					+ result.deferred() + ' ' + result.stopReason() + " unconfirmed=" + result.unconfirmed()); //$NON-NLS-1$
		}
		System.exit(0);
	}

	static RecipientList recipients(int count) {
		String[] names = { "E-Mail", "Vorname" }; //$NON-NLS-1$ //$NON-NLS-2$
		List<Recipient> recipients = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			recipients.add(new Recipient(new RecipientKey("row:" + (i + 2)), FieldValues.of(names, //$NON-NLS-1$
					new FieldValue[] { FieldValue.text("m" + i + "@example.org"), FieldValue.text("M" + i) }))); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
		}
		return new RecipientList(new SourceReference("csv", "x.csv"), //$NON-NLS-1$ //$NON-NLS-2$
				List.of(Field.text("E-Mail"), Field.text("Vorname")), recipients, "E-Mail"); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
	}

	static CompiledTemplate template() {
		CompiledTemplate template = new HandlebarsMergeEngine().compile(new MergeInput(
				Template.of("Einladung für {{Vorname}}", "<p>Liebe(r) {{Vorname}},</p><p>wir laden ein.</p>", //$NON-NLS-1$ //$NON-NLS-2$
						BodyFormat.HTML, ""), //$NON-NLS-1$
				List.of(), List.of("E-Mail", "Vorname"), "E-Mail", Locale.GERMANY)).template(); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
		return java.util.Objects.requireNonNull(template);
	}
}
