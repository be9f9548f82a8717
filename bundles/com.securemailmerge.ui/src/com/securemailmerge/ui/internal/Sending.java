package com.securemailmerge.ui.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.IJobChangeEvent;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.core.runtime.jobs.JobChangeAdapter;
import org.eclipse.e4.core.services.events.IEventBroker;
import org.eclipse.jdt.annotation.Nullable;
import org.eclipse.osgi.util.NLS;

import com.securemailmerge.merge.CompiledTemplate;
import com.securemailmerge.model.Campaign;
import com.securemailmerge.model.Recipient;
import com.securemailmerge.model.RecipientKey;
import com.securemailmerge.model.RecipientList;
import com.securemailmerge.model.TransportKind;
import com.securemailmerge.send.CampaignJob;
import com.securemailmerge.send.WithdrawJob;
import com.securemailmerge.send.CampaignPlaces;
import com.securemailmerge.send.Journal;
import com.securemailmerge.send.JournalEntry;
import com.securemailmerge.send.OpenTransport;
import com.securemailmerge.send.OutboxTransport;
import com.securemailmerge.send.Pacing;
import com.securemailmerge.send.Plan;
import com.securemailmerge.optouts.OptOutProfiles;
import com.securemailmerge.send.Report;
import com.securemailmerge.send.SendingStopped;
import com.securemailmerge.send.TestMail;
import com.securemailmerge.send.TransportProvider;

/**
 * Sending from the workbench: where the campaign's journal and outbox are (next to its file), the
 * plan before a run, the running {@link CampaignJob} with pause and cancel, test mails and the
 * report. Lives in the application context; announces every step on {@link Topics#SENT_STEP} and
 * the end of a run or test mail on {@link Topics#SENDING_DONE} (data: an {@link IStatus}).
 */
public final class Sending {

	private final IEventBroker events;
	private final CampaignState state;
	private @Nullable CampaignJob job;
	private @Nullable Recipient selected;

	private final java.util.function.Supplier<@Nullable TransportProvider> providers;
	private final @Nullable OptOutProfiles optOuts;

	/**
	 * {@code providers}: the OSGi service, looked up at each use (the Microsoft 365 bundles may be
	 * absent); {@code optOuts}: the opt-out lists (null without an instance area: none kept).
	 */
	public Sending(IEventBroker events, CampaignState state, java.util.function.Supplier<@Nullable TransportProvider> providers,
			@Nullable OptOutProfiles optOuts) {
		this.events = events;
		this.state = state;
		this.providers = providers;
		this.optOuts = optOuts;
	}

	/**
	 * The profile the campaign goes out from now: the signed-in account, or the outbox
	 * ({@link OptOutProfiles#OFFLINE}); null for Microsoft 365 while nobody is signed in.
	 */
	public @Nullable String profile() {
		if (state.campaign().transport() != TransportKind.GRAPH) {
			return OptOutProfiles.OFFLINE;
		}
		TransportProvider provider = provider();
		String account = provider == null ? "" : provider.account(); //$NON-NLS-1$
		return account.isBlank() ? null : account;
	}

	/** The opt-out lists, asked for the profile the campaign goes out from now. */
	public CampaignOptOuts optOuts() {
		return new CampaignOptOuts(optOuts, this::profile);
	}

	/** The recipient selected in the address book (the test mail is theirs). */
	public void select(@Nullable Recipient recipient) {
		selected = recipient;
	}

	public @Nullable Recipient selected() {
		return selected;
	}

	/** The campaign's journal (see {@link CampaignPlaces#journal}); empty while it has no file. */
	public Optional<Path> journal() {
		return state.file().map(file -> CampaignPlaces.journal(file, state.campaign()));
	}

	/** Where the offline profile writes the campaign's .eml files (see {@link CampaignPlaces#outbox}). */
	public Optional<Path> outbox() {
		return state.file().map(CampaignPlaces::outbox);
	}

	/** The last entry of every recipient in the journal (empty: nothing sent yet). */
	public Map<RecipientKey, JournalEntry> states() {
		return states(null);
	}

	/** The same, a journal of an earlier version read with the keys this list's rows have now. */
	public Map<RecipientKey, JournalEntry> states(@Nullable RecipientList list) {
		Map<RecipientKey, JournalEntry> last = new LinkedHashMap<>();
		journal().ifPresent(file -> {
			try {
				last.putAll(Journal.last(file, list));
			} catch (IOException e) {
				// no path or content in the log: the class of the failure only
				org.eclipse.core.runtime.ILog.of(Sending.class).warn("The campaign journal cannot be read: " //$NON-NLS-1$
						+ e.getClass().getSimpleName());
			}
		});
		return last;
	}

	public Plan plan(RecipientList list) throws IOException {
		Path file = journal().orElseThrow();
		return Plan.of(list, Journal.read(file, list), pacing(), Instant.now());
	}

	private Pacing pacing() {
		return CampaignPlaces.pacing(state.campaign());
	}

	/** How the messages go, for the user: the outbox folder, or Microsoft 365 with the signed-in address. */
	public String transportLabel() {
		if (state.campaign().transport() == TransportKind.GRAPH) {
			TransportProvider provider = provider();
			return provider == null ? Messages.Sending_noMicrosoft365 : provider.label();
		}
		return outbox().map(path -> NLS.bind(Messages.Sending_outboxLabel, path)).orElse(Messages.Sending_outboxUnsaved);
	}

	/** Why nothing can be sent now (null: it can). */
	public @Nullable String cannotSend(@Nullable MergeState merged) {
		if (isRunning()) {
			return Messages.Sending_running;
		}
		if (state.file().isEmpty() || state.isIdUnsaved()) {
			return Messages.Sending_saveFirst;
		}
		if (merged == null || merged.list() == null) {
			return Messages.Sending_noRecipients;
		}
		if (merged.compilation().template() == null) {
			return Messages.Sending_templateErrors;
		}
		if (state.campaign().transport() == TransportKind.GRAPH) {
			TransportProvider provider = provider();
			if (provider == null) {
				return Messages.Sending_noMicrosoft365;
			}
			if (!provider.isReady()) {
				return Messages.Sending_signIn;
			}
		}
		return null;
	}

	public boolean isRunning() {
		CampaignJob current = job;
		return current != null && current.getState() != Job.NONE;
	}

	public boolean isPaused() {
		CampaignJob current = job;
		return current != null && current.control().isPaused();
	}

	public void pause() {
		CampaignJob current = job;
		if (current != null) {
			current.control().pause();
		}
	}

	public void resume() {
		CampaignJob current = job;
		if (current != null) {
			current.control().resume();
		}
	}

	public void cancel() {
		CampaignJob current = job;
		if (current != null) {
			current.control().resume();
			current.cancel();
		}
	}

	/** Starts (or resumes) the campaign as it is now (tests). */
	public CampaignJob start(MergeState merged) {
		return start(merged, () -> merged, false, null);
	}

	/**
	 * Starts (or resumes) the campaign; the caller checked {@link #cannotSend} and asked the user.
	 * {@code current} gives the campaign as it is when a later batch starts (the next day's): its
	 * exclusions, template and attachments then. Once another campaign is open in the window, a later
	 * batch stops and says so, rather than send that one under this campaign's journal.
	 * {@code retryUnconfirmed}: the user chose to send the unconfirmed messages again (each is looked
	 * up first); {@code sendAt}: the messages go out from then on (null: now).
	 */
	public CampaignJob start(MergeState merged, java.util.function.Supplier<@Nullable MergeState> current,
			boolean retryUnconfirmed, java.time.@Nullable Instant sendAt) {
		// the list of the account the campaign goes out from, read again at every batch (a resume included)
		CampaignJob started = new CampaignJob(request(merged, current), entry -> events.post(Topics.SENT_STEP, entry))
				.withOptOuts(from -> optOuts().predicate()).withSendAt(sendAt);
		started.control().retryUnconfirmed(retryUnconfirmed);
		started.addJobChangeListener(new JobChangeAdapter() {
			@Override
			public void done(@Nullable IJobChangeEvent event) {
				// the full outcome for the user; the job's own result (logged) names nobody
				events.post(Topics.SENDING_DONE, started.outcome());
			}
		});
		job = started;
		started.schedule();
		return started;
	}

	/** Withdraws the campaign's scheduled messages that have not gone out (the journal locked as for sending). */
	public WithdrawJob withdraw(MergeState merged) {
		WithdrawJob withdrawing = new WithdrawJob(request(merged, () -> merged));
		withdrawing.addJobChangeListener(new JobChangeAdapter() {
			@Override
			public void done(@Nullable IJobChangeEvent event) {
				events.post(Topics.SENDING_DONE, withdrawing.outcome());
			}
		});
		withdrawing.schedule();
		return withdrawing;
	}

	private CampaignJob.Request request(MergeState merged, java.util.function.Supplier<@Nullable MergeState> current) {
		Campaign campaign = state.campaign();
		java.util.Objects.requireNonNull(merged.list());
		Path journal = journal().orElseThrow();
		java.util.UUID id = campaign.id();
		java.util.concurrent.atomic.AtomicBoolean first = new java.util.concurrent.atomic.AtomicBoolean(true);
		CampaignJob.Current batch = () -> {
			MergeState now = first.getAndSet(false) ? merged : current.get();
			RecipientList list = now == null ? null : now.list();
			if (now == null || list == null || !id.equals(state.campaign().id())) {
				throw new SendingStopped(NLS.bind(Messages.Sending_notOpen, campaign.name()), null);
			}
			return new CampaignJob.Batch(now.compilation(), list);
		};
		return new CampaignJob.Request(id, campaign.name().isBlank() ? CampaignPlaces.base(state.file().orElseThrow())
				: campaign.name(), batch, journal, monitor -> open(TransportProvider.Purpose.CAMPAIGN, monitor));
	}

	/** The message of the recipient to oneself (Microsoft 365) or into the outbox's test folder. */
	public Job sendTest(CompiledTemplate template, Recipient recipient) {
		return TestMailJob.schedule(this, events, template, recipient);
	}

	/** Opens the campaign's transport (Microsoft 365 through its provider, else the outbox). */
	OpenTransport open(TransportProvider.Purpose purpose, IProgressMonitor monitor) throws IOException {
		if (state.campaign().transport() == TransportKind.GRAPH) {
			TransportProvider provider = provider();
			if (provider == null) {
				throw new SendingStopped(Messages.Sending_noMicrosoft365, null);
			}
			return provider.open(purpose, monitor);
		}
		Path outbox = outbox().orElseThrow(() -> new IOException(Messages.Sending_saveFirst));
		Path folder = purpose == TransportProvider.Purpose.TEST_MAIL ? outbox.resolve("test") : outbox; //$NON-NLS-1$
		return new OpenTransport(new OutboxTransport(folder, null), "", 0, Pacing.UNLIMITED); //$NON-NLS-1$
	}

	/** Writes the report of the campaign as CSV. */
	public void exportReport(RecipientList list, Path target) throws IOException {
		Report.write(states(list), list, target);
	}

	private @Nullable TransportProvider provider() {
		return providers.get();
	}
}
