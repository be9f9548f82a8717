package com.securemailmerge.ui.internal;

import java.util.List;
import java.util.function.BiConsumer;

import org.eclipse.core.runtime.preferences.IEclipsePreferences;
import org.eclipse.jface.dialogs.InputDialog;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.window.Window;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Menu;
import org.eclipse.swt.widgets.MenuItem;

import com.securemailmerge.recipients.RecipientSourceDescriptor;

/**
 * "Microsoft 365…": a drop-down of the account sources (own contacts, a shared mailbox's contacts).
 * A shared mailbox is asked for, remembered in the preferences as the next suggestion. Hidden when
 * no account source is installed.
 */
public final class AccountSourceButton {

	/** The account kind of a shared mailbox's source: it needs the mailbox's address. */
	static final String SHARED = "microsoft365-shared"; //$NON-NLS-1$
	static final String SHARED_MAILBOX = "sharedMailbox"; //$NON-NLS-1$
	/** The location of the signed-in user's own mailbox. */
	public static final String ME = "me"; //$NON-NLS-1$

	private final Button button;
	private final List<RecipientSourceDescriptor> accounts;
	private final IEclipsePreferences preferences;
	private final BiConsumer<String, String> load;

	/** load receives the source id and the mailbox ("me" or a shared mailbox's address). */
	public AccountSourceButton(Composite parent, List<RecipientSourceDescriptor> sources, IEclipsePreferences preferences,
			BiConsumer<String, String> load) {
		this.accounts = sources.stream().filter(d -> d.accountKind() != null).toList();
		this.preferences = preferences;
		this.load = load;
		button = new Button(parent, SWT.PUSH);
		button.setText(Messages.RecipientsPart_account);
		button.addListener(SWT.Selection, e -> showMenu());
		GridDataFactory.fillDefaults().exclude(accounts.isEmpty()).applyTo(button);
		button.setVisible(!accounts.isEmpty());
	}

	public boolean isShown() {
		return !accounts.isEmpty();
	}

	private void showMenu() {
		Menu menu = new Menu(button);
		for (RecipientSourceDescriptor descriptor : accounts) {
			MenuItem item = new MenuItem(menu, SWT.PUSH);
			item.setText(descriptor.label());
			item.addListener(SWT.Selection, e -> choose(descriptor));
		}
		menu.setLocation(button.toDisplay(0, button.getSize().y));
		menu.setVisible(true);
	}

	private void choose(RecipientSourceDescriptor descriptor) {
		if (!SHARED.equals(descriptor.accountKind())) {
			load.accept(descriptor.id(), ME);
			return;
		}
		InputDialog ask = new InputDialog(button.getShell(), descriptor.label(), Messages.RecipientsPart_sharedMailbox,
				preferences.get(SHARED_MAILBOX, ""), //$NON-NLS-1$
				text -> text.contains("@") ? null : Messages.RecipientsPart_sharedMailboxInvalid); //$NON-NLS-1$
		if (ask.open() == Window.OK) {
			String mailbox = ask.getValue().strip();
			preferences.put(SHARED_MAILBOX, mailbox);
			load.accept(descriptor.id(), mailbox);
		}
	}
}
