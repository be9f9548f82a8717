package com.securemailmerge.ui.parts;

import org.eclipse.e4.core.commands.ECommandService;
import org.eclipse.e4.core.commands.EHandlerService;

import java.util.List;
import java.util.Map;

import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;

import org.eclipse.core.runtime.IStatus;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.ui.di.Focus;
import org.eclipse.e4.ui.di.UIEventTopic;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.ProgressBar;
import org.eclipse.swt.widgets.Table;

import com.securemailmerge.model.Recipient;
import com.securemailmerge.model.RecipientKey;
import com.securemailmerge.model.RecipientList;
import com.securemailmerge.model.TransportKind;
import com.securemailmerge.send.JournalEntry;
import com.securemailmerge.send.RecipientState;
import com.securemailmerge.ui.internal.CampaignLogTable;
import com.securemailmerge.ui.internal.CampaignState;
import com.securemailmerge.ui.internal.LiveMerge;
import com.securemailmerge.ui.internal.MergeState;
import com.securemailmerge.ui.internal.Messages;
import com.securemailmerge.ui.internal.CommandButton;
import com.securemailmerge.ui.internal.Sending;
import com.securemailmerge.ui.internal.Topics;

/**
 * Who got what: how the campaign goes out (outbox or Microsoft 365), the buttons to send a test
 * mail, send, pause, cancel and export the report, the progress of a run, and every included
 * recipient with the state the journal records (waiting, planned, drafted, sent, failed and why).
 */
public final class CampaignLogPart {

	static final String SEND_TEST = "com.securemailmerge.ui.command.sendTest"; //$NON-NLS-1$
	static final String SEND_CAMPAIGN = "com.securemailmerge.ui.command.sendCampaign"; //$NON-NLS-1$
	static final String PAUSE_RESUME = "com.securemailmerge.ui.command.pauseResume"; //$NON-NLS-1$
	static final String CANCEL_SENDING = "com.securemailmerge.ui.command.cancelSending"; //$NON-NLS-1$
	static final String EXPORT_REPORT = "com.securemailmerge.ui.command.exportReport"; //$NON-NLS-1$

	@Inject
	private CampaignState state;
	@Inject
	private LiveMerge live;
	@Inject
	private Sending sending;

	private Combo transport;
	private Label where;
	private CommandButton pause;
	private List<CommandButton> commandButtons = List.of();
	private ProgressBar progress;
	private Label summary;
	private Label status;
	private CampaignLogTable table;
	private boolean refreshQueued;

	@PostConstruct
	void createControls(Composite parent, ECommandService commands, EHandlerService handlers) {
		GridLayoutFactory.fillDefaults().margins(4, 4).applyTo(parent);
		Composite top = new Composite(parent, SWT.NONE);
		GridLayoutFactory.fillDefaults().numColumns(2).applyTo(top);
		GridDataFactory.fillDefaults().grab(true, false).applyTo(top);
		transport = new Combo(top, SWT.READ_ONLY);
		transport.setItems(Messages.LogPart_outbox, Messages.LogPart_microsoft365);
		transport.addListener(SWT.Selection, e -> state.edit(c -> c.withTransport(
				transport.getSelectionIndex() == 1 ? TransportKind.GRAPH : TransportKind.OUTBOX)));
		where = new Label(top, SWT.NONE);
		GridDataFactory.fillDefaults().grab(true, false).align(SWT.FILL, SWT.CENTER).applyTo(where);
		Composite buttons = new Composite(parent, SWT.NONE);
		GridLayoutFactory.fillDefaults().numColumns(5).applyTo(buttons);
		commandButtons = List.of(
				new CommandButton(buttons, Messages.LogPart_test, SEND_TEST, commands, handlers, this::refresh),
				new CommandButton(buttons, Messages.LogPart_send, SEND_CAMPAIGN, commands, handlers, this::refresh),
				pause = new CommandButton(buttons, Messages.LogPart_pause, PAUSE_RESUME, commands, handlers, this::refresh),
				new CommandButton(buttons, Messages.LogPart_cancel, CANCEL_SENDING, commands, handlers, this::refresh),
				new CommandButton(buttons, Messages.LogPart_export, EXPORT_REPORT, commands, handlers, this::refresh));
		progress = new ProgressBar(parent, SWT.HORIZONTAL | SWT.SMOOTH);
		GridDataFactory.fillDefaults().grab(true, false).applyTo(progress);
		summary = new Label(parent, SWT.NONE);
		GridDataFactory.fillDefaults().grab(true, false).applyTo(summary);
		status = new Label(parent, SWT.WRAP);
		GridDataFactory.fillDefaults().grab(true, false).hint(300, SWT.DEFAULT).applyTo(status);
		table = new CampaignLogTable(parent);
		status.setText(Messages.LogPart_empty);
		refresh();
		table.pack();
	}

	/** Redraws from the journal: transport, counts, progress and the table. */
	public void refresh() {
		if (table == null || table.widget().isDisposed()) {
			return;
		}
		boolean graph = state.campaign().transport() == TransportKind.GRAPH;
		transport.select(graph ? 1 : 0);
		transport.setEnabled(!sending.isRunning());
		where.setText(sending.transportLabel());
		pause.setText(sending.isPaused() ? Messages.LogPart_resume : Messages.LogPart_pause);
		commandButtons.forEach(CommandButton::update);
		MergeState merged = live.last();
		RecipientList list = merged == null ? null : merged.list();
		List<Recipient> included = list == null ? List.of() : list.included();
		Map<RecipientKey, JournalEntry> states = sending.states(list);
		Map<String, Integer> counts = com.securemailmerge.send.Report.counts(included, states);
		int sent = counts.getOrDefault(RecipientState.SENT.name(), 0);
		int failed = counts.getOrDefault(RecipientState.FAILED.name(), 0);
		int optedOut = counts.getOrDefault(RecipientState.OPTED_OUT.name(), 0);
		int scheduled = counts.getOrDefault(RecipientState.SCHEDULED.name(), 0);
		progress.setMaximum(Math.max(1, included.size()));
		progress.setSelection(sent + failed + optedOut + scheduled);
		String text = NLS.bind(Messages.LogPart_summary, new Object[] { sent, failed,
				included.size() - sent - failed - optedOut - scheduled, included.size() });
		text += scheduled == 0 ? "" : NLS.bind(Messages.LogPart_scheduledCount, scheduled); //$NON-NLS-1$
		summary.setText(optedOut == 0 ? text : text + NLS.bind(Messages.LogPart_optedOutCount, optedOut));
		table.show(included, list == null ? null : list.emailField(), states);
		summary.getParent().layout(true, true);
	}

	/** Steps arrive from the sending threads, many a second: redraw at most every 300 ms. */
	@Inject
	@Optional
	void step(@UIEventTopic(Topics.SENT_STEP) JournalEntry entry) {
		if (refreshQueued || table == null || table.widget().isDisposed()) {
			return;
		}
		refreshQueued = true;
		table.widget().getDisplay().timerExec(300, () -> {
			refreshQueued = false;
			refresh();
		});
	}

	@Inject
	@Optional
	void done(@UIEventTopic(Topics.SENDING_DONE) IStatus result) {
		if (status != null && !status.isDisposed()) {
			status.setText(result.getMessage());
			status.setForeground(result.getSeverity() >= IStatus.WARNING
					? status.getDisplay().getSystemColor(SWT.COLOR_DARK_RED) : null);
		}
		refresh();
	}

	@Inject
	@Optional
	void merged(@UIEventTopic(Topics.MERGED) MergeState merged) {
		refresh();
	}

	@Inject
	@Optional
	void changed(@UIEventTopic(Topics.CAMPAIGN_CHANGED) CampaignState changed) {
		refresh();
	}

	@Inject
	@Optional
	void opened(@UIEventTopic(Topics.CAMPAIGN_OPENED) CampaignState opened) {
		refresh();
	}

	/** For tests: the table of recipients and states. */
	public Table table() {
		return table.widget();
	}

	public String statusText() {
		return status.getText();
	}

	public String summaryText() {
		return summary.getText();
	}

	@Focus
	void setFocus() {
		table.widget().setFocus();
	}
}
