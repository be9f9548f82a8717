package com.securemailmerge.send;

import java.io.IOException;

import org.eclipse.core.runtime.IProgressMonitor;

/**
 * A way of sending that needs an account (Microsoft 365), registered as an OSGi service by the bundle
 * that implements it. Opening it may sign in, read the mailbox's limits and, for the two sending
 * moments, check the licence.
 */
public interface TransportProvider {

	/** Why the transport is opened: a test mail to oneself or the campaign. */
	enum Purpose {
		TEST_MAIL, CAMPAIGN
	}

	/** A short name for the user, e.g. "Microsoft 365 (anna@verein.example)". */
	String label();

	/** True when an account is signed in and messages can be sent without asking. */
	boolean isReady();

	OpenTransport open(Purpose purpose, IProgressMonitor monitor) throws IOException;

	/**
	 * The signed-in account (its user name; empty when none): the key of its opt-out list, the same
	 * when an address is added to it and when a campaign is sent.
	 */
	default String account() {
		return ""; //$NON-NLS-1$
	}
}
