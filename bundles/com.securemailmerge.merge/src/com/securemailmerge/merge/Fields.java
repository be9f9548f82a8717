package com.securemailmerge.merge;

import java.util.Set;

/** How a template refers to a field: {@code {{Vorname}}}, or {@code {{[Mitglied seit]}}} when needed. */
public final class Fields {

	private static final Set<String> RESERVED = Set.of("if", "unless", "eq", "ne", "and", "or", "not", "default", //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$ //$NON-NLS-5$ //$NON-NLS-6$ //$NON-NLS-7$ //$NON-NLS-8$
			"number", "date", "else", "this", "true", "false", "null", "undefined", "as"); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$ //$NON-NLS-5$ //$NON-NLS-6$ //$NON-NLS-7$ //$NON-NLS-8$ //$NON-NLS-9$

	private Fields() {
	}

	/** The name as it is written inside a tag: bare, or in square brackets. */
	public static String name(String field) {
		return isPlain(field) ? field : '[' + field + ']';
	}

	/** The whole tag that prints the field. */
	public static String reference(String field) {
		return "{{" + name(field) + "}}"; //$NON-NLS-1$ //$NON-NLS-2$
	}

	/** The tag that prints the field, or the fallback when it is empty. */
	public static String withFallback(String field, String fallback) {
		return "{{default " + name(field) + " \"" + fallback.replace("\"", "'") + "\"}}"; //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$ //$NON-NLS-5$ //$NON-NLS-6$
	}

	private static boolean isPlain(String field) {
		if (field.isEmpty() || RESERVED.contains(field) || Character.isDigit(field.charAt(0))) {
			return false;
		}
		for (int i = 0; i < field.length(); i++) {
			char c = field.charAt(i);
			if (!Character.isLetterOrDigit(c) && c != '_') {
				return false;
			}
		}
		return true;
	}
}
