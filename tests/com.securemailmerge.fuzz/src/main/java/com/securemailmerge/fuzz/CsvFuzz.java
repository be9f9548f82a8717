package com.securemailmerge.fuzz;

import java.nio.file.Path;
import java.util.Map;

import org.eclipse.core.runtime.NullProgressMonitor;

import com.securemailmerge.model.SourceReference;
import com.securemailmerge.recipients.LoadResult;
import com.securemailmerge.recipients.SourceException;
import com.securemailmerge.recipients.csv.CsvRecipientSource;

/**
 * CSV sniffing (encoding, delimiter, binary content) and reading, on the file as the user chose it.
 * A file is read or refused with a {@link SourceException}; nothing else is thrown, and a list never
 * holds more recipients than the file has lines.
 */
public final class CsvFuzz {

	private static final Path FILE = Scratch.folder("csv").resolve("Empfänger.csv"); //$NON-NLS-1$ //$NON-NLS-2$
	private static final CsvRecipientSource SOURCE = new CsvRecipientSource();

	private CsvFuzz() {
	}

	public static void fuzzerTestOneInput(byte[] data) {
		Scratch.write(FILE, data);
		LoadResult result;
		try {
			result = SOURCE.load(new SourceReference("csv", FILE.toString(), Map.of()), new NullProgressMonitor()); //$NON-NLS-1$
		} catch (SourceException e) {
			if (e.getMessage() == null || e.getMessage().isBlank()) {
				throw new FuzzFinding("A refused file without a message"); //$NON-NLS-1$
			}
			return;
		}
		int lines = 1;
		for (byte b : data) {
			if (b == '\n' || b == '\r') {
				lines++;
			}
		}
		int read = result.recipients().recipients().size();
		if (read > lines) {
			throw new FuzzFinding(read + " recipients from " + lines + " lines"); //$NON-NLS-1$ //$NON-NLS-2$
		}
	}
}
