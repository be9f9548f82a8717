package com.securemailmerge.merge.internal;

import java.util.LinkedHashSet;
import java.util.Set;

/** What one rendering noticed besides exceptions: the fields printed while empty. */
final class RenderLog {

	private final Set<String> missing = new LinkedHashSet<>();

	void missing(String field) {
		missing.add(field);
	}

	Set<String> missingFields() {
		return missing;
	}
}
