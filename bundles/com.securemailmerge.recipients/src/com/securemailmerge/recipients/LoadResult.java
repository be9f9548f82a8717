package com.securemailmerge.recipients;

import java.util.List;

import com.securemailmerge.model.Category;
import com.securemailmerge.model.Problem;
import com.securemailmerge.model.RecipientList;

/**
 * What a source read: the recipients, the problems it found in them (nothing dropped) and, for
 * sources that have them (Outlook), the categories with their colours.
 */
public record LoadResult(RecipientList recipients, List<Problem> problems, List<Category> categories) {

	public LoadResult {
		problems = List.copyOf(problems);
		categories = List.copyOf(categories);
	}

	public LoadResult(RecipientList recipients, List<Problem> problems) {
		this(recipients, problems, List.of());
	}
}
