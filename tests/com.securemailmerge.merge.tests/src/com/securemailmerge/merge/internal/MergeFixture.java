package com.securemailmerge.merge.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.securemailmerge.merge.Compilation;
import com.securemailmerge.merge.CompiledTemplate;
import com.securemailmerge.merge.MergeInput;
import com.securemailmerge.merge.Rendering;
import com.securemailmerge.model.Attachment;
import com.securemailmerge.model.BodyFormat;
import com.securemailmerge.model.FieldValue;
import com.securemailmerge.model.Recipient;
import com.securemailmerge.model.RecipientKey;
import com.securemailmerge.model.Template;

/** Builds templates and recipients for the merge tests. */
@org.eclipse.jdt.annotation.NonNullByDefault({})
final class MergeFixture {

	static final List<String> FIELDS = List.of("E-Mail", "Vorname", "Nachname", "Straße", "Mitglied seit", "Betrag",
			"Fällig", "Sprache", "Firma", "CC", "Anrede");

	private MergeFixture() {
	}

	static Recipient recipient(int row, String... pairs) {
		Map<String, FieldValue> values = new LinkedHashMap<>();
		for (String field : FIELDS) {
			values.put(field, FieldValue.EMPTY);
		}
		for (int i = 0; i < pairs.length; i += 2) {
			values.put(pairs[i], FieldValue.text(pairs[i + 1]));
		}
		return new Recipient(new RecipientKey("row:" + row), values);
	}

	static Compilation compile(String subject, String body) {
		return compile(Template.of(subject, body, BodyFormat.HTML, ""), List.of(), Locale.GERMANY);
	}

	static Compilation compile(Template template, List<Attachment> attachments, Locale locale, java.nio.file.Path folder) {
		return new HandlebarsMergeEngine().compile(new MergeInput(template, attachments, FIELDS, "E-Mail", locale, folder));
	}

	static Compilation compile(Template template, List<Attachment> attachments, Locale locale) {
		return new HandlebarsMergeEngine().compile(new MergeInput(template, attachments, FIELDS, "E-Mail", locale));
	}

	static CompiledTemplate compiled(String subject, String body) {
		Compilation compilation = compile(subject, body);
		if (compilation.template() == null) {
			throw new AssertionError("Expected to compile, got " + compilation.problems());
		}
		return compilation.template();
	}

	static Rendering render(String subject, String body, Recipient recipient) {
		return compiled(subject, body).render(recipient);
	}
}
