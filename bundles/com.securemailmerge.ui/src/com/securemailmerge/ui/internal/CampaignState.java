package com.securemailmerge.ui.internal;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.UnaryOperator;

import org.eclipse.e4.core.services.events.IEventBroker;
import org.eclipse.jdt.annotation.Nullable;

import com.securemailmerge.campaign.CampaignFile;
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

	private final IEventBroker events;
	private final RecentCampaigns recent;
	private Campaign campaign;
	private @Nullable Path file;
	private boolean dirty;

	public CampaignState(IEventBroker events, RecentCampaigns recent) {
		this.events = events;
		this.recent = recent;
		this.campaign = blank();
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

	public void open(Path path) throws CampaignFileException {
		Campaign loaded = CampaignFile.load(path);
		replace(loaded, path.toAbsolutePath());
		recent.add(path.toAbsolutePath());
	}

	private void replace(Campaign next, @Nullable Path nextFile) {
		campaign = next;
		file = nextFile;
		dirty = false;
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
		CampaignFile.save(campaign, to);
		file = to;
		dirty = false;
		recent.add(to);
		events.send(Topics.CAMPAIGN_CHANGED, this);
	}
}
