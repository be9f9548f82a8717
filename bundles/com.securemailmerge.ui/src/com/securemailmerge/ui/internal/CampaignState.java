package com.securemailmerge.ui.internal;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.UnaryOperator;

import org.eclipse.e4.core.services.events.IEventBroker;
import org.eclipse.jdt.annotation.Nullable;

import com.securemailmerge.campaign.CampaignFile;
import com.securemailmerge.campaign.AttachmentApprovals;
import com.securemailmerge.campaign.CampaignRegistry;
import com.securemailmerge.campaign.CampaignFileException;
import com.securemailmerge.model.BodyFormat;
import com.securemailmerge.model.Campaign;
import com.securemailmerge.model.CampaignSettings;
import com.securemailmerge.model.SourceReference;
import com.securemailmerge.model.Template;
import com.securemailmerge.model.TransportKind;

/**
 * The campaign being edited in this window, its file and whether it has unsaved changes. Lives in
 * the application context; used on the UI thread only. Every change is announced on the event bus.
 */
public final class CampaignState {

	/** Asked when an opened campaign file has the id of another campaign file (a copy). */
	@FunctionalInterface
	public interface CopyQuestion {
		/** True: the same campaign (its history is shared); false: a new campaign that gets its own id. */
		boolean isSameCampaign(Path opened, Path other);
	}

	/** Files for everybody that a campaign file names outside its folder: attach them (true) or hold them? */
	@FunctionalInterface
	public interface OutsideQuestion {
		boolean allow(Path campaign, List<Path> files);
	}

	private final IEventBroker events;
	private final RecentCampaigns recent;
	private final @Nullable CampaignRegistry registry;
	private final CopyQuestion question;
	private final @Nullable AttachmentApprovals approvals;
	private final OutsideQuestion outside;
	/** The files for everybody (absolute, normalised) that are held until the user allows them. */
	private Set<String> held = Set.of();
	private Campaign campaign;
	private @Nullable Path file;
	private boolean dirty;
	private boolean idUnsaved;

	public CampaignState(IEventBroker events, RecentCampaigns recent) {
		this(events, recent, null, (opened, other) -> false, null, (opened, files) -> false);
	}

	public CampaignState(IEventBroker events, RecentCampaigns recent, @Nullable CampaignRegistry registry,
			CopyQuestion question, @Nullable AttachmentApprovals approvals, OutsideQuestion outside) {
		this.events = events;
		this.recent = recent;
		this.registry = registry;
		this.question = question;
		this.approvals = approvals;
		this.outside = outside;
		this.campaign = blank();
	}

	/**
	 * The files for everybody that the open campaign file names outside its folder and that the user
	 * has not allowed (absolute paths): the merge refuses them, so nothing is attached or read.
	 */
	public Set<String> held() {
		return held;
	}

	/** The user chose these files (added them again): they are no longer held. */
	public void allow(List<Path> files) {
		if (held.isEmpty()) {
			return;
		}
		Set<String> next = new java.util.TreeSet<>(held);
		for (Path chosen : files) {
			next.remove(chosen.toAbsolutePath().normalize().toString());
		}
		if (next.size() != held.size()) {
			held = Set.copyOf(next);
			events.send(Topics.CAMPAIGN_CHANGED, this);
		}
	}

	/**
	 * True when the campaign's id is not in its file yet (a sample, which ships without one): it must
	 * be saved before it sends, or every opening of the sample would be another campaign.
	 */
	public boolean isIdUnsaved() {
		return idUnsaved;
	}

	public static Campaign blank() {
		return new Campaign(newId(), "", new SourceReference("", ""), //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
				Template.of("", "", BodyFormat.HTML, ""), java.util.List.of(), TransportKind.OUTBOX, //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
				CampaignSettings.defaults(Locale.getDefault()));
	}

	/**
	 * A random (version 4) campaign id. Ids must be unique, not secret: they come from
	 * ThreadLocalRandom, because UUID.randomUUID() seeds a SecureRandom first, which cost 20 ms of
	 * each start-up for the blank campaign.
	 */
	static UUID newId() {
		ThreadLocalRandom random = ThreadLocalRandom.current();
		long high = (random.nextLong() & ~0xF000L) | 0x4000L;
		long low = (random.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
		return new UUID(high, low);
	}

	public Campaign campaign() {
		return campaign;
	}

	public Optional<Path> file() {
		Path current = file;
		return current == null ? Optional.empty() : Optional.of(current);
	}

	/** The folder of the campaign file, against which relative attachment paths are resolved; null without a file. */
	public @Nullable Path folder() {
		Path current = file;
		return current == null ? null : current.getParent();
	}

	/** The folder per-recipient attachments come from: the one the user chose, else the campaign's. */
	public @Nullable Path attachmentsFolder() {
		return com.securemailmerge.merge.CampaignFolder.attachmentsFolder(campaign, folder());
	}

	public boolean isDirty() {
		return dirty;
	}

	public RecentCampaigns recent() {
		return recent;
	}

	/** Starts over with an empty campaign. */
	public void newCampaign() {
		replace(blank(), null);
	}

	/**
	 * Opens a campaign file. A file without an id gets one (saved with the campaign). A file whose id
	 * another campaign file on this computer holds (copied in the file manager) is either the same
	 * campaign, as the user answers, or gets a new id at once, so the two never share a tag.
	 */
	public void open(Path path) throws CampaignFileException {
		Path absolute = path.toAbsolutePath();
		CampaignFile.Opened opened = CampaignFile.open(absolute);
		Campaign loaded = opened.campaign();
		boolean unsaved = opened.idAssigned();
		CampaignRegistry known = registry;
		if (!unsaved && known != null) {
			java.util.Optional<Path> other = known.other(loaded.id(), absolute);
			if (other.isPresent() && !question.isSameCampaign(absolute, other.get())) {
				loaded = loaded.withId(newId());
				CampaignFile.save(loaded, absolute); // a new campaign from now on, also if it is not saved again
			}
		}
		Set<String> holding = hold(loaded, absolute);
		replace(loaded, absolute, holding);
		idUnsaved = unsaved;
		if (!unsaved && known != null) {
			known.register(loaded.id(), absolute);
		}
		recent.add(absolute);
	}

	/**
	 * Which files for everybody outside the campaign's folder stay held: none when the user allowed
	 * them for this campaign file before or agrees now; else all that were not allowed.
	 */
	private Set<String> hold(Campaign loaded, Path absolute) {
		AttachmentApprovals allowed = approvals;
		List<Path> asked = new java.util.ArrayList<>();
		for (Path file : com.securemailmerge.merge.CampaignFolder.outside(loaded, absolute.getParent())) {
			if (allowed == null || !allowed.isAllowed(loaded.id(), absolute, file)) {
				asked.add(file);
			}
		}
		if (asked.isEmpty()) {
			return Set.of();
		}
		if (outside.allow(absolute, List.copyOf(asked))) {
			if (allowed != null) {
				allowed.allow(loaded.id(), absolute, asked);
			}
			return Set.of();
		}
		return Set.copyOf(asked.stream().map(Path::toString).toList());
	}

	private void replace(Campaign next, @Nullable Path nextFile) {
		replace(next, nextFile, Set.of());
	}

	private void replace(Campaign next, @Nullable Path nextFile, Set<String> holding) {
		campaign = next;
		file = nextFile;
		held = holding;
		dirty = false;
		idUnsaved = false;
		events.send(Topics.CAMPAIGN_OPENED, this);
	}

	/** Applies an edit; the campaign becomes dirty when it really changed. */
	public void edit(UnaryOperator<Campaign> change) {
		Campaign next = change.apply(campaign);
		if (!next.equals(campaign)) {
			campaign = next;
			dirty = true;
			events.send(Topics.CAMPAIGN_CHANGED, this);
		}
	}

	/** Saves to the given file (Save As) or, with null, to the current one. */
	public void save(@Nullable Path target) throws CampaignFileException {
		Path to = target != null ? target.toAbsolutePath() : file;
		if (to == null) {
			throw new IllegalStateException("Save As first: the campaign has no file yet"); //$NON-NLS-1$
		}
		Path current = file;
		// Save As makes another campaign: it shares no tag with this one (its id only once it is saved)
		Campaign saved = current != null && !to.equals(current) ? campaign.withId(newId()) : campaign;
		CampaignFile.save(saved, to);
		campaign = saved;
		file = to;
		dirty = false;
		idUnsaved = false;
		CampaignRegistry known = registry;
		if (known != null) {
			known.register(campaign.id(), to);
		}
		AttachmentApprovals allowed = approvals;
		if (allowed != null) {
			// what the user attached in the workbench is theirs; a held file stays held
			allowed.allow(campaign.id(), to, com.securemailmerge.merge.CampaignFolder.outside(campaign, to.getParent()).stream()
					.filter(f -> !held.contains(f.toString())).toList());
		}
		recent.add(to);
		events.send(Topics.CAMPAIGN_CHANGED, this);
	}
}
