package com.securemailmerge.send;

/**
 * How fast one mailbox may send: messages a minute, recipients (To, Cc and Bcc addresses) in a
 * rolling day, and requests at once. Zero means no limit.
 */
public record Pacing(int perMinute, int recipientsPerDay, int concurrent) {

	/** Exchange Online's limits for a mailbox: 30 messages a minute, 10,000 recipients a day, 4 requests at once. */
	public static final Pacing EXCHANGE_ONLINE = new Pacing(30, 10_000, 4);

	/** Files on the local disk: no limit, one at a time. */
	public static final Pacing UNLIMITED = new Pacing(0, 0, 1);

	public Pacing {
		if (perMinute < 0 || recipientsPerDay < 0 || concurrent < 1) {
			throw new IllegalArgumentException("Limits are not negative and at least one request runs"); //$NON-NLS-1$
		}
	}
}
