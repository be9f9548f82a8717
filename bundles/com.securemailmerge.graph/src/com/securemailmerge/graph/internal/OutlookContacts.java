package com.securemailmerge.graph.internal;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.jdt.annotation.Nullable;
import org.eclipse.osgi.util.NLS;

import com.microsoft.graph.models.Contact;
import com.microsoft.graph.models.EmailAddress;
import com.securemailmerge.graph.OutlookContact;

/** An Outlook contact as Graph returns it, as our model's {@link OutlookContact}: absent values empty. */
final class OutlookContacts {

	private OutlookContacts() {
	}

	static OutlookContact of(Contact contact) {
		List<String> addresses = new ArrayList<>();
		if (contact.getEmailAddresses() != null) {
			for (EmailAddress address : contact.getEmailAddresses()) {
				if (address.getAddress() != null && !address.getAddress().isBlank()) {
					addresses.add(address.getAddress());
				}
			}
		}
		String city = contact.getBusinessAddress() == null || contact.getBusinessAddress().getCity() == null ? "" //$NON-NLS-1$
				: contact.getBusinessAddress().getCity();
		return new OutlookContact(String.valueOf(contact.getId()), text(contact.getGivenName()), text(contact.getSurname()),
				text(contact.getDisplayName()), addresses, text(contact.getCompanyName()), text(contact.getJobTitle()), city,
				contact.getCategories() == null ? List.of() : contact.getCategories());
	}

	static String text(@Nullable String value) {
		return value == null ? "" : value; //$NON-NLS-1$
	}
}
