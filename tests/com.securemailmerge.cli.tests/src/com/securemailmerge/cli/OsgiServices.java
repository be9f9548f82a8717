package com.securemailmerge.cli;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;

/** The services the command line gets from OSGi, as {@link HeadlessApplication} finds them (tests). */
@org.eclipse.jdt.annotation.NonNullByDefault({})
final class OsgiServices {

	private OsgiServices() {
	}

	/** The service, waited for as Declarative Services starts it; fails the test when it does not come. */
	static <T> T of(Class<T> type) throws InterruptedException {
		ServiceTracker<T, T> tracker = new ServiceTracker<>(FrameworkUtil.getBundle(OsgiServices.class).getBundleContext(), type, null);
		tracker.open();
		T found = tracker.waitForService(20_000);
		assertNotNull(found, type.getSimpleName());
		return found;
	}
}
