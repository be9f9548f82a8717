package com.securemailmerge.product.driver;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The script's account, appended to {@code steps.txt} in the output folder (it survives a
 * restart of the product): {@code OK name: detail} per step, then {@code DONE} or
 * {@code FAILED: why} with the stack trace.
 */
final class Steps {

	private final Path file;

	Steps(Path out) {
		try {
			Files.createDirectories(out);
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		this.file = out.resolve("steps.txt");
	}

	void ok(String step, String detail) {
		append("OK " + step + ": " + detail.replace('\n', ' '));
	}

	void done() {
		append("DONE");
	}

	void failed(Throwable e) {
		StringWriter trace = new StringWriter();
		e.printStackTrace(new PrintWriter(trace));
		append("FAILED: " + e + "\n" + trace);
	}

	private synchronized void append(String line) {
		try {
			Files.writeString(file, line + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
