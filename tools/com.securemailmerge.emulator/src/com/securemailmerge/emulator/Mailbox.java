package com.securemailmerge.emulator;

import java.util.Objects;
import java.util.UUID;

/** A user and their mailbox in the emulated tenant. */
public record Mailbox(String id, String address, String displayName) {

	public Mailbox {
		Objects.requireNonNull(id, "id"); //$NON-NLS-1$
		Objects.requireNonNull(address, "address"); //$NON-NLS-1$
		Objects.requireNonNull(displayName, "displayName"); //$NON-NLS-1$
	}

	public static Mailbox of(String address, String displayName) {
		return new Mailbox(UUID.nameUUIDFromBytes(address.getBytes(java.nio.charset.StandardCharsets.UTF_8)).toString(),
				address, displayName);
	}
}
