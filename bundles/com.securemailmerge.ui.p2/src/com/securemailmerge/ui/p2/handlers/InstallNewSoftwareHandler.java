package com.securemailmerge.ui.p2.handlers;

import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.ui.services.IServiceConstants;
import org.eclipse.e4.ui.workbench.IWorkbench;
import org.eclipse.equinox.p2.core.IProvisioningAgent;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.swt.widgets.Shell;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;

import com.securemailmerge.ui.p2.dialogs.InstallDialog;
import com.securemailmerge.ui.p2.internal.Agents;
import com.securemailmerge.ui.p2.internal.Messages;

import jakarta.inject.Named;

/** Help > Install New Software: the install dialog, then the restart the user asked for. */
public final class InstallNewSoftwareHandler {

	@Execute
	void execute(@Named(IServiceConstants.ACTIVE_SHELL) Shell shell, IWorkbench workbench) {
		BundleContext context = FrameworkUtil.getBundle(InstallNewSoftwareHandler.class).getBundleContext();
		IProvisioningAgent agent = context == null ? null : Agents.current(context);
		if (agent == null) {
			MessageDialog.openError(shell, Messages.Install_title, Messages.UpdateSites_noAgent);
			return;
		}
		InstallDialog dialog = new InstallDialog(shell, agent);
		if (dialog.open() == InstallDialog.OK && dialog.restartRequested()) {
			workbench.restart();
		}
	}
}
