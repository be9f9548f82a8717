package com.securemailmerge.ui.p2.handlers;

import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.ui.services.IServiceConstants;
import org.eclipse.equinox.p2.core.IProvisioningAgent;
import org.eclipse.swt.widgets.Shell;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;

import com.securemailmerge.ui.p2.dialogs.InstallationDetailsDialog;
import com.securemailmerge.ui.p2.internal.Agents;
import com.securemailmerge.ui.p2.internal.UpdateSites;

import jakarta.inject.Named;

/** Help > Installation Details: installed features and running plug-ins. */
public final class InstallationDetailsHandler {

	@Execute
	void execute(@Named(IServiceConstants.ACTIVE_SHELL) Shell shell) {
		BundleContext context = FrameworkUtil.getBundle(InstallationDetailsHandler.class).getBundleContext();
		if (context == null) {
			return; // the bundle is stopping
		}
		IProvisioningAgent agent = Agents.current(context);
		new InstallationDetailsDialog(shell, agent == null ? null : new UpdateSites(agent), context).open();
	}
}
