package com.securemailmerge.ui.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

import org.eclipse.core.runtime.ILog;
import org.eclipse.core.runtime.Platform;
import org.eclipse.core.runtime.preferences.IEclipsePreferences;
import org.eclipse.e4.core.di.extensions.Preference;

import org.eclipse.e4.core.services.events.IEventBroker;
import org.eclipse.e4.ui.di.UIEventTopic;
import org.eclipse.e4.ui.di.UISynchronize;
import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.e4.ui.workbench.UIEvents;
import org.eclipse.jdt.annotation.Nullable;

import com.securemailmerge.campaign.CampaignFileException;
import com.securemailmerge.merge.MergeEngine;
import com.securemailmerge.model.RecipientList;

import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;

/**
 * Puts the campaign state and the live merge into the application context, keeps the live merge
 * fed with template and recipient changes, and opens the campaign to start with: the one named
 * by {@code -campaign FILE}, else the last one, else the sample campaign that ships with the
 * product (German or English by the user's language).
 */
public final class CampaignAddon {

	static final String CAMPAIGN_ARGUMENT = "-campaign"; //$NON-NLS-1$

	@Inject
	private MApplication application;
	@Inject
	private IEventBroker events;
	@Inject
	private MergeEngine engine;
	@Inject
	@Preference(nodePath = "com.securemailmerge.ui")
	private IEclipsePreferences preferences;

	private @Nullable CampaignState state;
	private @Nullable LiveMerge live;
	private @Nullable Sending sending;

	@PostConstruct
	void start() {
		com.securemailmerge.campaign.CampaignRegistry registry;
		com.securemailmerge.campaign.AttachmentApprovals approvals;
		com.securemailmerge.optouts.OptOutProfiles optOuts;
		try {
			org.eclipse.core.runtime.IPath settings = org.eclipse.core.runtime.Platform
					.getStateLocation(org.osgi.framework.FrameworkUtil.getBundle(getClass()));
			registry = new com.securemailmerge.campaign.CampaignRegistry(settings.toPath().resolve("campaigns.tsv")); //$NON-NLS-1$
			approvals = new com.securemailmerge.campaign.AttachmentApprovals(
					settings.toPath().resolve("allowed-attachments.tsv")); //$NON-NLS-1$
			optOuts = new com.securemailmerge.optouts.OptOutProfiles(settings.toPath().resolve(com.securemailmerge.optouts.OptOutProfiles.FOLDER));
		} catch (IllegalStateException e) {
			// no instance area (-data @none): copies are not noticed, files outside a folder are asked for each time
			registry = null;
			approvals = null;
			optOuts = null; // and no opt-out list is kept: there is nowhere to keep it
		}
		CampaignState created = new CampaignState(events,
				new RecentCampaigns(preferences),
				registry, CampaignAddon::askSameCampaign, approvals, CampaignAddon::askOutside);
		LiveMerge merge = new LiveMerge(engine, events);
		state = created;
		live = merge;
		application.getContext().set(CampaignState.class, created);
		application.getContext().set(LiveMerge.class, merge);
		// the E4 context reaches OSGi services through the workbench's bundle (this one may not be started)
		Sending send = new Sending(events, created,
				() -> application.getContext().get(com.securemailmerge.send.TransportProvider.class), optOuts);
		sending = send;
		// the live merge names the opted-out recipients and lets their problems block nothing
		merge.setOptOuts(() -> send.optOuts().predicateOrNone());
		application.getContext().set(Sending.class, send);
	}

	/** A campaign file with the id of another one: the same campaign, or a copy that becomes a new one? */
	private static boolean askSameCampaign(java.nio.file.Path opened, java.nio.file.Path other) {
		org.eclipse.swt.widgets.Display display = org.eclipse.swt.widgets.Display.getCurrent();
		org.eclipse.swt.widgets.Shell shell = display == null ? null : display.getActiveShell();
		org.eclipse.jface.dialogs.MessageDialog dialog = new org.eclipse.jface.dialogs.MessageDialog(shell,
				Messages.Campaign_copyTitle, null, org.eclipse.osgi.util.NLS.bind(Messages.Campaign_copy, opened, other),
				org.eclipse.jface.dialogs.MessageDialog.QUESTION, 0, Messages.Campaign_copyNew, Messages.Campaign_copySame);
		return dialog.open() == 1;
	}

	/** Files for everybody outside the folder of a campaign file being opened: attach them, or hold them? */
	private static boolean askOutside(java.nio.file.Path campaign, java.util.List<java.nio.file.Path> files) {
		org.eclipse.swt.widgets.Display display = org.eclipse.swt.widgets.Display.getCurrent();
		org.eclipse.swt.widgets.Shell shell = display == null ? null : display.getActiveShell();
		StringBuilder list = new StringBuilder();
		for (java.nio.file.Path file : files) {
			list.append("\n    ").append(file); //$NON-NLS-1$
		}
		org.eclipse.jface.dialogs.MessageDialog dialog = new org.eclipse.jface.dialogs.MessageDialog(shell,
				Messages.Campaign_outsideTitle, null,
				org.eclipse.osgi.util.NLS.bind(Messages.Campaign_outside, campaign.getFileName(), list),
				org.eclipse.jface.dialogs.MessageDialog.WARNING, 0, Messages.Campaign_outsideHold,
				Messages.Campaign_outsideAllow);
		return dialog.open() == 1;
	}

	@Inject
	@org.eclipse.e4.core.di.annotations.Optional
	void selected(@UIEventTopic(Topics.RECIPIENT_SELECTED) com.securemailmerge.model.Recipient recipient) {
		Sending send = sending;
		if (send != null) {
			send.select(recipient);
		}
	}

	@Inject
	@org.eclipse.e4.core.di.annotations.Optional
	void started(@UIEventTopic(UIEvents.UILifeCycle.APP_STARTUP_COMPLETE) Object ignored, UISynchronize sync) {
		CampaignState current = state;
		if (current == null) {
			return;
		}
		// The window first: the campaign opens (and its recipients start loading in a Job) once the
		// event loop has shown the window, two turns later.
		sync.asyncExec(() -> sync.asyncExec(() -> startupCampaign(current).ifPresent(file -> {
			try {
				current.open(file);
			} catch (CampaignFileException e) {
				// the message names the file: the log gets none of it
				ILog.of(getClass()).warn("The last campaign could not be opened: " + e.getClass().getSimpleName()); //$NON-NLS-1$
			}
		})));
	}

	@Inject
	@org.eclipse.e4.core.di.annotations.Optional
	void campaignChanged(@UIEventTopic(Topics.CAMPAIGN_CHANGED) CampaignState changed) {
		remerge();
	}

	@Inject
	@org.eclipse.e4.core.di.annotations.Optional
	void campaignOpened(@UIEventTopic(Topics.CAMPAIGN_OPENED) CampaignState opened) {
		remerge();
	}

	@Inject
	@org.eclipse.e4.core.di.annotations.Optional
	void recipientsChanged(RecipientList list) {
		remerge();
	}

	private void remerge() {
		CampaignState current = state;
		LiveMerge merge = live;
		if (current != null && merge != null) {
			merge.update(current.campaign(), current.folder(), application.getContext().get(RecipientList.class),
					current.held());
		}
	}

	private Optional<Path> startupCampaign(CampaignState current) {
		String[] arguments = Platform.getApplicationArgs();
		for (int i = 0; i + 1 < arguments.length; i++) {
			if (CAMPAIGN_ARGUMENT.equals(arguments[i])) {
				return Optional.of(Path.of(arguments[i + 1]));
			}
		}
		if (!current.recent().list().isEmpty()) {
			return Optional.of(current.recent().list().get(0));
		}
		return Samples.campaign(Locale.getDefault()).filter(Files::isRegularFile);
	}
}
