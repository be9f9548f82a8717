package com.securemailmerge.merge;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

import org.eclipse.jdt.annotation.Nullable;

import com.securemailmerge.model.Attachment;
import com.securemailmerge.model.Template;

/**
 * What a template is compiled against: the field names of the recipient list, the field that holds
 * the address (used when the template's To line is empty), the locale that numbers and dates are
 * formatted in, and the folder that per-recipient attachments must stay inside (the campaign's
 * folder or one the user chose; null: per-recipient attachments cannot be resolved). {@code held}
 * names the files for everybody (by their path as {@link #attachments} gives it) that a campaign file
 * named outside its folder and that the user has not allowed yet: the compilation refuses them, so
 * nothing is attached until the user agrees.
 */
public record MergeInput(Template template, List<Attachment> attachments, List<String> fields,
		@Nullable String emailField, Locale locale, java.nio.file.@Nullable Path attachmentFolder,
		java.util.Set<String> held) {

	public MergeInput(Template template, List<Attachment> attachments, List<String> fields, @Nullable String emailField,
			Locale locale, java.nio.file.@Nullable Path attachmentFolder) {
		this(template, attachments, fields, emailField, locale, attachmentFolder, java.util.Set.of());
	}

	public MergeInput(Template template, List<Attachment> attachments, List<String> fields, @Nullable String emailField,
			Locale locale) {
		this(template, attachments, fields, emailField, locale, null);
	}

	public MergeInput {
		Objects.requireNonNull(template, "template");
		Objects.requireNonNull(locale, "locale");
		attachments = List.copyOf(attachments);
		fields = List.copyOf(fields);
		held = java.util.Set.copyOf(held);
	}
}
