package com.securemailmerge.merge.internal;

import java.io.IOException;
import java.io.UncheckedIOException;

import com.github.jknack.handlebars.Context;
import com.github.jknack.handlebars.HandlebarsError;
import com.github.jknack.handlebars.HandlebarsException;
import com.github.jknack.handlebars.Template;
import com.securemailmerge.model.TemplatePart;

/** One compiled part of a template (subject, body, an address line or an attachment path). */
record PartTemplate(TemplatePart part, Template template) {

	/** Renders against a context; a failure names the line and column (1-based) of the part. */
	String apply(Context context) throws PartFailure {
		try {
			return template.apply(context);
		} catch (HandlebarsException e) {
			throw PartFailure.of(part, e);
		} catch (IOException e) {
			throw new UncheckedIOException(e); // writing to a string does not fail
		}
	}

	/** Why a part did not render, where, and the exception that said so. */
	static final class PartFailure extends Exception {

		private static final long serialVersionUID = 1L;

		private final transient TemplatePart part;
		private final int line;
		private final int column;
		private final Throwable reason;

		private PartFailure(TemplatePart part, int line, int column, Throwable reason) {
			super(reason.getMessage(), reason, false, false);
			this.part = part;
			this.line = line;
			this.column = column;
			this.reason = reason;
		}

		static PartFailure of(TemplatePart part, HandlebarsException e) {
			HandlebarsError error = e.getError();
			Throwable reason = e;
			while (reason.getCause() != null && reason != reason.getCause()) {
				reason = reason.getCause();
			}
			int line = error == null ? 1 : Math.max(1, error.line);
			int column = error == null ? 1 : error.column + 1;
			return new PartFailure(part, line, column, reason);
		}

		TemplatePart part() {
			return part;
		}

		int line() {
			return line;
		}

		int column() {
			return column;
		}

		/** The innermost exception: ours (unknown field, bad value) or Handlebars' own. */
		Throwable reason() {
			return reason;
		}

		/** Handlebars' own text for a syntax error, without the file name and evidence it adds. */
		static String syntaxReason(HandlebarsException e) {
			HandlebarsError error = e.getError();
			String reason = error == null ? e.getMessage() : error.reason;
			return reason == null ? "" : reason; //$NON-NLS-1$
		}
	}
}
