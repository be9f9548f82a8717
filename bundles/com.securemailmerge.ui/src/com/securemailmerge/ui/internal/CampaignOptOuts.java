package com.securemailmerge.ui.internal;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.function.Supplier;

import org.eclipse.jdt.annotation.Nullable;
import org.eclipse.osgi.util.NLS;

import com.securemailmerge.model.Problem;
import com.securemailmerge.model.Recipient;
import com.securemailmerge.model.RecipientList;
import com.securemailmerge.optouts.OptOutList;
import com.securemailmerge.optouts.OptOutProfiles;

/**
 * The opt-out list of the profile a campaign goes out from now (the signed-in account, or the
 * outbox): what sending leaves out, what the Problems view names, what the address book adds to.
 * A list that cannot be read stops sending (its predicate throws) and is an error in the Problems view.
 */
public final class CampaignOptOuts {

	private final @Nullable OptOutProfiles profiles;
	private final Supplier<String> profile;

	CampaignOptOuts(@Nullable OptOutProfiles profiles, Supplier<String> profile) {
		this.profiles = profiles;
		this.profile = profile;
	}

	/** The profile for the user: the account's name, or "the outbox". */
	public String label() {
		String current = profile.get();
		return current.isEmpty() ? Messages.OptOut_offline : current;
	}

	/** The list (null: none kept, the workbench has no instance area). */
	public @Nullable OptOutList list() throws IOException {
		OptOutProfiles all = profiles;
		return all == null ? null : all.of(profile.get());
	}

	/** What sending asks for every address of every message. */
	public Predicate<String> predicate() throws IOException {
		OptOutList list = list();
		return list == null ? address -> false : list.asPredicate();
	}

	/** Puts the addresses on the list; returns how many were new. */
	public int add(List<String> addresses, String note) throws IOException {
		OptOutList list = list();
		if (list == null) {
			throw new IOException(Messages.Sending_saveFirst);
		}
		int added = 0;
		for (String address : addresses) {
			if (list.add(address, note, Instant.now())) {
				added++;
			}
		}
		return added;
	}

	/** An INFO problem for each included recipient whose address is on the list. */
	public List<Problem> problems(RecipientList recipients) {
		String email = recipients.emailField();
		OptOutList list;
		try {
			list = list();
		} catch (IOException e) {
			return List.of(new Problem(Problem.Severity.ERROR, Problem.Kind.OPTED_OUT, null, null, null,
					String.valueOf(e.getMessage()), 0, 0));
		}
		if (email == null || list == null || list.size() == 0) {
			return List.of();
		}
		List<Problem> found = new ArrayList<>();
		String label = label();
		for (Recipient recipient : recipients.included()) {
			String address = recipient.text(email);
			if (!address.isBlank() && list.contains(address)) {
				found.add(new Problem(Problem.Severity.INFO, Problem.Kind.OPTED_OUT, recipient.key(), email, null,
						NLS.bind(Messages.OptOut_problem, address, label), 0, 0));
			}
		}
		return found;
	}
}
