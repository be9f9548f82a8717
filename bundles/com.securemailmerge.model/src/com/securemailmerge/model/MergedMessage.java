package com.securemailmerge.model;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * The message of one recipient, ready for a transport: its address lines (entries as
 * {@link AddressLine} writes them), subject, HTML body with its plain-text alternative, and the
 * resolved attachment files.
 */
public record MergedMessage(RecipientKey recipient, List<String> to, List<String> cc, List<String> bcc,
		List<String> replyTo, String subject, String htmlBody, String textBody, List<Path> attachments) {

	public MergedMessage {
		Objects.requireNonNull(recipient, "recipient");
		Objects.requireNonNull(subject, "subject");
		Objects.requireNonNull(htmlBody, "htmlBody");
		Objects.requireNonNull(textBody, "textBody");
		to = List.copyOf(to);
		cc = List.copyOf(cc);
		bcc = List.copyOf(bcc);
		replyTo = List.copyOf(replyTo);
		attachments = List.copyOf(attachments);
		if (to.isEmpty()) {
			throw new IllegalArgumentException("A message needs at least one To address: " + recipient);
		}
		for (List<String> line : List.of(to, cc, bcc, replyTo)) {
			line.forEach(MergedMessage::requireSingleLine);
		}
		requireSingleLine(subject);
	}

	/** Header values never carry CR or LF: that is how header injection starts. */
	private static void requireSingleLine(String headerValue) {
		if (headerValue.indexOf('\r') >= 0 || headerValue.indexOf('\n') >= 0) {
			throw new IllegalArgumentException("A header value contains a line break");
		}
	}
}
