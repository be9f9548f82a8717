package com.securemailmerge.model;

import java.util.Objects;

/**
 * A file sent with the messages. A common attachment names one file for everybody; a per-recipient
 * attachment's path is a template built from fields (for example {@code invoices/{{Number}}.pdf}).
 */
public record Attachment(Kind kind, String path) {

	public enum Kind {
		COMMON, PER_RECIPIENT
	}

	public Attachment {
		Objects.requireNonNull(kind, "kind");
		Objects.requireNonNull(path, "path");
		if (path.isBlank()) {
			throw new IllegalArgumentException("An attachment needs a path");
		}
	}
}
