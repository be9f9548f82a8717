package com.securemailmerge.merge.internal;

import java.util.Map.Entry;
import java.util.Set;

import org.eclipse.jdt.annotation.NonNullByDefault;

import com.github.jknack.handlebars.ValueResolver;

/** Resolves template names against the {@link FieldsModel} only: no bean properties, no maps. */
@NonNullByDefault({}) // Handlebars' interface carries no null annotations
final class FieldResolver implements ValueResolver {

	static final FieldResolver INSTANCE = new FieldResolver();

	private FieldResolver() {
	}

	@Override
	public Object resolve(Object context, String name) {
		if (context instanceof FieldsModel model) {
			FieldText field = model.field(name);
			return field == null ? UNRESOLVED : field;
		}
		return UNRESOLVED;
	}

	@Override
	public Object resolve(Object context) {
		if (context instanceof FieldsModel model) {
			// {{this}} would print the model: while probing it is an unknown field, else nothing
			if (model.isProbe()) {
				throw new UnknownFieldException("this"); //$NON-NLS-1$
			}
			return ""; //$NON-NLS-1$
		}
		return context instanceof FieldText field ? field : UNRESOLVED;
	}

	@Override
	public Set<Entry<String, Object>> propertySet(Object context) {
		return Set.of();
	}
}
