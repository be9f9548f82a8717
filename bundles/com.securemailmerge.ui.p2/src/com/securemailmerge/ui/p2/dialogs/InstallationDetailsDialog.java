package com.securemailmerge.ui.p2.dialogs;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

import org.eclipse.core.runtime.IStatus;
import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.eclipse.jface.dialogs.Dialog;
import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.TabFolder;
import org.eclipse.swt.widgets.TabItem;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;

import com.securemailmerge.ui.p2.internal.Messages;
import com.securemailmerge.ui.p2.internal.UpdateSites;

/**
 * Help > Installation Details: the installed features (from the p2 profile, read in a Job) and the
 * plug-ins of the running framework with their state, in two tabs.
 */
public final class InstallationDetailsDialog extends Dialog {

	private final @Nullable UpdateSites sites;
	private final BundleContext context;

	/** @param sites null when p2 is not running: the features tab says so */
	public InstallationDetailsDialog(Shell parent, @Nullable UpdateSites sites, BundleContext context) {
		super(parent);
		this.sites = sites;
		this.context = context;
	}

	@Override
	@NonNullByDefault({}) // JFace carries no null annotations
	protected void configureShell(Shell shell) {
		super.configureShell(shell);
		shell.setText(Messages.Details_title);
	}

	@Override
	protected boolean isResizable() {
		return true;
	}

	@Override
	@NonNullByDefault({})
	protected Control createDialogArea(Composite parent) {
		Composite area = (Composite) super.createDialogArea(parent);
		TabFolder tabs = new TabFolder(area, SWT.TOP);
		GridDataFactory.fillDefaults().grab(true, true).hint(720, 400).applyTo(tabs);
		tab(tabs, Messages.Details_features, features(tabs));
		tab(tabs, Messages.Details_bundles, bundles(tabs));
		return area;
	}

	private static void tab(TabFolder tabs, String text, Control control) {
		TabItem item = new TabItem(tabs, SWT.NONE);
		item.setText(text);
		item.setControl(control);
	}

	private Control features(Composite parent) {
		Composite page = new Composite(parent, SWT.NONE);
		GridLayoutFactory.swtDefaults().applyTo(page);
		Label problem = new Label(page, SWT.WRAP);
		GridDataFactory.fillDefaults().grab(true, false).hint(680, SWT.DEFAULT).exclude(true).applyTo(problem);
		TableViewer table = new TableViewer(page, SWT.BORDER | SWT.FULL_SELECTION);
		Columns.features(table);
		GridDataFactory.fillDefaults().grab(true, true).applyTo(table.getTable());
		UpdateSites installed = sites;
		if (installed == null) {
			show(problem, Messages.UpdateSites_noAgent);
		} else {
			DialogJob.schedule(Messages.Details_title, page, null, monitor -> installed.installed(), (list, status) -> {
				if (list != null) {
					table.setInput(list);
				} else if (status.getSeverity() == IStatus.ERROR) {
					show(problem, status.getMessage());
				}
			});
		}
		return page;
	}

	private static void show(Label problem, String message) {
		problem.setText(message);
		problem.setVisible(true);
		((GridData) problem.getLayoutData()).exclude = false;
		problem.getParent().layout(true);
	}

	private Control bundles(Composite parent) {
		TableViewer table = new TableViewer(parent, SWT.BORDER | SWT.FULL_SELECTION);
		Columns.add(table, Bundle.class, Messages.Column_symbolicName, 380, Bundle::getSymbolicName);
		Columns.add(table, Bundle.class, Messages.Column_version, 200, bundle -> bundle.getVersion().toString());
		Columns.add(table, Bundle.class, Messages.Column_state, 130, InstallationDetailsDialog::state);
		List<Bundle> bundles = Arrays.stream(context.getBundles())
				.sorted(Comparator.comparing(bundle -> String.valueOf(bundle.getSymbolicName()))).toList();
		table.setInput(bundles);
		return table.getTable();
	}

	private static String state(Bundle bundle) {
		return switch (bundle.getState()) {
		case Bundle.INSTALLED -> Messages.State_installed;
		case Bundle.RESOLVED -> Messages.State_resolved;
		case Bundle.STARTING -> Messages.State_starting;
		case Bundle.STOPPING -> Messages.State_stopping;
		case Bundle.ACTIVE -> Messages.State_active;
		default -> Messages.State_uninstalled;
		};
	}

	@Override
	@NonNullByDefault({})
	protected void createButtonsForButtonBar(Composite parent) {
		createButton(parent, IDialogConstants.CLOSE_ID, IDialogConstants.CLOSE_LABEL, true);
	}

	@Override
	protected void buttonPressed(int buttonId) {
		if (buttonId == IDialogConstants.CLOSE_ID) {
			close();
		} else {
			super.buttonPressed(buttonId);
		}
	}
}
