package com.securemailmerge.ui.internal;

import java.util.Set;
import java.util.stream.Collectors;

import org.eclipse.e4.core.di.annotations.Creatable;
import org.eclipse.e4.core.services.events.IEventBroker;
import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.e4.ui.workbench.modeling.ESelectionService;

import com.securemailmerge.model.Recipient;
import com.securemailmerge.model.RecipientKey;
import com.securemailmerge.model.RecipientList;
import com.securemailmerge.recipients.LoadResult;

import jakarta.inject.Inject;

/**
 * Tells the rest of the workbench what the address book shows: the list in the application
 * context (what the other parts and the campaign read), the selected recipient, and the e-mail
 * column and exclusions as the campaign's settings. Made in the address book part's context.
 */
@Creatable
public final class RecipientPublisher {

	private final IEventBroker events;
	private final MApplication application;
	private final ESelectionService selection;

	@Inject
	public RecipientPublisher(IEventBroker events, MApplication application, ESelectionService selection) {
		this.events = events;
		this.application = application;
		this.selection = selection;
	}

	public void loaded(LoadResult result, RecipientList list) {
		application.getContext().set(RecipientList.class, list);
		events.post(Topics.RECIPIENTS_LOADED, result);
	}

	public void cleared() {
		application.getContext().remove(RecipientList.class);
	}

	public void selected(Recipient recipient) {
		selection.setSelection(recipient);
		events.send(Topics.RECIPIENT_SELECTED, recipient);
	}

	/** The list after include/exclude or another e-mail column, kept in the campaign's settings. */
	public void changed(RecipientList list) {
		application.getContext().set(RecipientList.class, list);
		CampaignState state = application.getContext().get(CampaignState.class);
		if (state == null) {
			return;
		}
		Set<RecipientKey> excluded = list.recipients().stream().filter(r -> !r.included()).map(Recipient::key)
				.collect(Collectors.toSet());
		state.edit(c -> c.withSettings(c.settings().withEmailField(list.emailField()).withExcluded(excluded)));
	}
}
