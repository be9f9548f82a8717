package com.securemailmerge.licence.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * Searches every file under some folders byte-wise for strings, in UTF-8 as given and in lower
 * case, and in UTF-16LE (Java's and Windows' in-file form), so nothing stays hidden behind an
 * encoding.
 */
final class ByteSearch {

	private ByteSearch() {
	}

	/** The files under {@code roots} (minus those {@code skip} names) holding any of the strings. */
	static List<Path> filesContaining(Collection<Path> roots, Predicate<Path> skip, String... strings) {
		List<byte[]> needles = new ArrayList<>();
		for (String s : strings) {
			for (String form : List.of(s, s.toLowerCase(Locale.ROOT))) {
				needles.add(form.getBytes(StandardCharsets.UTF_8));
				needles.add(form.getBytes(StandardCharsets.UTF_16LE));
			}
		}
		List<Path> hits = new ArrayList<>();
		for (Path root : roots) {
			if (!Files.exists(root)) {
				continue;
			}
			try (Stream<Path> files = Files.walk(root)) {
				files.filter(Files::isRegularFile).filter(skip.negate()).forEach(file -> {
					byte[] content = read(file);
					if (content != null && needles.stream().anyMatch(n -> indexOf(content, n) >= 0)) {
						hits.add(file);
					}
				});
			} catch (IOException e) {
				throw new UncheckedIOException(e);
			}
		}
		return hits;
	}

	/** How many files were searched: proof that the search looked at something. */
	static long fileCount(Collection<Path> roots) {
		long count = 0;
		for (Path root : roots) {
			if (Files.exists(root)) {
				try (Stream<Path> files = Files.walk(root)) {
					count += files.filter(Files::isRegularFile).count();
				} catch (IOException e) {
					throw new UncheckedIOException(e);
				}
			}
		}
		return count;
	}

	private static byte[] read(Path file) {
		try {
			return Files.readAllBytes(file);
		} catch (java.nio.file.NoSuchFileException e) {
			return null; // removed while walking (a WAL truncated, a temp file gone)
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	static int indexOf(byte[] haystack, byte[] needle) {
		outer: for (int i = 0; i <= haystack.length - needle.length; i++) {
			for (int j = 0; j < needle.length; j++) {
				if (haystack[i + j] != needle[j]) {
					continue outer;
				}
			}
			return i;
		}
		return -1;
	}
}
