package com.securemailmerge.recipients.csv;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.OperationCanceledException;
import org.eclipse.core.runtime.SubMonitor;
import org.eclipse.osgi.util.NLS;

import com.securemailmerge.model.FieldValue;
import com.securemailmerge.model.SourceReference;
import com.securemailmerge.recipients.LoadResult;
import com.securemailmerge.recipients.RecipientListBuilder;
import com.securemailmerge.recipients.RecipientSource;
import com.securemailmerge.recipients.SourceException;

/**
 * Reads recipients from a CSV file. The encoding (UTF-8 with or without byte order mark, UTF-16,
 * Windows-1252) and the delimiter (semicolon, comma, tab) are detected unless the reference's
 * options {@code encoding} and {@code delimiter} set them; quoted fields may span lines. The first
 * non-blank record is the header; each later record keeps its record number as its row.
 */
public final class CsvRecipientSource implements RecipientSource {

	/** As many columns as Excel has: a row with more is refused, naming it. */
	static final int MAX_COLUMNS = 16_384;

	public static final String OPTION_ENCODING = "encoding"; //$NON-NLS-1$
	public static final String OPTION_DELIMITER = "delimiter"; //$NON-NLS-1$
	public static final String OPTION_EMAIL_COLUMN = "emailColumn"; //$NON-NLS-1$

	private static final int SAMPLE = 64 * 1024;

	@Override
	public LoadResult load(SourceReference reference, IProgressMonitor monitor) throws SourceException {
		Path file = Path.of(reference.location());
		String name = file.getFileName() == null ? reference.location() : file.getFileName().toString();
		byte[] sample = new byte[SAMPLE];
		int length;
		long size;
		try (InputStream in = Files.newInputStream(file)) {
			size = Files.size(file);
			length = in.readNBytes(sample, 0, SAMPLE);
		} catch (IOException e) {
			throw new SourceException(NLS.bind(Messages.Csv_unreadable, name, describe(e)), reference.location(), e);
		}
		rejectBinary(sample, length, name, reference.location());
		CsvEncoding.Detected detected = CsvEncoding.detect(sample, length);
		Charset charset = charset(reference, detected, name);
		char delimiter = delimiter(reference, sample, length, detected, charset);
		SubMonitor progress = SubMonitor.convert(monitor, NLS.bind(Messages.Csv_task, name),
				(int) Math.min(Integer.MAX_VALUE, Math.max(size, 1)));
		RecipientListBuilder builder = new RecipientListBuilder(reference, name);
		CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(delimiter).setIgnoreEmptyLines(false)
				.setIgnoreSurroundingSpaces(false).get();
		try (BoundedReader bounded = new BoundedReader(reader(file, charset, detected));
				CSVParser parser = CSVParser.parse(bounded, format)) {
			long reported = 0;
			for (CSVRecord record : (Iterable<CSVRecord>) () -> parser.iterator()) {
				bounded.recordRead();
				int row = (int) record.getRecordNumber();
				if (record.size() > MAX_COLUMNS) {
					throw new SourceException(NLS.bind(Messages.Csv_tooManyColumns, new Object[] { name, row,
							record.size(), MAX_COLUMNS }), reference.location(), row, 0, null);
				}
				List<String> values = record.toList();
				if (!builder.hasHeader()) {
					if (values.stream().anyMatch(v -> !v.isBlank())) {
						builder.header(values, row);
					}
				} else {
					List<FieldValue> fields = new ArrayList<>(values.size());
					for (String value : values) {
						fields.add(FieldValue.text(value));
					}
					builder.row(row, fields);
				}
				if ((row & 1023) == 0) {
					if (progress.isCanceled()) {
						throw new OperationCanceledException();
					}
					long position = record.getCharacterPosition();
					progress.worked((int) Math.max(0, position - reported));
					reported = position;
				}
			}
		} catch (UncheckedIOException e) {
			if (e.getCause() instanceof BoundedReader.TooLong) {
				throw tooLong(name, reference.location(), builder, e);
			}
			throw broken(e, name, reference.location(), builder);
		} catch (IllegalStateException e) {
			throw broken(e, name, reference.location(), builder);
		} catch (BoundedReader.TooLong e) {
			throw tooLong(name, reference.location(), builder, e);
		} catch (IOException e) {
			throw new SourceException(NLS.bind(Messages.Csv_unreadable, name, describe(e)), reference.location(), e);
		}
		if (!builder.hasHeader()) {
			throw new SourceException(NLS.bind(Messages.Csv_empty, name), reference.location(), null);
		}
		return builder.build(reference.options().get(OPTION_EMAIL_COLUMN));
	}

	private static SourceException tooLong(String name, String location, RecipientListBuilder builder, Exception e) {
		int row = builder.size() + (builder.hasHeader() ? 2 : 1);
		return new SourceException(NLS.bind(Messages.Csv_tooLong, new Object[] { name, row, BoundedReader.MAX_RECORD }),
				location, row, 0, e);
	}

	private static SourceException broken(RuntimeException e, String name, String location,
			RecipientListBuilder builder) {
		String detail = e.getCause() != null ? describe(e.getCause()) : describe(e);
		// "(line 17) invalid char between encapsulated token and delimiter" -> the line number
		java.util.regex.Matcher line = java.util.regex.Pattern.compile("line (\\d+)").matcher(detail); //$NON-NLS-1$
		String lineNumber = line.find() ? line.group(1) : "?"; //$NON-NLS-1$
		int row = builder.size() + (builder.hasHeader() ? 2 : 1);
		return new SourceException(NLS.bind(Messages.Csv_broken, new Object[] { name, row, lineNumber, detail }),
				location, row, 0, e);
	}

	private static Reader reader(Path file, Charset charset, CsvEncoding.Detected detected) throws IOException {
		InputStream in = Files.newInputStream(file);
		if (detected.charset().equals(charset)) {
			in.skipNBytes(detected.bomLength());
		}
		return new BufferedReader(new InputStreamReader(in, charset.newDecoder()
				.onMalformedInput(java.nio.charset.CodingErrorAction.REPLACE)
				.onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPLACE)), 1 << 16);
	}

	private static Charset charset(SourceReference reference, CsvEncoding.Detected detected, String name)
			throws SourceException {
		String chosen = reference.options().get(OPTION_ENCODING);
		if (chosen == null || chosen.isBlank()) {
			return detected.charset();
		}
		try {
			return Charset.forName(chosen);
		} catch (IllegalArgumentException e) {
			throw new SourceException(NLS.bind(Messages.Csv_unreadable, name, chosen), reference.location(), e);
		}
	}

	private static char delimiter(SourceReference reference, byte[] sample, int length,
			CsvEncoding.Detected detected, Charset charset) {
		String chosen = reference.options().get(OPTION_DELIMITER);
		if (chosen != null && !chosen.isEmpty()) {
			return "tab".equalsIgnoreCase(chosen) ? '\t' : chosen.charAt(0); //$NON-NLS-1$
		}
		int skip = detected.charset().equals(charset) ? detected.bomLength() : 0;
		String text = new String(sample, skip, Math.max(0, length - skip), charset);
		List<String> lines = text.lines().limit(20).toList();
		if (lines.size() > 1 && length == SAMPLE) {
			lines = lines.subList(0, lines.size() - 1); // the last line may be cut
		}
		return CsvDelimiter.sniff(lines);
	}

	/** Workbooks, PDFs and other binary files renamed to .csv are named as what they are. */
	private static void rejectBinary(byte[] sample, int length, String name, String location)
			throws SourceException {
		String what = null;
		if (length >= 4 && sample[0] == 'P' && sample[1] == 'K' && sample[2] == 3 && sample[3] == 4) {
			what = "ZIP / .xlsx"; //$NON-NLS-1$
		} else if (length >= 4 && (sample[0] & 0xff) == 0xd0 && (sample[1] & 0xff) == 0xcf
				&& (sample[2] & 0xff) == 0x11 && (sample[3] & 0xff) == 0xe0) {
			what = "OLE2 / .xls"; //$NON-NLS-1$
		} else if (length >= 4 && sample[0] == '%' && sample[1] == 'P' && sample[2] == 'D' && sample[3] == 'F') {
			what = "PDF"; //$NON-NLS-1$
		}
		if (what != null) {
			throw new SourceException(NLS.bind(Messages.Csv_notCsv, name, what), location, null);
		}
	}

	private static String describe(Throwable e) {
		String message = e.getMessage();
		return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
	}
}
