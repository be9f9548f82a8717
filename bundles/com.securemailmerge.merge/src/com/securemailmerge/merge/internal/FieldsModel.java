package com.securemailmerge.merge.internal;

import java.util.Map;
import java.util.Set;

import org.eclipse.jdt.annotation.Nullable;

import com.securemailmerge.model.FieldValue;

/**
 * The root object a template renders against. In probe mode (compile time) every known field has a
 * sample value and an unknown one is an error; otherwise the recipient's values are used.
 */
final class FieldsModel {

	private final Map<String, FieldValue> values;
	private final @Nullable Set<String> probeFields;
	private final Set<String> tolerated;
	private final RenderLog log;
	private final Set<String> seen = new java.util.LinkedHashSet<>();

	private FieldsModel(Map<String, FieldValue> values, @Nullable Set<String> probeFields, Set<String> tolerated,
			RenderLog log) {
		this.values = values;
		this.probeFields = probeFields;
		this.tolerated = tolerated;
		this.log = log;
	}

	static FieldsModel of(Map<String, FieldValue> values, RenderLog log) {
		return new FieldsModel(values, null, Set.of(), log);
	}

	/** Knows the names only; unknown names throw {@link UnknownFieldException} unless tolerated. */
	static FieldsModel probe(Set<String> fields, Set<String> tolerated) {
		return new FieldsModel(Map.of(), fields, tolerated, new RenderLog());
	}

	/** The names asked for while probing, known or not. */
	Set<String> seen() {
		return seen;
	}

	boolean isProbe() {
		return probeFields != null;
	}

	/** The value of a field, or null when the recipient has none (rendering) . */
	@Nullable
	FieldText field(String name) {
		Set<String> known = probeFields;
		if (known != null) {
			seen.add(name);
			if (known.contains(name)) {
				return new FieldText(name, FieldValue.text("1"), log); //$NON-NLS-1$
			}
			if (tolerated.contains(name)) {
				return new FieldText(name, FieldValue.EMPTY, log);
			}
			throw new UnknownFieldException(name);
		}
		FieldValue value = values.get(name);
		return value == null ? new FieldText(name, FieldValue.EMPTY, log) : new FieldText(name, value, log);
	}
}
