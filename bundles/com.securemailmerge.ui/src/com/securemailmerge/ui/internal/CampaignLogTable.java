package com.securemailmerge.ui.internal;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Map;

import org.eclipse.jdt.annotation.Nullable;
import org.eclipse.osgi.util.NLS;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;

import com.securemailmerge.model.Recipient;
import com.securemailmerge.model.RecipientKey;
import com.securemailmerge.send.JournalEntry;
import com.securemailmerge.send.RecipientState;

/**
 * The Campaign Log's table: every included recipient with the address, the state the journal
 * records (waiting, under way, drafted, submitted, sent, failed, unconfirmed), its time and the
 * message id or the reason; failures in red.
 */
public final class CampaignLogTable {

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT, FormatStyle.MEDIUM)
			.withZone(ZoneId.systemDefault());

	private final Table table;

	public CampaignLogTable(Composite parent) {
		table = new Table(parent, SWT.FULL_SELECTION | SWT.BORDER | SWT.V_SCROLL | SWT.H_SCROLL);
		table.setHeaderVisible(true);
		GridDataFactory.fillDefaults().grab(true, true).applyTo(table);
		for (String title : new String[] { Messages.LogPart_recipient, Messages.LogPart_address, Messages.LogPart_state,
				Messages.LogPart_time, Messages.LogPart_detail }) {
			new TableColumn(table, SWT.NONE).setText(title);
		}
	}

	public Table widget() {
		return table;
	}

	/** Fits the columns to what they show. */
	public void pack() {
		for (TableColumn column : table.getColumns()) {
			column.pack();
		}
	}

	public void show(List<Recipient> included, @Nullable String email, Map<RecipientKey, JournalEntry> states) {
		table.setRedraw(false);
		table.removeAll();
		for (Recipient recipient : included) {
			JournalEntry entry = states.get(recipient.key());
			TableItem item = new TableItem(table, SWT.NONE);
			item.setText(new String[] { recipient.key().value(), email == null ? "" : recipient.text(email), //$NON-NLS-1$
					stateText(entry), entry == null ? "" : TIME.format(entry.time()), entry == null ? "" : entry.detail() }); //$NON-NLS-1$ //$NON-NLS-2$
			if (entry != null && entry.state() == RecipientState.FAILED) {
				item.setForeground(table.getDisplay().getSystemColor(SWT.COLOR_DARK_RED));
			}
		}
		table.setRedraw(true);
	}

	static String stateText(@Nullable JournalEntry entry) {
		if (entry == null) {
			return Messages.LogPart_waiting;
		}
		return switch (entry.state()) {
		case PLANNED -> Messages.LogPart_planned;
		case DRAFTED -> Messages.LogPart_drafted;
		case SUBMITTED -> Messages.LogPart_submitted;
		case SENT -> Messages.LogPart_sent;
		case FAILED -> Messages.LogPart_failed;
		case UNCONFIRMED -> Messages.LogPart_unconfirmed;
		case OPTED_OUT -> Messages.LogPart_optedOut;
		case SCHEDULED -> {
			java.time.Instant due = due(entry);
			yield due == null ? Messages.LogPart_scheduledUnknown : NLS.bind(Messages.LogPart_scheduled, TIME.format(due));
		}
		case WITHDRAWN -> Messages.LogPart_withdrawn;
		};
	}

	/** A SCHEDULED record's time: its detail ends with it, after the message's id. */
	private static java.time.@Nullable Instant due(JournalEntry entry) {
		String detail = entry.detail();
		try {
			return java.time.Instant.parse(detail.substring(detail.lastIndexOf(' ') + 1));
		} catch (java.time.format.DateTimeParseException e) {
			return null;
		}
	}
}
