package com.securemailmerge.graph.tests;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.eclipse.core.runtime.FileLocator;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.namespace.HostNamespace;
import org.osgi.framework.wiring.BundleWire;
import org.osgi.framework.wiring.BundleWiring;

/**
 * Starts a class of this bundle in a Java process of its own, on a class path made of exactly the
 * bundles this one is wired to (so the versions are the ones the tests resolved), to be killed with
 * SIGKILL and started again.
 */
final class ChildJvm {

	private ChildJvm() {
	}

	static String classPath() {
		Bundle self = FrameworkUtil.getBundle(ChildJvm.class);
		Set<Bundle> seen = new LinkedHashSet<>();
		Deque<Bundle> todo = new ArrayDeque<>(List.of(self));
		while (!todo.isEmpty()) {
			Bundle bundle = todo.poll();
			if (bundle.getBundleId() == 0 || bundle.getSymbolicName().equals("com.securemailmerge.logging.slf4j1") || !seen.add(bundle)) {
				continue; // the framework comes as a jar below; our SLF4J binding needs the OSGi runtime
			}
			BundleWiring wiring = bundle.adapt(BundleWiring.class);
			if (wiring == null) {
				continue;
			}
			for (BundleWire wire : wiring.getRequiredWires(null)) {
				todo.add(wire.getProvider().getBundle());
			}
			for (BundleWire wire : wiring.getProvidedWires(HostNamespace.HOST_NAMESPACE)) {
				todo.add(wire.getRequirer().getBundle()); // fragments (Kiota's serializers)
			}
		}
		List<String> entries = new ArrayList<>();
		for (Bundle bundle : seen) {
			File file = FileLocator.getBundleFileLocation(bundle).orElseThrow();
			if (file.isDirectory()) {
				for (String sub : new String[] { "target/classes", "bin", "." }) {
					File classes = new File(file, sub);
					if (classes.isDirectory()) {
						entries.add(classes.getAbsolutePath());
						break;
					}
				}
			} else {
				entries.add(file.getAbsolutePath());
			}
		}
		// NLS and the framework's utilities
		try {
			entries.add(new File(org.eclipse.osgi.util.NLS.class.getProtectionDomain().getCodeSource().getLocation().toURI())
					.getAbsolutePath());
		} catch (java.net.URISyntaxException e) {
			throw new IllegalStateException(e);
		}
		return String.join(File.pathSeparator, entries);
	}

	static Process start(Class<?> main, Path log, String... args) throws IOException {
		String java = ProcessHandle.current().info().command().orElse("java");
		// the client compiler only and the serial collector: a short-lived process on a 2-core machine
		// spends most of its CPU on the optimizing compiler otherwise, and the tests run several at once
		List<String> command = new ArrayList<>(List.of(java, "-Xmx256m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
				"-cp", classPath(), main.getName()));
		command.addAll(List.of(args));
		return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
				.start();
	}
}
