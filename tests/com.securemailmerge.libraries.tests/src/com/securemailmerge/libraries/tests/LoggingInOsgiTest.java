package com.securemailmerge.libraries.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.eclipse.core.runtime.ILogListener;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Platform;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;
import org.slf4j.LoggerFactory;

import com.securemailmerge.logging.slf4j1.Log4jRouting;

/**
 * Logging of the libraries without SPI Fly running (as in the product): SLF4J 2 (Handlebars) finds
 * the provider of our fragment by itself, and Log4j's API (POI) reaches it through its SLF4J
 * bridge once {@link Log4jRouting} has started the two Log4j bundles (the runtime starts neither, as
 * the product); warnings land in the Eclipse log with the logger's name, info is dropped.
 */
final class LoggingInOsgiTest {

	@Test
	void log4jRoutingStartsTheApiAndItsProviderForThisRunOnly() {
		assertTrue(Log4jRouting.ensureStarted());
		assertTrue(Log4jRouting.ensureStarted(), "a second call is harmless");
		for (String name : List.of("org.apache.logging.log4j.api", "org.apache.logging.log4j.to.slf4j")) {
			Bundle bundle = java.util.Arrays.stream(FrameworkUtil.getBundle(LoggingInOsgiTest.class).getBundleContext().getBundles())
					.filter(b -> name.equals(b.getSymbolicName())).findFirst().orElseThrow();
			assertEquals(Bundle.ACTIVE, bundle.getState(), name);
		}
		assertEquals("org.apache.logging.slf4j.SLF4JLoggerContextFactory",
				org.apache.logging.log4j.LogManager.getFactory().getClass().getName());
	}

	@Test
	void slf4jAndLog4jWarningsReachTheEclipseLogWithoutSpiFly() {
		assertTrue(Log4jRouting.ensureStarted());
		assertEquals("com.securemailmerge.logging.slf4j2.EclipseLoggers", LoggerFactory.getILoggerFactory().getClass().getName());
		List<IStatus> logged = new CopyOnWriteArrayList<>();
		ILogListener listener = (status, plugin) -> logged.add(status);
		Platform.addLogListener(listener);
		try {
			LoggerFactory.getLogger("com.github.jknack.handlebars.Test").warn("Vorlage {} nicht gefunden", "Brief");
			LoggerFactory.getLogger("com.github.jknack.handlebars.Test").info("dropped");
			org.apache.logging.log4j.LogManager.getLogger("org.apache.poi.Test").warn("Zelle {} leer", "B2");
			org.apache.logging.log4j.LogManager.getLogger("org.apache.poi.Test").info("dropped too");
		} finally {
			Platform.removeLogListener(listener);
		}
		List<String> messages = logged.stream().map(IStatus::getMessage).toList();
		assertTrue(messages.contains("com.github.jknack.handlebars.Test: Vorlage Brief nicht gefunden"), messages::toString);
		assertTrue(messages.contains("org.apache.poi.Test: Zelle B2 leer"), messages::toString);
		assertTrue(messages.stream().noneMatch(m -> m.contains("dropped")), messages::toString);
		assertTrue(logged.stream().allMatch(s -> s.getSeverity() == IStatus.WARNING), logged::toString);
	}
}
