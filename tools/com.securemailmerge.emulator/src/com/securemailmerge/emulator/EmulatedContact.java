package com.securemailmerge.emulator;

import java.util.List;
import java.util.Objects;

/** An Outlook contact in an emulated mailbox, with the fields the workbench reads. */
public record EmulatedContact(String id, String givenName, String surname, List<String> emailAddresses,
		String companyName, String city, List<String> categories, String folderId) {

	public EmulatedContact {
		Objects.requireNonNull(id, "id"); //$NON-NLS-1$
		emailAddresses = List.copyOf(emailAddresses);
		categories = List.copyOf(categories);
	}

	/** The contact as Graph's JSON. */
	String json() {
		StringBuilder addresses = new StringBuilder();
		for (String address : emailAddresses) {
			if (!addresses.isEmpty()) {
				addresses.append(',');
			}
			addresses.append("{\"name\":").append(Exchanges.quote(givenName + ' ' + surname)).append(",\"address\":") //$NON-NLS-1$ //$NON-NLS-2$
					.append(Exchanges.quote(address)).append('}');
		}
		StringBuilder tags = new StringBuilder();
		for (String category : categories) {
			if (!tags.isEmpty()) {
				tags.append(',');
			}
			tags.append(Exchanges.quote(category));
		}
		return "{\"id\":" + Exchanges.quote(id) + ",\"displayName\":" + Exchanges.quote((givenName + ' ' + surname).strip()) //$NON-NLS-1$ //$NON-NLS-2$
				+ ",\"givenName\":" + Exchanges.quote(givenName) + ",\"surname\":" + Exchanges.quote(surname) //$NON-NLS-1$ //$NON-NLS-2$
				+ ",\"companyName\":" + (companyName.isEmpty() ? "null" : Exchanges.quote(companyName)) //$NON-NLS-1$ //$NON-NLS-2$
				+ ",\"parentFolderId\":" + Exchanges.quote(folderId) //$NON-NLS-1$
				+ ",\"businessAddress\":{\"city\":" + Exchanges.quote(city) + "}" //$NON-NLS-1$ //$NON-NLS-2$
				+ ",\"emailAddresses\":[" + addresses + "],\"categories\":[" + tags + "]}"; //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
	}
}
