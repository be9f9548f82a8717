package com.securemailmerge.ui.internal;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.function.Supplier;

import org.eclipse.jdt.annotation.Nullable;

import com.securemailmerge.model.Problem;
import com.securemailmerge.optouts.OptOutList;
import com.securemailmerge.optouts.OptOutProfiles;

/**
 * The opt-out list of the profile a campaign goes out from now (the signed-in account, or the
 * outbox): what sending and the live merge leave out, what the address book adds to.
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

	/** As {@link #predicate()}, but nothing opted out where no list can be read now (its problem names why). */
	public Predicate<String> predicateOrNone() {
		try {
			return predicate();
		} catch (IOException e) {
			return address -> false;
		}
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

	/**
	 * The list's own problem, if it cannot be read now (the recipients on it are named by the live
	 * merge's validation); none where no list is kept or nobody is signed in yet.
	 */
	public List<Problem> problems() {
		if (profiles == null || profile.get() == null) {
			return List.of();
		}
		try {
			list();
			return List.of();
		} catch (IOException e) {
			return List.of(new Problem(Problem.Severity.ERROR, Problem.Kind.OPTED_OUT, null, null, null,
					String.valueOf(e.getMessage()), 0, 0));
		}
	}
}
