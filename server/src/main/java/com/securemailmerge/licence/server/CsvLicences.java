package com.securemailmerge.licence.server;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A licence list in CSV, UTF-8: {@code key,until[,customer]} per line, where key is an address or
 * a domain and until an ISO day. Blank lines, {@code #} comments and a header line starting with
 * {@code key} are skipped. A bad line fails the whole file, named by its number only.
 */
final class CsvLicences {

	/** One line of the file. */
	record Entry(String key, LocalDate until, String customer) {
	}

	private final LicenceKeys keys;

	CsvLicences(LicenceKeys keys) {
		this.keys = keys;
	}

	List<Entry> read(Path file) throws IOException {
		List<Entry> entries = new ArrayList<>();
		List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
		for (int i = 0; i < lines.size(); i++) {
			String line = lines.get(i).strip();
			if (line.isEmpty() || line.startsWith("#") || i == 0 && line.toLowerCase(java.util.Locale.ROOT).startsWith("key")) {
				continue;
			}
			String[] fields = line.split(",", 3);
			Optional<String> key = keys.key(fields[0]);
			Optional<LocalDate> until = fields.length > 1 ? LicenceKeys.day(fields[1]) : Optional.empty();
			if (key.isEmpty() || until.isEmpty()) {
				throw new IllegalArgumentException("line " + (i + 1) + ": expected address-or-domain,YYYY-MM-DD[,customer]");
			}
			String customer = fields.length > 2 ? unquote(fields[2].strip()) : "";
			entries.add(new Entry(key.get(), until.get(), customer));
		}
		return entries;
	}

	private static String unquote(String text) {
		if (text.length() >= 2 && text.startsWith("\"") && text.endsWith("\"")) {
			return text.substring(1, text.length() - 1).replace("\"\"", "\"");
		}
		return text;
	}
}
