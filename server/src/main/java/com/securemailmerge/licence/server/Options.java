package com.securemailmerge.licence.server;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Command-line arguments: {@code --name value} options, {@code --flag}s and positional words.
 * Unknown names are refused, so a typo never silently falls back to a default.
 */
final class Options {

	private final Map<String, String> values = new HashMap<>();
	private final List<String> words = new ArrayList<>();

	Options(String[] args, Set<String> valued, Set<String> flags) {
		for (int i = 0; i < args.length; i++) {
			String arg = args[i];
			if (!arg.startsWith("--")) {
				words.add(arg);
				continue;
			}
			String name = arg.substring(2);
			int equals = name.indexOf('=');
			if (equals >= 0) {
				values.put(require(name.substring(0, equals), valued), name.substring(equals + 1));
			} else if (flags.contains(name)) {
				values.put(name, "true");
			} else if (valued.contains(name) && i + 1 < args.length) {
				values.put(name, args[++i]);
			} else {
				throw new IllegalArgumentException("unknown option or missing value: --" + name);
			}
		}
	}

	private static String require(String name, Set<String> valued) {
		if (!valued.contains(name)) {
			throw new IllegalArgumentException("unknown option: --" + name);
		}
		return name;
	}

	String get(String name, String fallback) {
		return values.getOrDefault(name, fallback);
	}

	int integer(String name, int fallback) {
		String value = values.get(name);
		return value == null ? fallback : Integer.parseInt(value);
	}

	double decimal(String name, double fallback) {
		String value = values.get(name);
		return value == null ? fallback : Double.parseDouble(value);
	}

	boolean flag(String name) {
		return "true".equals(values.get(name));
	}

	List<String> words() {
		return List.copyOf(words);
	}
}
