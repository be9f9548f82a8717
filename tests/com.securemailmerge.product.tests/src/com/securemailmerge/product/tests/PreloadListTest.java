package com.securemailmerge.product.tests;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipFile;

import org.junit.jupiter.api.Test;

/**
 * The class preload list of the workbench (bundles/com.securemailmerge.app/preload.txt) names only
 * classes the built product has, in bundles it has: a list gone stale (a class moved, a bundle
 * upgraded) preloads nothing useful; tests/com.securemailmerge.benchmarks/preload-list.sh writes it
 * again.
 */
final class PreloadListTest {

	@Test
	void everyClassOfThePreloadListIsInTheBuiltProduct() throws Exception {
		Path plugins = ProductRun.root()
				.resolve("releng/com.securemailmerge.product/target/products/com.securemailmerge.product/linux/gtk/x86_64/SecureMailMerge/plugins");
		assertTrue(Files.isDirectory(plugins), plugins + " is missing: the releng modules are built before the tests");
		Map<String, Path> bundles = new HashMap<>();
		try (Stream<Path> files = Files.list(plugins)) {
			files.filter(p -> p.getFileName().toString().endsWith(".jar")).forEach(p -> {
				String name = p.getFileName().toString();
				bundles.put(name.substring(0, name.lastIndexOf('_')), p);
			});
		}
		List<String> lines = Files.readAllLines(ProductRun.root().resolve("bundles/com.securemailmerge.app/preload.txt"),
				StandardCharsets.UTF_8).stream().filter(l -> !l.isBlank() && !l.startsWith("#")).toList();
		assertTrue(lines.size() > 500, "the list names the classes of the first window: " + lines.size());
		Map<String, ZipFile> jars = new HashMap<>();
		List<String> missing = new ArrayList<>();
		try {
			for (String line : lines) {
				String[] entry = line.split(" ");
				assertTrue(entry.length == 2, "a bundle and a class: '" + line + "'");
				Path jar = bundles.get(entry[0]);
				if (jar == null) {
					missing.add(line + " (no such bundle)");
					continue;
				}
				ZipFile zip = jars.get(entry[0]);
				if (zip == null) {
					zip = new ZipFile(jar.toFile());
					jars.put(entry[0], zip);
				}
				if (zip.getEntry(entry[1].replace('.', '/') + ".class") == null) {
					missing.add(line);
				}
			}
		} finally {
			for (ZipFile zip : jars.values()) {
				zip.close();
			}
		}
		assertTrue(missing.isEmpty(), missing.size() + " entries name what the product does not have, e.g. "
				+ missing.subList(0, Math.min(10, missing.size())) + "; run tests/com.securemailmerge.benchmarks/preload-list.sh");
	}
}
