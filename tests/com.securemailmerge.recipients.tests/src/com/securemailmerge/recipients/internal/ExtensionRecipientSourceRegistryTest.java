package com.securemailmerge.recipients.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.eclipse.core.runtime.CoreException;
import org.junit.jupiter.api.Test;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;

import com.securemailmerge.recipients.RecipientSourceDescriptor;
import com.securemailmerge.recipients.RecipientSourceRegistry;

/** The registry as the workbench gets it: an OSGi service reading the extension point. */
@org.eclipse.jdt.annotation.NonNullByDefault({}) // tests are not held to the null contracts of the package they test
final class ExtensionRecipientSourceRegistryTest {

	private static RecipientSourceRegistry registry() throws InterruptedException {
		BundleContext context = FrameworkUtil.getBundle(ExtensionRecipientSourceRegistryTest.class).getBundleContext();
		ServiceTracker<RecipientSourceRegistry, RecipientSourceRegistry> tracker = new ServiceTracker<>(context,
				RecipientSourceRegistry.class, null);
		tracker.open();
		try {
			RecipientSourceRegistry registry = tracker.waitForService(10_000);
			assertNotNull(registry, "the registry is a DS service");
			return registry;
		} finally {
			tracker.close();
		}
	}

	@Test
	void brokenContributionsAreSkippedAndTheOthersListed() throws Exception {
		List<String> ids = registry().sources().stream().map(RecipientSourceDescriptor::id).toList();
		assertTrue(ids.contains("test.working"), ids.toString());
		assertTrue(ids.contains("test.missingclass"), "a wrong class is only found out when used: " + ids);
		assertFalse(ids.contains("test.nolabel"), ids.toString());
		assertFalse(ids.contains("test.noclass"), ids.toString());
	}

	@Test
	void labelsAndFileTypesAreReadWithoutLoadingTheClass() throws Exception {
		int before = CountingSource.CREATED.get();
		RecipientSourceDescriptor working = registry().source("test.working").orElseThrow();
		assertEquals("Zz test source", working.label());
		assertEquals(List.of("test"), working.fileExtensions(), "extensions are kept in lower case");
		assertTrue(working.reads("Mitglieder.Test"));
		assertEquals(before, CountingSource.CREATED.get(), "nothing created yet");
		assertSame(working.create(), working.create(), "created once, when used");
		assertInstanceOf(CountingSource.class, working.create());
		assertEquals(working, registry().forFile("x.test").orElseThrow());
	}

	@Test
	void aClassThatCannotBeLoadedIsAnErrorForTheCallerNotACrash() throws Exception {
		RecipientSourceDescriptor missing = registry().source("test.missingclass").orElseThrow();
		assertThrows(CoreException.class, missing::create);
	}

	@Test
	void sourcesAreSortedByLabel() throws Exception {
		List<String> labels = registry().sources().stream().map(RecipientSourceDescriptor::label).toList();
		assertEquals(labels.stream().sorted(java.text.Collator.getInstance()).toList(), labels);
	}

	@Test
	void theSortKeyIgnoresCaseAndAccentsAsAGermanReaderExpects() {
		List<String> labels = new java.util.ArrayList<>(List.of("Zz test source", "Outlook-Kontakte", "Ärzteliste", "csv-Datei",
				"Adressbuch", "Excel-Arbeitsmappe", "Übersicht"));
		labels.sort(java.util.Comparator.comparing(ExtensionRecipientSourceRegistry::sortKey));
		assertEquals(List.of("Adressbuch", "Ärzteliste", "csv-Datei", "Excel-Arbeitsmappe", "Outlook-Kontakte", "Übersicht",
				"Zz test source"), labels);
		assertEquals("arzteliste", ExtensionRecipientSourceRegistry.sortKey("Ärzteliste"));
	}
}
