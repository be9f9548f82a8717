package com.securemailmerge.recipients;

import java.util.List;

import com.securemailmerge.model.CampaignSettings;
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

	/**
	 * The list with a saved campaign's e-mail column (when the file still has it) and its excluded
	 * recipients (by key; keys no longer in the file are ignored; a row:N of an earlier version by its row).
	 */
	public LoadResult withSettings(CampaignSettings settings) {
		RecipientList list = recipients;
		String email = settings.emailField();
		if (email != null && list.field(email).isPresent()) {
			list = list.withEmailField(email);
		}
		return new LoadResult(list.excluding(settings.excluded()), problems, categories);
	}
}
