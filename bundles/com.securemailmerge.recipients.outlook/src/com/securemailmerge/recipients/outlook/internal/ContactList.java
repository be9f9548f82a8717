package com.securemailmerge.recipients.outlook.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.eclipse.osgi.util.NLS;

import com.securemailmerge.graph.OutlookContact;
import com.securemailmerge.model.Field;
import com.securemailmerge.model.FieldValue;
import com.securemailmerge.model.FieldValues;
import com.securemailmerge.model.Problem;
import com.securemailmerge.model.Problem.Kind;
import com.securemailmerge.model.Problem.Severity;
import com.securemailmerge.model.Recipient;
import com.securemailmerge.model.RecipientKey;
import com.securemailmerge.model.RecipientList;
import com.securemailmerge.model.SourceReference;
import com.securemailmerge.recipients.EmailAddresses;
import com.securemailmerge.recipients.LoadResult;

/**
 * Outlook contacts as a recipient list. Field names are fixed (templates refer to them whatever the
 * workbench's language); the key of a recipient is its contact's immutable id, so a campaign
 * recognises its recipients after contacts were added, removed or moved. Categories come along.
 */
public final class ContactList {

	public static final String EMAIL = "Email"; //$NON-NLS-1$
	static final String[] NAMES = { EMAIL, "First name", "Last name", "Display name", "Company", "Job title", "City", //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$ //$NON-NLS-5$ //$NON-NLS-6$
			"Categories", "Email 2", "Email 3" }; //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$

	private ContactList() {
	}

	public static LoadResult of(SourceReference source, String label, List<OutlookContact> contacts) {
		List<Recipient> recipients = new ArrayList<>(contacts.size());
		List<Problem> problems = new ArrayList<>();
		Map<String, String> firstByAddress = new HashMap<>();
		for (OutlookContact contact : contacts) {
			List<String> addresses = contact.emailAddresses();
			String[] values = { address(addresses, 0), contact.givenName(), contact.surname(), contact.displayName(),
					contact.companyName(), contact.jobTitle(), contact.city(), String.join(", ", contact.categories()), //$NON-NLS-1$
					address(addresses, 1), address(addresses, 2) };
			FieldValue[] fields = new FieldValue[values.length];
			for (int i = 0; i < values.length; i++) {
				fields[i] = FieldValue.text(values[i]);
			}
			RecipientKey key = new RecipientKey("contact:" + contact.id()); //$NON-NLS-1$
			recipients.add(new Recipient(key, FieldValues.of(NAMES, fields), new LinkedHashSet<>(contact.categories()), true));
			String name = contact.displayName().isBlank() ? contact.id() : contact.displayName();
			String address = values[0];
			if (address.isBlank()) {
				problems.add(Problem.ofRecipient(Severity.ERROR, Kind.MISSING_VALUE, key, EMAIL,
						NLS.bind(Messages.Contacts_noAddress, label, name)));
			} else if (!EmailAddresses.isValid(address)) {
				problems.add(Problem.ofRecipient(Severity.ERROR, Kind.INVALID_ADDRESS, key, EMAIL,
						NLS.bind(Messages.Contacts_invalidAddress, new Object[] { label, name, address })));
			} else {
				String earlier = firstByAddress.putIfAbsent(address.toLowerCase(Locale.ROOT), name);
				if (earlier != null) {
					problems.add(Problem.ofRecipient(Severity.WARNING, Kind.DUPLICATE_ADDRESS, key, EMAIL,
							NLS.bind(Messages.Contacts_duplicateAddress, new Object[] { label, address, earlier + ", " + name }))); //$NON-NLS-1$
				}
			}
		}
		List<Field> fields = java.util.Arrays.stream(NAMES).map(Field::text).toList();
		return new LoadResult(new RecipientList(source, fields, recipients, EMAIL), problems);
	}

	private static String address(List<String> addresses, int index) {
		return index < addresses.size() ? addresses.get(index) : ""; //$NON-NLS-1$
	}
}
