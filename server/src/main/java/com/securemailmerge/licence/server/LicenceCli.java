package com.securemailmerge.licence.server;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

/**
 * The administration command line, on the same database as the server:
 * {@code licences add KEY UNTIL [--customer TEXT]}, {@code licences list},
 * {@code licences end KEY}, {@code licences import FILE.csv} and {@code licences purge}.
 * Running servers pick changes up at their next refresh. Exit codes: 0 done, 1 not found,
 * 2 bad usage.
 */
final class LicenceCli {

	private final LicenceStore store;
	private final LicenceKeys keys;
	private final Clock clock;
	private final PrintStream out;

	LicenceCli(LicenceStore store, LicenceKeys keys, Clock clock, PrintStream out) {
		this.store = store;
		this.keys = keys;
		this.clock = clock;
		this.out = out;
	}

	int run(List<String> words, String customer) throws IOException, SQLException {
		String command = words.isEmpty() ? "" : words.get(0);
		switch (command) {
		case "add" -> {
			if (words.size() != 3) {
				return usage();
			}
			String key = keys.key(words.get(1)).orElse(null);
			LocalDate until = LicenceKeys.day(words.get(2)).orElse(null);
			if (key == null || until == null) {
				out.println("expected: licences add ADDRESS-OR-DOMAIN YYYY-MM-DD");
				return 2;
			}
			store.put(key, until, customer);
			out.println("licence " + key + " valid until " + until);
			return 0;
		}
		case "list" -> {
			for (Licence licence : store.licences()) {
				out.println(licence.key() + "\t" + licence.until() + "\t" + store.seats(licence.id()) + " seats\t"
						+ licence.customer());
			}
			return 0;
		}
		case "end" -> {
			String key = words.size() == 2 ? keys.key(words.get(1)).orElse(null) : null;
			if (key == null) {
				return usage();
			}
			if (!store.end(key, LocalDate.now(clock))) {
				out.println("no such licence");
				return 1;
			}
			int deleted = store.purge(LocalDate.now(clock));
			out.println("licence ended; " + deleted + " rows deleted");
			return 0;
		}
		case "import" -> {
			if (words.size() != 2) {
				return usage();
			}
			List<CsvLicences.Entry> entries = new CsvLicences(keys).read(Path.of(words.get(1)));
			for (CsvLicences.Entry entry : entries) {
				store.put(entry.key(), entry.until(), entry.customer());
			}
			out.println(entries.size() + " licences imported");
			return 0;
		}
		case "purge" -> {
			out.println(store.purge(LocalDate.now(clock)) + " rows deleted");
			return 0;
		}
		default -> {
			return usage();
		}
		}
	}

	private int usage() {
		out.println("usage: licences add KEY YYYY-MM-DD [--customer TEXT] | list | end KEY | import FILE.csv | purge");
		out.println("       KEY is an address (one seat) or a domain (all its addresses); [--db sqlite:PATH|jdbc:postgresql://...]");
		return 2;
	}
}
