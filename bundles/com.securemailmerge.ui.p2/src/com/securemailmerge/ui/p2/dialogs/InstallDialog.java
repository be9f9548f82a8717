package com.securemailmerge.ui.p2.dialogs;

import java.net.URI;
import java.util.Arrays;
import java.util.List;

import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.ILog;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.equinox.p2.core.IProvisioningAgent;
import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.eclipse.jface.dialogs.ErrorDialog;
import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.dialogs.IMessageProvider;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.dialogs.TitleAreaDialog;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.viewers.CheckboxTableViewer;
import org.eclipse.jface.wizard.ProgressMonitorPart;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.DirectoryDialog;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Listener;
import org.eclipse.swt.widgets.Shell;

import com.securemailmerge.ui.p2.internal.FeatureInfo;
import com.securemailmerge.ui.p2.internal.InstallResult;
import com.securemailmerge.ui.p2.internal.Messages;
import com.securemailmerge.ui.p2.internal.Sites;
import com.securemailmerge.ui.p2.internal.UpdateSites;

/**
 * Help > Install New Software: an update site by address, folder or .zip; its features to check;
 * Install, then the question whether to restart. Loading and installing run in Jobs whose
 * progress shows in the dialog; Cancel stops them.
 */
public final class InstallDialog extends TitleAreaDialog {

	private final UpdateSites sites;
	/** Null until known: then OK, or why nothing can be installed here. */
	private @Nullable IStatus profile;
	private Combo site;
	private Button folder;
	private Button archive;
	private Button load;
	private CheckboxTableViewer features;
	private ProgressMonitorPart progress;
	private @Nullable URI loaded;
	private @Nullable Job running;
	private boolean restart;

	public InstallDialog(Shell parent, IProvisioningAgent agent) {
		super(parent);
		this.sites = new UpdateSites(agent, new UnsignedContentQuestion(this::getShell));
	}

	/** Whether the user asked for a restart after a successful installation. */
	public boolean restartRequested() {
		return restart;
	}

	@Override
	@NonNullByDefault({}) // JFace carries no null annotations
	protected void configureShell(Shell shell) {
		super.configureShell(shell);
		shell.setText(Messages.Install_title);
	}

	@Override
	protected boolean isResizable() {
		return true;
	}

	@Override
	@NonNullByDefault({})
	protected Control createDialogArea(Composite parent) {
		Composite area = (Composite) super.createDialogArea(parent);
		Composite body = new Composite(area, SWT.NONE);
		GridLayoutFactory.swtDefaults().numColumns(5).applyTo(body);
		GridDataFactory.fillDefaults().grab(true, true).applyTo(body);
		new Label(body, SWT.NONE).setText(Messages.Install_site);
		site = new Combo(body, SWT.BORDER | SWT.DROP_DOWN);
		site.addListener(SWT.DefaultSelection, e -> load());
		GridDataFactory.fillDefaults().grab(true, false).hint(360, SWT.DEFAULT).applyTo(site);
		folder = button(body, Messages.Install_folder, e -> chooseFolder());
		archive = button(body, Messages.Install_archive, e -> chooseArchive());
		load = button(body, Messages.Install_load, e -> load());
		features = CheckboxTableViewer.newCheckList(body, SWT.BORDER | SWT.FULL_SELECTION);
		Columns.features(features);
		features.addCheckStateListener(e -> updateButtons());
		GridDataFactory.fillDefaults().span(5, 1).grab(true, true).hint(SWT.DEFAULT, 260).applyTo(features.getTable());
		progress = new ProgressMonitorPart(body, null, false);
		GridDataFactory.fillDefaults().span(5, 1).applyTo(progress);
		setTitle(Messages.Install_title);
		info(Messages.Install_message);
		DialogJob.schedule(Messages.Install_title, body, null, monitor -> new Start(sites.profileStatus(), sites.knownSites()),
				(start, status) -> started(start));
		return area;
	}

	/** What the dialog needs to know from p2 when it opens. */
	private record Start(IStatus profile, List<URI> knownSites) {
	}

	private void started(@Nullable Start start) {
		if (start == null) {
			return;
		}
		profile = start.profile();
		String typed = site.getText(); // setItems clears the text on some platforms
		site.setItems(start.knownSites().stream().map(URI::toString).toArray(String[]::new));
		site.setText(typed);
		String current = getMessage();
		info(current == null || current.isEmpty() ? Messages.Install_message : current);
		updateButtons();
	}

	private static Button button(Composite parent, String text, Listener listener) {
		Button button = new Button(parent, SWT.PUSH);
		button.setText(text);
		button.addListener(SWT.Selection, listener);
		return button;
	}

	@Override
	@NonNullByDefault({})
	protected void createButtonsForButtonBar(Composite parent) {
		createButton(parent, IDialogConstants.OK_ID, Messages.Install_install, false);
		createButton(parent, IDialogConstants.CANCEL_ID, IDialogConstants.CANCEL_LABEL, false);
		updateButtons();
	}

	/** The message line, unless this installation cannot be changed: then that stays. */
	private void info(String message) {
		IStatus known = profile;
		if (known == null || known.isOK()) {
			setMessage(message);
		} else {
			setMessage(known.getMessage(), IMessageProvider.WARNING);
		}
	}

	private void updateButtons() {
		boolean idle = running == null;
		for (Control control : List.of(site, folder, archive, load, features.getTable())) {
			control.setEnabled(idle);
		}
		Button install = getButton(IDialogConstants.OK_ID);
		if (install != null) {
			IStatus known = profile;
			install.setEnabled(idle && known != null && known.isOK() && loaded != null
					&& features.getCheckedElements().length > 0);
		}
	}

	private void chooseFolder() {
		DirectoryDialog dialog = new DirectoryDialog(getShell());
		dialog.setMessage(Messages.Install_chooseFolder);
		choose(dialog.open());
	}

	private void chooseArchive() {
		FileDialog dialog = new FileDialog(getShell(), SWT.OPEN);
		dialog.setFilterExtensions(new String[] { "*.zip", "*.*" }); //$NON-NLS-1$ //$NON-NLS-2$
		choose(dialog.open());
	}

	private void choose(@Nullable String path) {
		if (path != null) {
			site.setText(path);
			load();
		}
	}

	private void load() {
		if (running != null) {
			return;
		}
		URI uri;
		try {
			uri = Sites.location(site.getText());
		} catch (CoreException e) {
			setErrorMessage(e.getStatus().getMessage());
			return;
		}
		setErrorMessage(null);
		loaded = null;
		features.setInput(List.of());
		running = DialogJob.schedule(NLS.bind(Messages.UpdateSites_loading, uri), progress, progress,
				monitor -> sites.load(uri, monitor), (list, status) -> {
					running = null;
					if (list != null) {
						loaded = uri;
						features.setInput(list);
						info(list.isEmpty() ? NLS.bind(Messages.Install_empty, uri)
								: NLS.bind(Messages.Install_loaded, uri, Integer.valueOf(list.size())));
					} else if (status.getSeverity() == IStatus.ERROR) {
						setErrorMessage(status.getMessage());
					}
					updateButtons();
				});
		updateButtons();
	}

	@Override
	protected void okPressed() {
		URI uri = loaded;
		if (uri == null || running != null) {
			return;
		}
		List<String> ids = Arrays.stream(features.getCheckedElements()).map(FeatureInfo.class::cast)
				.map(FeatureInfo::id).toList();
		setErrorMessage(null);
		info(Messages.Install_running);
		running = DialogJob.schedule(NLS.bind(Messages.UpdateSites_installing, uri), progress, progress,
				monitor -> sites.install(uri, ids, monitor), (result, status) -> installed(result));
		updateButtons();
	}

	private void installed(@Nullable InstallResult result) {
		running = null;
		IStatus status = result == null ? Status.CANCEL_STATUS : result.status();
		if (result == null || status.getSeverity() == IStatus.CANCEL) {
			info(Messages.Install_message);
		} else if (status.getSeverity() == IStatus.ERROR) {
			ILog.of(InstallDialog.class).log(status);
			setErrorMessage(status.getMessage());
			ErrorDialog.openError(getShell(), Messages.Install_failedTitle, null, status);
		} else {
			if (result.restartNeeded()) {
				restart = MessageDialog.openQuestion(getShell(), Messages.Install_restartTitle, Messages.Install_restart);
			} else {
				MessageDialog.openInformation(getShell(), Messages.Install_title, Messages.Install_done);
			}
			setReturnCode(OK);
			close();
			return;
		}
		updateButtons();
	}

	@Override
	protected void cancelPressed() {
		Job job = running;
		if (job != null) {
			job.cancel();
		} else {
			super.cancelPressed();
		}
	}

	@Override
	protected void handleShellCloseEvent() {
		cancelPressed();
	}
}
