package com.securemailmerge.logging.slf4j1;

import java.util.concurrent.atomic.AtomicBoolean;

import org.eclipse.core.runtime.ILog;
import org.eclipse.jdt.annotation.Nullable;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.FrameworkUtil;

/**
 * Routes Log4j's API (POI logs through it) to SLF4J and so to the Eclipse log, on first use.
 * <p>
 * Log4j's API finds its provider through its bundle activator, whose start scans the framework and
 * cost every start of the workbench about 50 ms when both bundles were started with it. Neither is
 * started with the workbench now: the first user of Log4j (the Excel source, before it touches POI)
 * calls {@link #ensureStarted()}, which starts the SLF4J provider and then the API, for this run
 * only. Without the two bundles nothing is started, and Log4j keeps its own fallback to standard
 * error.
 */
public final class Log4jRouting {

	static final String API = "org.apache.logging.log4j.api"; //$NON-NLS-1$
	static final String PROVIDER = "org.apache.logging.log4j.to.slf4j"; //$NON-NLS-1$

	private static final AtomicBoolean STARTED = new AtomicBoolean();

	private Log4jRouting() {
	}

	/**
	 * Starts Log4j's SLF4J provider and API bundles (transiently) unless they run already; cheap
	 * after the first call.
	 *
	 * @return whether both bundles are active
	 */
	public static boolean ensureStarted() {
		if (STARTED.get()) {
			return true;
		}
		synchronized (STARTED) {
			if (STARTED.get()) {
				return true;
			}
			Bundle self = FrameworkUtil.getBundle(Log4jRouting.class);
			BundleContext context = self == null ? null : self.getBundleContext();
			if (context == null) {
				return false; // not in a framework (or this bundle is stopping)
			}
			Bundle api = find(context, API);
			Bundle provider = find(context, PROVIDER);
			if (api == null || provider == null) {
				return false;
			}
			try {
				// the provider first: the API's activator holds every logger back until it sees one
				start(provider);
				start(api);
				STARTED.set(true);
				return true;
			} catch (BundleException | IllegalStateException e) {
				ILog.of(Log4jRouting.class).warn("Log4j could not be routed to the Eclipse log: " + e.getMessage(), e); //$NON-NLS-1$
				return false;
			}
		}
	}

	private static void start(Bundle bundle) throws BundleException {
		if (bundle.getState() != Bundle.ACTIVE) {
			bundle.start(Bundle.START_TRANSIENT);
		}
	}

	private static @Nullable Bundle find(BundleContext context, String symbolicName) {
		Bundle found = null;
		for (Bundle bundle : context.getBundles()) {
			if (symbolicName.equals(bundle.getSymbolicName()) && bundle.getState() != Bundle.UNINSTALLED
					&& (found == null || bundle.getVersion().compareTo(found.getVersion()) > 0)) {
				found = bundle;
			}
		}
		return found;
	}
}
