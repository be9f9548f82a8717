package com.securemailmerge.ui.m365;

import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;


import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.e4.ui.di.UISynchronize;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;

import com.securemailmerge.auth.Account;
import com.securemailmerge.auth.AuthException;
import com.securemailmerge.auth.AuthService;
import com.securemailmerge.auth.Scopes;
import com.securemailmerge.licence.LicenceService;
import com.securemailmerge.licence.LicenceStatus;
import com.securemailmerge.ui.m365.internal.Messages;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;

/**
 * The signed-in mailbox, always visible in the line under the menu bar (at the bottom of the window, a
 * tall bottom part could push it out of sight) so that nobody sends from the wrong one, with sign-in
 * (system browser; a device code when no browser can be opened) and sign-out. Without Microsoft 365
 * set up it says that the offline profile is on.
 */
public final class AccountTrim {

	@Inject
	private AuthService auth;
	@Inject
	private UISynchronize sync;
	@Inject
	@org.eclipse.e4.core.di.annotations.Optional
	private @org.eclipse.jdt.annotation.Nullable LicenceService licence;

	private Label label;
	private Label tier;
	private Button button;
	private final Consumer<Optional<Account>> listener = account -> sync.asyncExec(this::update);
	private final Consumer<LicenceStatus> licenceListener = status -> sync.asyncExec(this::update);

	@PostConstruct
	void createGui(Composite parent) {
		Composite row = new Composite(parent, SWT.NONE);
		GridLayoutFactory.fillDefaults().numColumns(3).margins(6, 2).applyTo(row);
		label = new Label(row, SWT.NONE);
		tier = new Label(row, SWT.NONE);
		button = new Button(row, SWT.PUSH);
		button.addListener(SWT.Selection, e -> {
			if (auth.account().isPresent()) {
				auth.signOut();
			} else {
				signIn();
			}
		});
		auth.addAccountListener(listener);
		LicenceService service = licence;
		if (service != null) {
			service.addListener(licenceListener);
		}
		update();
	}

	private void update() {
		if (label == null || label.isDisposed()) {
			return;
		}
		boolean configured = auth.isConfigured();
		Optional<Account> account = auth.account();
		label.setText(!configured ? Messages.Account_offline
				: account.map(a -> NLS.bind(Messages.Account_signedIn, a.username())).orElse(Messages.Account_signedOut));
		button.setVisible(configured);
		LicenceService service = licence;
		LicenceStatus status = service == null || account.isEmpty() ? null : service.status();
		tier.setText(status == null ? "" : switch (status.tier()) { //$NON-NLS-1$
		case COMMERCIAL -> status.until() == null ? Messages.Account_commercial
				: NLS.bind(Messages.Account_commercialUntil,
						java.time.format.DateTimeFormatter.ofLocalizedDate(java.time.format.FormatStyle.MEDIUM).format(status.until()));
		case FREE -> Messages.Account_free;
		case UNKNOWN -> Messages.Account_licenceUnknown;
		});
		tier.setToolTipText(status == null ? null : status.message());
		button.setText(account.isPresent() ? Messages.Account_signOut : Messages.Account_signIn);
		label.getParent().layout(true);
		label.getParent().getParent().layout(true);
	}

	private void signIn() {
		Job job = Job.create(Messages.Account_signingIn, monitor -> {
			try {
				auth.signInInteractively(Set.of(Scopes.USER_READ), monitor);
			} catch (AuthException interactive) {
				if (interactive.reason() == AuthException.Reason.CANCELLED) {
					return Status.CANCEL_STATUS;
				}
				try {
					// no browser here (or it failed): a code to enter on any device
					auth.signInWithDeviceCode(Set.of(Scopes.USER_READ), prompt -> sync.asyncExec(() -> MessageDialog
							.openInformation(label.getShell(), Messages.Account_deviceCodeTitle, prompt.message())), monitor);
				} catch (AuthException e) {
					sync.asyncExec(() -> MessageDialog.openError(label.getShell(), Messages.Account_failed, e.getMessage()));
					return Status.CANCEL_STATUS;
				}
			}
			return Status.OK_STATUS;
		});
		job.setUser(true);
		job.schedule();
	}

	/** For tests: the licence tier shown (empty when not signed in). */
	public String tierText() {
		return tier.getText();
	}

	/** For tests: what the trim says. */
	public String text() {
		return label.getText();
	}

	@PreDestroy
	void dispose() {
		auth.removeAccountListener(listener);
		LicenceService service = licence;
		if (service != null) {
			service.removeListener(licenceListener);
		}
	}

}
