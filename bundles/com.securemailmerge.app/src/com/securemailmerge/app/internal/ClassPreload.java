package com.securemailmerge.app.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.core.runtime.ILog;
import org.eclipse.jdt.annotation.Nullable;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.namespace.HostNamespace;
import org.osgi.framework.wiring.BundleRevision;
import org.osgi.framework.wiring.BundleWire;
import org.osgi.framework.wiring.BundleWiring;

/**
 * Loads, on a thread of its own, the classes that building the first window needs (the list
 * {@value #LIST} of this bundle: a bundle's symbolic name and a class name a line, in the order the
 * main thread needs them). While the main thread reads the application model and creates the
 * window, the classes are read, defined and verified on another core; the main thread then finds
 * them loaded. Nothing is initialised here (no static initialiser runs off the main thread). The
 * list is a hint: a class or bundle that is not there is skipped.
 * {@code -Dsmm.preload.disable=true} turns it off.
 */
final class ClassPreload implements Runnable {

	static final String LIST = "preload.txt"; //$NON-NLS-1$
	static final String DISABLE_PROPERTY = "smm.preload.disable"; //$NON-NLS-1$

	private final Bundle bundle;

	private ClassPreload(Bundle bundle) {
		this.bundle = bundle;
	}

	static void start(Bundle bundle) {
		Thread thread = new Thread(new ClassPreload(bundle), "SecureMailMerge class preload"); //$NON-NLS-1$
		thread.setDaemon(true);
		thread.start();
	}

	@Override
	public void run() {
		URL list = bundle.getEntry(LIST);
		if (list == null) {
			return;
		}
		BundleContext context = bundle.getBundleContext();
		if (context == null) { // not started: no list of the installed bundles
			return;
		}
		Map<String, Bundle> bundles = new HashMap<>();
		for (Bundle installed : context.getBundles()) {
			String name = installed.getSymbolicName();
			Bundle loader = classLoaderOf(installed);
			if (name != null && loader != null) {
				bundles.merge(name, loader, (a, b) -> a.getVersion().compareTo(b.getVersion()) >= 0 ? a : b);
			}
		}
		try (BufferedReader reader = new BufferedReader(new InputStreamReader(list.openStream(), StandardCharsets.UTF_8))) {
			for (String line = reader.readLine(); line != null; line = reader.readLine()) {
				int space = line.indexOf(' ');
				if (space > 0 && !line.startsWith("#")) { //$NON-NLS-1$
					load(bundles.get(line.substring(0, space)), line.substring(space + 1).strip());
				}
			}
		} catch (IOException e) {
			ILog.of(ClassPreload.class).warn("Class preload: cannot read " + list, e); //$NON-NLS-1$
		}
	}

	/** The bundle whose class loader holds the classes of that one: its host for a fragment. */
	private static @Nullable Bundle classLoaderOf(Bundle bundle) {
		BundleRevision revision = bundle.adapt(BundleRevision.class);
		if (revision == null || (revision.getTypes() & BundleRevision.TYPE_FRAGMENT) == 0) {
			return bundle;
		}
		BundleWiring wiring = bundle.adapt(BundleWiring.class);
		if (wiring == null) {
			return null;
		}
		List<BundleWire> hosts = wiring.getRequiredWires(HostNamespace.HOST_NAMESPACE);
		return hosts == null || hosts.isEmpty() ? null : hosts.get(0).getProvider().getBundle();
	}

	private static void load(@Nullable Bundle owner, String className) {
		if (owner == null || (owner.getState() & (Bundle.RESOLVED | Bundle.STARTING | Bundle.ACTIVE)) == 0) {
			return;
		}
		try {
			// getDeclaredFields links (verifies) the class without initialising it
			owner.loadClass(className).getDeclaredFields();
		} catch (ClassNotFoundException | LinkageError | RuntimeException e) {
			// a hint only: the class is loaded where it is needed, as without the list
		}
	}
}
