package com.securemailmerge.fuzz;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.securemailmerge.merge.Compilation;
import com.securemailmerge.merge.CompiledTemplate;
import com.securemailmerge.merge.MergeInput;
import com.securemailmerge.merge.Rendering;
import com.securemailmerge.merge.internal.HandlebarsMergeEngine;
import com.securemailmerge.model.BodyFormat;
import com.securemailmerge.model.FieldValue;
import com.securemailmerge.model.Recipient;
import com.securemailmerge.model.RecipientKey;
import com.securemailmerge.model.Template;

/**
 * The template compiler and renderer. Input: subject, body, To line and three field values (parts 0
 * to 5); the body is Markdown when the input's first byte is odd. A template either compiles or names
 * its problems, and a compiled one renders every recipient to a message or to problems: nothing
 * throws, and a failed compilation always says why.
 */
public final class TemplateFuzz {

	private static final HandlebarsMergeEngine ENGINE = new HandlebarsMergeEngine();
	private static final List<String> FIELDS = List.of("Vorname", "Email", "Betrag"); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$

	private TemplateFuzz() {
	}

	public static void fuzzerTestOneInput(byte[] data) {
		Parts parts = Parts.of(data);
		BodyFormat format = data.length > 0 && (data[0] & 1) == 1 ? BodyFormat.MARKDOWN : BodyFormat.HTML;
		Template template = new Template(parts.get(0), parts.get(1), format, parts.get(2), "", "", ""); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
		Compilation compilation = ENGINE.compile(new MergeInput(template, List.of(), FIELDS, "Email", Locale.GERMANY)); //$NON-NLS-1$
		CompiledTemplate compiled = compilation.template();
		if (compiled == null) {
			if (compilation.problems().isEmpty()) {
				throw new FuzzFinding("A failed compilation names no problem: " + parts); //$NON-NLS-1$
			}
			return;
		}
		Rendering rendering = compiled.render(new Recipient(new RecipientKey("fuzz"), //$NON-NLS-1$
				Map.of("Vorname", FieldValue.text(parts.get(3)), "Email", FieldValue.text(parts.get(4)), //$NON-NLS-1$ //$NON-NLS-2$
						"Betrag", FieldValue.text(parts.get(5))))); //$NON-NLS-1$
		if (rendering.hasErrors() == (rendering.message() != null)) {
			throw new FuzzFinding("Errors and a message together, or neither: " + parts); //$NON-NLS-1$
		}
	}
}
