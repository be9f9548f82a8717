package com.securemailmerge.fuzz;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** One scratch folder per target and process, for the readers that take files. */
final class Scratch {

	private Scratch() {
	}

	static Path folder(String name) {
		try {
			Path folder = Files.createTempDirectory("smm-fuzz-" + name); //$NON-NLS-1$
			folder.toFile().deleteOnExit();
			return folder;
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	static Path write(Path file, byte[] data) {
		try {
			return Files.write(file, data);
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
