package com.securemailmerge.recipients;

import java.util.List;

import com.securemailmerge.model.Problem;
import com.securemailmerge.model.RecipientList;

/** What a source read: the recipients and the problems it found in them (nothing dropped). */
public record LoadResult(RecipientList recipients, List<Problem> problems) {

	public LoadResult {
		problems = List.copyOf(problems);
	}
}
