package com.securemailmerge.emulator;

import java.time.Instant;
import java.util.Set;

/** A token the identity provider issued: for whom, which scopes, until when. */
public record Grant(String token, Mailbox user, Set<String> scopes, Instant expires) {

	public Grant {
		scopes = Set.copyOf(scopes);
	}

	public boolean isExpired(Instant now) {
		return !now.isBefore(expires);
	}
}
