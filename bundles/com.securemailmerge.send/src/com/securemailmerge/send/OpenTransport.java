package com.securemailmerge.send;

import java.util.Objects;

/**
 * A transport ready to send: the address messages go out from (the signed-in mailbox's primary
 * address; empty offline), the largest message it takes (0: no limit) and its pace.
 */
public record OpenTransport(Transport transport, String from, long maxMessageSize, Pacing pacing) {

	public OpenTransport {
		Objects.requireNonNull(transport, "transport"); //$NON-NLS-1$
		Objects.requireNonNull(from, "from"); //$NON-NLS-1$
		Objects.requireNonNull(pacing, "pacing"); //$NON-NLS-1$
	}
}
