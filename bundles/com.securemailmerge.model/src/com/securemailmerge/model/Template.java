package com.securemailmerge.model;

import java.util.Objects;

/**
 * What every message is made from: subject and body with fields, conditionals and fallbacks, and
 * the address lines, which may be built from fields as well. An empty address line is left out.
 */
public record Template(String subject, String body, BodyFormat format, String to, String cc, String bcc,
		String replyTo) {

	public Template {
		Objects.requireNonNull(subject, "subject");
		Objects.requireNonNull(body, "body");
		Objects.requireNonNull(format, "format");
		Objects.requireNonNull(to, "to");
		Objects.requireNonNull(cc, "cc");
		Objects.requireNonNull(bcc, "bcc");
		Objects.requireNonNull(replyTo, "replyTo");
	}

	/** A template that sends to the address in {@code emailField}, with no CC, BCC or reply-to. */
	public static Template of(String subject, String body, BodyFormat format, String toExpression) {
		return new Template(subject, body, format, toExpression, "", "", "");
	}

	public Template withSubject(String newSubject) {
		return new Template(newSubject, body, format, to, cc, bcc, replyTo);
	}

	public Template withBody(String newBody) {
		return new Template(subject, newBody, format, to, cc, bcc, replyTo);
	}
}
