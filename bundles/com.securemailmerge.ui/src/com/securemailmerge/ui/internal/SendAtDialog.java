package com.securemailmerge.ui.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;

import org.eclipse.jdt.annotation.Nullable;
import org.eclipse.jface.dialogs.Dialog;
import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.DateTime;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;

/**
 * Send > Send Later...: the day and time the campaign's messages go out from (in this computer's
 * time zone), at least {@link #SOONEST} from now and at most a year ahead. It says when the last of
 * them goes out at 30 a minute, and what is guaranteed where.
 */
public final class SendAtDialog extends Dialog {

	/** The soonest time that can be chosen: sooner, send now. */
	static final Duration SOONEST = Duration.ofMinutes(5);
	private static final Duration LATEST = Duration.ofDays(366);

	private final int messages;
	private final boolean exchange;
	private final ZoneId zone = ZoneId.systemDefault();
	private @Nullable DateTime date;
	private @Nullable DateTime time;
	private @Nullable Label summary;
	private @Nullable Instant chosen;

	/** {@code messages}: how many go out; {@code exchange}: through Microsoft 365 (else into the outbox). */
	public SendAtDialog(Shell parent, int messages, boolean exchange) {
		super(parent);
		this.messages = messages;
		this.exchange = exchange;
	}

	@Override
	@org.eclipse.jdt.annotation.NonNullByDefault({}) // JFace's dialog carries no null annotations
	protected void configureShell(Shell shell) {
		super.configureShell(shell);
		shell.setText(Messages.SendAt_title);
	}

	@Override
	@org.eclipse.jdt.annotation.NonNullByDefault({}) // JFace's dialog carries no null annotations
	protected Control createDialogArea(Composite parent) {
		Composite area = (Composite) super.createDialogArea(parent);
		Composite fields = new Composite(area, SWT.NONE);
		GridLayoutFactory.fillDefaults().numColumns(3).applyTo(fields);
		new Label(fields, SWT.NONE).setText(Messages.SendAt_when);
		DateTime day = new DateTime(fields, SWT.DATE | SWT.DROP_DOWN | SWT.MEDIUM);
		day.setData("org.eclipse.swtbot.widget.key", "sendAt.date"); //$NON-NLS-1$ //$NON-NLS-2$
		DateTime hour = new DateTime(fields, SWT.TIME | SWT.SHORT);
		hour.setData("org.eclipse.swtbot.widget.key", "sendAt.time"); //$NON-NLS-1$ //$NON-NLS-2$
		LocalDate tomorrow = LocalDate.now(zone).plusDays(1);
		day.setDate(tomorrow.getYear(), tomorrow.getMonthValue() - 1, tomorrow.getDayOfMonth());
		hour.setTime(8, 0, 0);
		Label told = new Label(area, SWT.WRAP);
		GridDataFactory.fillDefaults().grab(true, false).hint(460, SWT.DEFAULT).applyTo(told);
		Label note = new Label(area, SWT.WRAP);
		note.setText(exchange ? Messages.SendAt_exchange : Messages.SendAt_outbox);
		GridDataFactory.fillDefaults().grab(true, false).hint(460, SWT.DEFAULT).applyTo(note);
		date = day;
		time = hour;
		summary = told;
		day.addListener(SWT.Selection, e -> update());
		hour.addListener(SWT.Selection, e -> update());
		return area;
	}

	@Override
	@org.eclipse.jdt.annotation.NonNullByDefault({}) // JFace's dialog carries no null annotations
	protected void createButtonsForButtonBar(Composite parent) {
		super.createButtonsForButtonBar(parent);
		getButton(IDialogConstants.OK_ID).setText(Messages.SendAt_schedule);
		update();
	}

	/** The chosen time in the widgets (null before they exist). */
	private @Nullable Instant shown() {
		DateTime day = date;
		DateTime hour = time;
		if (day == null || hour == null) {
			return null;
		}
		LocalDateTime local = LocalDateTime.of(LocalDate.of(day.getYear(), day.getMonth() + 1, day.getDay()),
				LocalTime.of(hour.getHours(), hour.getMinutes()));
		return local.atZone(zone).toInstant();
	}

	/** Tells the first and last time, or why the time cannot be chosen. */
	private void update() {
		Instant at = shown();
		Label told = summary;
		if (at == null || told == null || getButton(IDialogConstants.OK_ID) == null) {
			return;
		}
		String problem = problem(at, Instant.now());
		DateTimeFormatter format = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT);
		Instant last = at.plus(Duration.ofMinutes(Math.max(0, messages - 1) / 30));
		told.setText(problem != null ? problem : NLS.bind(Messages.SendAt_summary, new Object[] { messages,
				format.format(at.atZone(zone)), format.format(last.atZone(zone)) }));
		told.getParent().layout(true, true);
		getButton(IDialogConstants.OK_ID).setEnabled(problem == null);
	}

	/** Why this time cannot be chosen now, or null. */
	static @Nullable String problem(Instant at, Instant now) {
		if (at.isBefore(now.plus(SOONEST))) {
			return Messages.SendAt_tooSoon;
		}
		if (at.isAfter(now.plus(LATEST))) {
			return Messages.SendAt_tooLate;
		}
		return null;
	}

	@Override
	protected void okPressed() {
		Instant at = shown();
		if (at == null || problem(at, Instant.now()) != null) {
			update();
			return;
		}
		chosen = at;
		super.okPressed();
	}

	/** The time chosen with OK, or null. */
	public @Nullable Instant chosen() {
		return chosen;
	}

	/** For tests: chooses this local date and time in the widgets. */
	public void choose(LocalDateTime local) {
		DateTime day = date;
		DateTime hour = time;
		if (day != null && hour != null) {
			day.setDate(local.getYear(), local.getMonthValue() - 1, local.getDayOfMonth());
			hour.setTime(local.getHour(), local.getMinute(), 0);
			update();
		}
	}
}
