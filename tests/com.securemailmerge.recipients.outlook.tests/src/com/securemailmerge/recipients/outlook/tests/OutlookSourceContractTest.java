package com.securemailmerge.recipients.outlook.tests;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.NullProgressMonitor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import com.securemailmerge.auth.AuthConfiguration;
import com.securemailmerge.auth.Scopes;
import com.securemailmerge.auth.internal.MsalAuthService;
import com.securemailmerge.emulator.EmulatedContact;
import com.securemailmerge.emulator.Emulator;
import com.securemailmerge.emulator.Mailbox;
import com.securemailmerge.graph.internal.GraphMailboxService;
import com.securemailmerge.model.RecipientKey;
import com.securemailmerge.model.SourceReference;
import com.securemailmerge.recipients.LoadResult;
import com.securemailmerge.recipients.RecipientSource;
import com.securemailmerge.recipients.outlook.OutlookContactsSource;
import com.securemailmerge.recipients.testing.RecipientSourceContract;

/** The Outlook source passes the contract every recipient source passes, against the emulator. */
final class OutlookSourceContractTest extends RecipientSourceContract {

	private static final Mailbox ANNA = Mailbox.of("anna@verein.example", "Anna Weber");
	private static final Map<String, String> FIELDS = Map.of("E-Mail", "Email", "Vorname", "First name", "Nachname",
			"Last name");

	private Emulator emulator;
	private OutlookContactsSource source;

	@BeforeEach
	void start() throws Exception {
		emulator = Emulator.start();
		MsalAuthService auth = new MsalAuthService(new AuthConfiguration("3f0c2b7e-1d2a-4c5b-8e9f-0a1b2c3d4e5f",
				emulator.authority(), emulator.sslSocketFactory(), null));
		auth.signInWithDeviceCode(Set.of(Scopes.USER_READ), prompt -> emulator.approveDeviceCodes(ANNA),
				new NullProgressMonitor());
		source = new OutlookContactsSource(
				new GraphMailboxService(auth, emulator.graphBase(), emulator.clientSslContext(), emulator.trustManager()));
	}

	@AfterEach
	void stop() {
		emulator.close();
	}

	@Override
	protected RecipientSource source() {
		return source;
	}

	@Override
	protected String sourceId() {
		return "outlook";
	}

	/** Each row (after the header) becomes a contact of the signed-in mailbox. */
	@Override
	protected LoadResult loadPeople(String name, List<List<String>> rows, IProgressMonitor monitor) throws Exception {
		List<EmulatedContact> contacts = new ArrayList<>();
		for (int i = 1; i < rows.size(); i++) {
			List<String> row = rows.get(i);
			contacts.add(new EmulatedContact("c" + (i - 1), row.get(1), row.get(2),
					row.get(0).isEmpty() ? List.of() : List.of(row.get(0)), "", "", List.of(), "contacts"));
		}
		emulator.addContacts(ANNA, contacts);
		return source.load(new SourceReference(sourceId(), "me"), monitor);
	}

	@Override
	protected String field(String canonical) {
		return FIELDS.get(canonical);
	}

	@Override
	protected RecipientKey key(int index, String address) {
		return new RecipientKey("contact:c" + index);
	}

	@Override
	protected int many() {
		return 5_000;
	}
}
