package com.securemailmerge.ui.p2.internal;

import java.util.Collection;

import org.eclipse.equinox.p2.core.IProvisioningAgent;
import org.eclipse.jdt.annotation.Nullable;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;

/** Finds the p2 agent of the running installation in the OSGi service registry. */
public final class Agents {

	private static final String CURRENT = "(" + IProvisioningAgent.SERVICE_CURRENT + "=true)"; //$NON-NLS-1$ //$NON-NLS-2$

	private Agents() {
	}

	/** The agent that manages this installation, or null when p2 is not running. */
	public static @Nullable IProvisioningAgent current(BundleContext context) {
		try {
			Collection<ServiceReference<IProvisioningAgent>> references = context
					.getServiceReferences(IProvisioningAgent.class, CURRENT);
			for (ServiceReference<IProvisioningAgent> reference : references) {
				IProvisioningAgent agent = context.getService(reference);
				if (agent != null) {
					return agent;
				}
			}
			return null;
		} catch (InvalidSyntaxException e) {
			throw new IllegalStateException(e);
		}
	}
}
