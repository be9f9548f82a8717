package com.securemailmerge.licence;

import java.util.function.Consumer;

/**
 * Whether the signed-in mailbox has a commercial licence. The only thing ever sent is the primary
 * e-mail address of the signed-in mailbox, and only when an endpoint is configured
 * ({@link LicenceSettings}); never campaign data, recipients or the moment of the check.
 */
public interface LicenceService {

	/** When the product checks the licence; only logged and tested, never sent. */
	enum Moment {
		TEST_MAIL, CAMPAIGN_SEND, ADDRESS_BOOK_LOAD
	}

	/**
	 * Asks the licence endpoint about this address. Blocks (callers run it in a Job) and never throws:
	 * a failure gives {@link LicenceStatus.Tier#UNKNOWN} with a message naming the host, and the
	 * caller goes on. Without an endpoint: {@link LicenceStatus#FREE} and no network activity.
	 */
	LicenceStatus check(String primaryAddress, Moment moment);

	/** The result of the last check (before any: free without an endpoint, else unknown). */
	LicenceStatus status();

	/** Called with the result of every check, on the checking thread. */
	void addListener(Consumer<LicenceStatus> listener);

	void removeListener(Consumer<LicenceStatus> listener);
}
