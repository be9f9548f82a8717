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
	private final Supplier<@Nullable String> profile;

	CampaignOptOuts(@Nullable OptOutProfiles profiles, Supplier<@Nullable String> profile) {
		this.profiles = profiles;
		this.profile = profile;
	}

	/** What an add did: the addresses that were new, and the texts that are no address (not added). */
	public record Added(int added, List<String> refused) {
	}

	/** The profile for the user: the account's name, or "the outbox". */
	public String label() {
		String current = profile.get();
		return current == null ? "" : current.isEmpty() ? Messages.OptOut_offline : current; //$NON-NLS-1$
	}

	/**
	 * The list; refused (an IOException saying why) for Microsoft 365 while nobody is signed in, so
	 * that nothing goes onto the outbox's list by mistake, and where no list can be kept.
	 */
	public OptOutList list() throws IOException {
		OptOutProfiles all = profiles;
		String current = profile.get();
		if (all == null) {
			throw new IOException(Messages.OptOut_noList);
		}
		if (current == null) {
			throw new IOException(Messages.OptOut_signInFirst);
		}
		return all.of(current);
	}

	/** What sending asks for every address of every message (none kept: nothing is opted out). */
	public Predicate<String> predicate() throws IOException {
		return profiles == null ? address -> false : list().asPredicate();
	}

	/** Puts every address on the list that is one; those that are not are named, none is lost for them. */
	public Added add(List<String> addresses, String note) throws IOException {
		OptOutList list = list();
		List<String> refused = new ArrayList<>();
		int added = 0;
		for (String address : addresses) {
			if (!com.securemailmerge.recipients.EmailAddresses.isValid(OptOutList.normalize(address))) {
				refused.add(address);
			} else if (list.add(address, note, Instant.now())) {
				added++;
			}
		}
		return new Added(added, List.copyOf(refused));
	}

	/** An INFO problem for each included recipient whose address is on the list. */
	public List<Problem> problems(RecipientList recipients) {
		String email = recipients.emailField();
		if (profiles == null || profile.get() == null) {
			return List.of(); // no list kept, or not signed in yet: nothing to name
		}
		OptOutList list;
		try {
			list = list();
		} catch (IOException e) {
			return List.of(new Problem(Problem.Severity.ERROR, Problem.Kind.OPTED_OUT, null, null, null,
					String.valueOf(e.getMessage()), 0, 0));
		}
		if (email == null || list.size() == 0) {
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
