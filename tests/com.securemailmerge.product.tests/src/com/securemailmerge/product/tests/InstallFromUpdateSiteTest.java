package com.securemailmerge.product.tests;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The product without the Excel feature (releng/com.securemailmerge.base.product) gets it from
 * the update site the build produces, through Help > Install New Software, in the English UI: an
 * unreachable site is named in a message; the unsigned content is first declined (nothing is
 * installed, and the message says so), then accepted; the product restarts through its launcher
 * (exit code 23) and then reads the sample workbook with the Excel source; Installation Details
 * lists the feature.
 */
final class InstallFromUpdateSiteTest {

	@TempDir
	Path work;

	@Test
	void theExcelSourceInstallsFromTheBuildsUpdateSiteAndWorksAfterTheRestart() throws Exception {
		Path site = ProductRun.root().resolve("releng/com.securemailmerge.site/target/repository");
		assertTrue(Files.isRegularFile(site.resolve("content.jar")) || Files.isRegularFile(site.resolve("content.xml.xz")),
				site + " is not built");
		int closedPort;
		try (ServerSocket socket = new ServerSocket(0)) {
			closedPort = socket.getLocalPort();
		}
		ProductRun run = ProductRun.of("install", "com.securemailmerge.base.product", "com.securemailmerge.base.product", work)
				.property("smm.driver.site", site.toUri().toString())
				.property("smm.driver.unreachable", "http://127.0.0.1:" + closedPort + "/updates/")
				.argument("-nl", "en");
		assertTrue(excelJars(run.product()) == 0, "the base product has no Excel bundle");

		int exit = run.run("install", 600);

		Map<String, String> steps = run.assertSteps(exit, "no-excel-source", "unreachable-site", "site-loaded",
				"unsigned-declined", "installed", "excel-source", "installation-details");
		assertTrue(steps.get("unreachable-site").contains("could not be reached")
				&& steps.get("unreachable-site").contains(":" + closedPort), steps.toString());
		assertTrue(steps.get("site-loaded").contains("SecureMailMerge Excel source"), steps.toString());
		assertTrue(steps.get("excel-source").contains("12 recipients from Mitglieder.xlsx"), steps.toString());
		assertTrue(steps.get("installation-details").contains("SecureMailMerge Excel source"), steps.toString());
		assertTrue(excelJars(run.product()) == 1, "the Excel bundle is installed once");
	}

	private static long excelJars(Path product) throws Exception {
		try (Stream<Path> files = Files.list(product.resolve("plugins"))) {
			return files.filter(f -> f.getFileName().toString().startsWith("com.securemailmerge.recipients.excel_")).count();
		}
	}
}
