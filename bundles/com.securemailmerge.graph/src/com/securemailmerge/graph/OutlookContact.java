package com.securemailmerge.graph;

import java.util.List;

/** An Outlook contact as the workbench reads it (one of possibly several addresses is the recipient's). */
public record OutlookContact(String id, String givenName, String surname, String displayName, List<String> emailAddresses,
		String companyName, String jobTitle, String city, List<String> categories) {

	public OutlookContact {
		emailAddresses = List.copyOf(emailAddresses);
		categories = List.copyOf(categories);
	}
}
