package com.securemailmerge.send;

import java.io.IOException;

import org.eclipse.jdt.annotation.Nullable;

/**
 * Nothing more can be sent now, for reasons that are not the message's (the sign-in expired and
 * cannot be renewed silently, the mailbox refuses the account). The run stops; no recipient is
 * marked failed for it, and resuming later goes on where it stopped.
 */
public final class SendingStopped extends IOException {

	private static final long serialVersionUID = 1L;

	public SendingStopped(String message, @Nullable Throwable cause) {
		super(message, cause);
	}
}
