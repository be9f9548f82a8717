package com.securemailmerge.ui.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;

import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jdt.annotation.Nullable;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Shell;

import com.securemailmerge.merge.CompiledTemplate;
import com.securemailmerge.model.Recipient;
import com.securemailmerge.model.RecipientList;
import com.securemailmerge.send.Plan;

/**
 * What the Send menu and the Campaign Log's buttons do: check that sending can start, tell the user
 * the plan and ask, then hand over to {@link Sending}. UI thread only.
 */
public final class SendActions {

	private SendActions() {
	}

	/** Asks for a file first when the campaign has none (its journal lives next to it). */
	private static boolean ready(Shell shell, Sending sending, CampaignState state, LiveMerge live, boolean test) {
		if (state.file().isEmpty() || state.isIdUnsaved()) {
			MessageDialog.openInformation(shell, Messages.Sending_title, Messages.Sending_saveFirst);
			if (!SaveSupport.save(shell, state, true)) {
				return false;
			}
		}
		String reason = sending.cannotSend(live.last());
		if (reason != null && !(test && reason.equals(Messages.Sending_running))) {
			MessageDialog.openInformation(shell, Messages.Sending_title, reason);
			return false;
		}
		return true;
	}

	/** Asks when the messages go out: null to stop; {@code exchange}: through Microsoft 365. */
	@FunctionalInterface
	public interface WhenChooser {
		java.time.@Nullable Instant choose(Plan plan, boolean exchange);
	}

	public static void sendCampaign(Shell shell, Sending sending, CampaignState state, LiveMerge live) {
		sendCampaign(shell, sending, state, live, null);
	}

	/** With a chooser: the messages are scheduled for the time it gives (Send Later). */
	public static void sendCampaign(Shell shell, Sending sending, CampaignState state, LiveMerge live,
			@Nullable WhenChooser chooser) {
		if (!ready(shell, sending, state, live, false)) {
			return;
		}
		MergeState merged = java.util.Objects.requireNonNull(live.last());
		RecipientList list = java.util.Objects.requireNonNull(merged.list());
		if (merged.validation() != null && merged.validation().hasErrors()) {
			MessageDialog.openError(shell, Messages.Sending_title,
					NLS.bind(Messages.Sending_errorsFirst, merged.validation().recipientsWithErrors()));
			return;
		}
		Plan plan;
		try {
			plan = sending.plan(list);
		} catch (IOException e) {
			MessageDialog.openError(shell, Messages.Sending_title, e.getMessage());
			return;
		}
		java.util.Map<com.securemailmerge.model.RecipientKey, com.securemailmerge.send.JournalEntry> states = sending.states(list);
		long unconfirmed = list.included().stream().map(r -> states.get(r.key()))
				.filter(e -> e != null && e.state() == com.securemailmerge.send.RecipientState.UNCONFIRMED).count();
		boolean retry = false;
		if (unconfirmed > 0) {
			MessageDialog ask = new MessageDialog(shell, Messages.Sending_title, null,
					NLS.bind(Messages.Sending_unconfirmed, unconfirmed), MessageDialog.WARNING, 0,
					Messages.Sending_unconfirmedLeave, Messages.Sending_unconfirmedRetry);
			retry = ask.open() == 1;
		}
		if (plan.toSend() == 0 && !retry) {
			MessageDialog.openInformation(shell, Messages.Sending_title, NLS.bind(Messages.Sending_allSent, plan.alreadySent()));
			return;
		}
		java.time.Instant at = null;
		if (chooser != null) {
			at = chooser.choose(plan, state.campaign().transport() == com.securemailmerge.model.TransportKind.GRAPH);
			if (at == null) {
				return;
			}
		}
		StringBuilder question = new StringBuilder(at != null
				? NLS.bind(Messages.Sending_confirmLater, new Object[] { plan.toSend(), sending.transportLabel(),
						DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
								.format(at.atZone(ZoneId.systemDefault())) })
				: NLS.bind(Messages.Sending_confirm, new Object[] { plan.toSend(), sending.transportLabel(),
						Math.max(1, (plan.duration().toSeconds() + 59) / 60) }));
		if (plan.alreadySent() > 0) {
			question.append("\n\n").append(NLS.bind(Messages.Sending_resumes, plan.alreadySent())); //$NON-NLS-1$
		}
		if (plan.exceedsToday() && plan.continuesAt() != null) {
			String when = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
					.format(plan.continuesAt().atZone(ZoneId.systemDefault()));
			question.append("\n\n").append(NLS.bind(Messages.Sending_exceedsDay, //$NON-NLS-1$
					new Object[] { plan.allowanceLeft(), when, plan.days() }));
		}
		if (MessageDialog.openConfirm(shell, Messages.Sending_title, question.toString())) {
			sending.start(merged, live::last, retry, at);
		}
	}

	public static void sendTest(Shell shell, Sending sending, CampaignState state, LiveMerge live) {
		if (!ready(shell, sending, state, live, true)) {
			return;
		}
		MergeState merged = java.util.Objects.requireNonNull(live.last());
		CompiledTemplate template = java.util.Objects.requireNonNull(merged.compilation().template());
		RecipientList list = java.util.Objects.requireNonNull(merged.list());
		Recipient recipient = sending.selected();
		if (recipient == null && !list.included().isEmpty()) {
			recipient = list.included().get(0);
		}
		if (recipient == null) {
			MessageDialog.openInformation(shell, Messages.Sending_title, Messages.Sending_noRecipients);
			return;
		}
		sending.sendTest(template, recipient);
	}

	public static void exportReport(Shell shell, Sending sending, CampaignState state, LiveMerge live) {
		MergeState merged = live.last();
		RecipientList list = merged == null ? null : merged.list();
		if (list == null || state.file().isEmpty()) {
			MessageDialog.openInformation(shell, Messages.Sending_title, Messages.Sending_noRecipients);
			return;
		}
		FileDialog dialog = new FileDialog(shell, SWT.SAVE);
		dialog.setOverwrite(true);
		dialog.setFilterExtensions(new String[] { "*.csv" }); //$NON-NLS-1$
		Path file = state.file().orElseThrow();
		dialog.setFilterPath(file.getParent().toString());
		dialog.setFileName(file.getFileName().toString().replaceFirst("\\.smmc$", "") + "-report.csv"); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
		String chosen = dialog.open();
		if (chosen == null) {
			return;
		}
		try {
			sending.exportReport(list, Path.of(chosen));
		} catch (IOException e) {
			MessageDialog.openError(shell, Messages.Sending_title, NLS.bind(Messages.Sending_reportFailed, chosen, e.getMessage()));
		}
	}

	/** How many included recipients' messages are scheduled and not known to have gone out. */
	public static long scheduled(Sending sending, LiveMerge live) {
		MergeState merged = live.last();
		RecipientList list = merged == null ? null : merged.list();
		if (list == null) {
			return 0;
		}
		java.util.Map<com.securemailmerge.model.RecipientKey, com.securemailmerge.send.JournalEntry> states = sending.states(list);
		return list.included().stream().map(r -> states.get(r.key()))
				.filter(e -> e != null && e.state() == com.securemailmerge.send.RecipientState.SCHEDULED).count();
	}

	/** Asks, then withdraws the scheduled messages that have not gone out. */
	public static void withdraw(Shell shell, Sending sending, LiveMerge live) {
		MergeState merged = live.last();
		long scheduled = scheduled(sending, live);
		if (merged == null || scheduled == 0) {
			return;
		}
		if (MessageDialog.openConfirm(shell, Messages.Sending_title, NLS.bind(Messages.Sending_withdraw, scheduled))) {
			sending.withdraw(merged);
		}
	}
}
