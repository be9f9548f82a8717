package com.securemailmerge.merge.internal;

import java.util.List;

import org.eclipse.jdt.annotation.Nullable;

/**
 * The compiled parts of a template; a null address line is not part of the message. The text body is
 * the HTML body's plain-text twin (null: each message's HTML is converted instead). For each
 * attachment, whether it is a per-recipient one (resolved inside the attachment folder only).
 */
record Parts(PartTemplate subject, PartTemplate body, @Nullable PartTemplate textBody, @Nullable PartTemplate to, @Nullable PartTemplate cc,
		@Nullable PartTemplate bcc, @Nullable PartTemplate replyTo, List<PartTemplate> attachments, List<Boolean> perRecipient) {

	Parts {
		attachments = List.copyOf(attachments);
		perRecipient = List.copyOf(perRecipient);
	}
}
