package com.securemailmerge.cli;

import java.nio.file.Path;
import java.util.List;

import org.eclipse.core.runtime.Platform;
import org.eclipse.equinox.app.IApplication;
import org.eclipse.equinox.app.IApplicationContext;
import org.eclipse.jdt.annotation.Nullable;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;

import com.securemailmerge.merge.MergeEngine;
import com.securemailmerge.recipients.RecipientSourceRegistry;
import com.securemailmerge.send.TransportProvider;

/**
 * The Eclipse application {@code com.securemailmerge.cli.headless}: the launchers start it for
 * {@code --headless}, with the arguments that follow. It finds the services the workbench uses and
 * runs the command; its exit code is the launcher's.
 */
public final class HeadlessApplication implements IApplication {

	private static final long SERVICE_WAIT_MS = 30_000;
	/**
	 * The command line's own output, its user interface (results on standard output, progress and
	 * messages on standard error); diagnostics go to the Eclipse log as everywhere else.
	 */
	private static final java.io.PrintStream TERMINAL_OUT = System.out;
	private static final java.io.PrintStream TERMINAL_ERR = System.err;

	@Override
	public Object start(@Nullable IApplicationContext context) throws Exception {
		String[] arguments = context == null ? null : (String[]) context.getArguments().get(IApplicationContext.APPLICATION_ARGS);
		if (context != null) {
			context.applicationRunning();
		}
		BundleContext bundles = FrameworkUtil.getBundle(getClass()).getBundleContext();
		RecipientSourceRegistry sources = service(bundles, RecipientSourceRegistry.class, SERVICE_WAIT_MS);
		MergeEngine engine = service(bundles, MergeEngine.class, SERVICE_WAIT_MS);
		if (sources == null || engine == null) {
			org.eclipse.core.runtime.ILog.of(HeadlessApplication.class).error(Messages.Application_incomplete);
			TERMINAL_ERR.println(Messages.Application_incomplete);
			return Integer.valueOf(Cli.USAGE);
		}
		boolean m365 = Platform.getBundle("com.securemailmerge.graph") != null //$NON-NLS-1$
				&& Platform.getBundle("com.securemailmerge.auth") != null; //$NON-NLS-1$
		TransportProvider transports = m365 ? service(bundles, TransportProvider.class, SERVICE_WAIT_MS) : null;
		Services.SignIn signIn = m365 ? signIn(bundles) : null;
		Services services = new Services(sources, engine, transports, signIn, workbenchState());
		int code = new Cli(services, TERMINAL_OUT, TERMINAL_ERR).run(arguments == null ? List.of() : List.of(arguments));
		return Integer.valueOf(code);
	}

	private static Services.@Nullable SignIn signIn(BundleContext bundles) throws InterruptedException {
		com.securemailmerge.auth.AuthService auth = service(bundles, com.securemailmerge.auth.AuthService.class, SERVICE_WAIT_MS);
		return auth == null ? null : new TerminalSignIn(auth);
	}

	/**
	 * The workbench's state folder (its bundle's, in the instance area): the campaigns it knows and the
	 * files outside a campaign's folder the user allowed. No instance area: none.
	 */
	private static @Nullable Path workbenchState() {
		Bundle workbench = Platform.getBundle("com.securemailmerge.ui"); //$NON-NLS-1$
		if (workbench == null) {
			return null;
		}
		try {
			return Platform.getStateLocation(workbench).toPath();
		} catch (IllegalStateException e) {
			return null;
		}
	}

	private static <T> @Nullable T service(BundleContext bundles, Class<T> type, long waitMs) throws InterruptedException {
		ServiceTracker<T, T> tracker = new ServiceTracker<>(bundles, type, null);
		tracker.open();
		// the tracker stays open: the service is used until the application ends
		return tracker.waitForService(waitMs);
	}

	@Override
	public void stop() {
		// a command runs to its end; Ctrl+C stops a send through its shutdown hook
	}
}
