package com.securemailmerge.fuzz;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.securemailmerge.merge.CompiledTemplate;
import com.securemailmerge.merge.MergeInput;
import com.securemailmerge.merge.Rendering;
import com.securemailmerge.merge.internal.HandlebarsMergeEngine;
import com.securemailmerge.model.AddressLine;
import com.securemailmerge.model.BodyFormat;
import com.securemailmerge.model.FieldValue;
import com.securemailmerge.model.MergedMessage;
import com.securemailmerge.model.Recipient;
import com.securemailmerge.model.RecipientKey;
import com.securemailmerge.model.Template;

/**
 * The address-line parser, through the merge engine as sending uses it. Input: a display-name value
 * and an address value (parts 0 and 1). Whatever they hold, a value can neither add nor remove a
 * recipient: every rendered message without errors has exactly one To, one Cc and two Reply-To
 * entries, the To and Cc address is the address value, and the fixed Reply-To address stays.
 */
public final class AddressLineFuzz {

	private static final String FIXED = "antwort@verein.example"; //$NON-NLS-1$

	private static final CompiledTemplate TEMPLATE = compile();

	private AddressLineFuzz() {
	}

	private static CompiledTemplate compile() {
		var template = new Template("Hallo", "<p>Hallo</p>", BodyFormat.HTML, //$NON-NLS-1$ //$NON-NLS-2$
				"{{Name}} <{{Email}}>", "{{Email}}", "", //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
				"Verein <" + FIXED + ">; \"{{Name}}\" <{{Email}}>"); //$NON-NLS-1$ //$NON-NLS-2$
		var compilation = new HandlebarsMergeEngine()
				.compile(new MergeInput(template, List.of(), List.of("Name", "Email"), "Email", Locale.GERMANY)); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
		CompiledTemplate compiled = compilation.template();
		if (compiled == null) {
			throw new IllegalStateException("The address template does not compile: " + compilation.problems()); //$NON-NLS-1$
		}
		return compiled;
	}

	public static void fuzzerTestOneInput(byte[] data) {
		Parts parts = Parts.of(data);
		String name = parts.get(0);
		String email = parts.get(1);
		Rendering rendering = TEMPLATE.render(new Recipient(new RecipientKey("fuzz"), //$NON-NLS-1$
				Map.of("Name", FieldValue.text(name), "Email", FieldValue.text(email)))); //$NON-NLS-1$ //$NON-NLS-2$
		MergedMessage message = rendering.message();
		if (rendering.hasErrors()) {
			if (message != null) {
				throw new FuzzFinding("A rendering with errors carries a message: " + parts); //$NON-NLS-1$
			}
			return;
		}
		if (message == null) {
			throw new FuzzFinding("A rendering without errors has no message: " + parts); //$NON-NLS-1$
		}
		expectOne("To", message.to(), email, parts); //$NON-NLS-1$
		expectOne("Cc", message.cc(), email, parts); //$NON-NLS-1$
		if (!message.bcc().isEmpty()) {
			throw new FuzzFinding("An empty Bcc line gave recipients " + message.bcc() + ": " + parts); //$NON-NLS-1$ //$NON-NLS-2$
		}
		List<String> replyTo = message.replyTo();
		if (replyTo.size() != 2 || !AddressLine.address(replyTo.get(0)).equalsIgnoreCase(FIXED)) {
			throw new FuzzFinding("Reply-To is " + replyTo + ": " + parts); //$NON-NLS-1$ //$NON-NLS-2$
		}
		same("Reply-To", replyTo.get(1), email, parts); //$NON-NLS-1$
	}

	static void expectOne(String line, List<String> entries, String email, Parts parts) {
		if (entries.size() != 1) {
			throw new FuzzFinding(line + " has " + entries.size() + " entries " + entries + ": " + parts); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
		}
		same(line, entries.get(0), email, parts);
	}

	private static void same(String line, String entry, String email, Parts parts) {
		String address = AddressLine.address(entry);
		if (!address.equalsIgnoreCase(email.strip())) {
			throw new FuzzFinding(line + " goes to " + address + " instead of the value " + email + ": " + parts); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
		}
	}
}
