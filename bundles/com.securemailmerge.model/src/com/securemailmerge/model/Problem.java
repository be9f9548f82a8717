package com.securemailmerge.model;

import java.util.Comparator;
import java.util.Objects;

import org.eclipse.jdt.annotation.Nullable;

/**
 * Something that must or should be fixed before sending, named as precisely as it is known: the
 * recipient, the field, and the line and column in the template (0 when not applicable).
 */
public record Problem(Severity severity, Kind kind, @Nullable RecipientKey recipient, @Nullable String field,
		@Nullable TemplatePart part, String message, int line, int column) {

	public enum Severity {
		ERROR, WARNING, INFO
	}

	public enum Kind {
		TEMPLATE_SYNTAX, UNKNOWN_FIELD, MISSING_VALUE, INVALID_ADDRESS, DUPLICATE_ADDRESS, EMPTY_SUBJECT,
		MISSING_ATTACHMENT, MESSAGE_TOO_LARGE, SOURCE, RENDERING,
		/** The recipient's address is on the sender's opt-out list: left out of every campaign. */
		OPTED_OUT
	}

	/** Errors first, then by recipient, field and position: the order the Problems part shows. */
	public static final Comparator<Problem> ORDER = Comparator.comparing(Problem::severity)
			.thenComparing(Problem::recipient, Comparator.nullsFirst(Comparator.naturalOrder()))
			.thenComparing(Problem::field, Comparator.nullsFirst(Comparator.naturalOrder()))
			.thenComparingInt(Problem::line).thenComparingInt(Problem::column);

	public Problem {
		Objects.requireNonNull(severity, "severity");
		Objects.requireNonNull(kind, "kind");
		Objects.requireNonNull(message, "message");
		if (line < 0 || column < 0) {
			throw new IllegalArgumentException("Line and column start at 1 (0: not applicable)");
		}
	}

	public static Problem ofRecipient(Severity severity, Kind kind, RecipientKey recipient, @Nullable String field,
			String message) {
		return new Problem(severity, kind, recipient, field, null, message, 0, 0);
	}

	/** A problem at a line and column of one part of the template (an error: nothing can be sent). */
	public static Problem inTemplate(Kind kind, TemplatePart part, @Nullable String field, String message, int line,
			int column) {
		return new Problem(Severity.ERROR, kind, null, field, part, message, line, column);
	}

	public boolean isError() {
		return severity == Severity.ERROR;
	}
}
