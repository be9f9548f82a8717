package com.securemailmerge.recipients.ods;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipException;

import javax.xml.stream.XMLStreamException;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.OperationCanceledException;
import org.eclipse.core.runtime.SubMonitor;
import org.eclipse.jdt.annotation.Nullable;
import org.eclipse.osgi.util.NLS;

import com.securemailmerge.model.SourceReference;
import com.securemailmerge.recipients.LoadResult;
import com.securemailmerge.recipients.RecipientListBuilder;
import com.securemailmerge.recipients.RecipientSource;
import com.securemailmerge.recipients.SourceException;

/**
 * Reads recipients from an OpenDocument spreadsheet: an .ods package or a flat .fods file, as
 * LibreOffice, OpenOffice and other office programs write them; the kind is taken from the file's
 * first bytes. Values are the text LibreOffice stores with each cell, which is what it displays
 * (dates, currency, percent and leading zeros as the cell's format shows them); a cell without such
 * text gives its stored value. The sheet is the {@code sheet} option or the first visible one; the
 * first non-blank row is the header.
 * <p>
 * Why our own reading on Woodstox and no OpenDocument library: those on Maven Central read the
 * whole document into memory (SODS builds every cell as an object; the ODF Toolkit's odfdom builds
 * a DOM and brings Xerces and Apache Jena) or are no longer kept (jOpenDocument, last release
 * 2013); none stays bounded on 100,000 rows. Woodstox (FasterXML) is a maintained streaming XML
 * parser with hard limits for hostile input (attribute size, depth, text length); the cells, rows and
 * their repeat counts are read here, and bounded here: see {@link ContentReader},
 * {@link SheetRows}, {@link CellText} and {@link OdsPackage}.
 */
public final class OdsRecipientSource implements RecipientSource {

	public static final String OPTION_SHEET = "sheet"; //$NON-NLS-1$
	public static final String OPTION_EMAIL_COLUMN = "emailColumn"; //$NON-NLS-1$

	@Override
	public LoadResult load(SourceReference reference, IProgressMonitor monitor) throws SourceException {
		Path file = Path.of(reference.location());
		String name = file.getFileName() == null ? reference.location() : file.getFileName().toString();
		String location = reference.location();
		byte[] magic;
		try (InputStream in = Files.newInputStream(file)) {
			magic = in.readNBytes(4);
		} catch (IOException e) {
			throw new SourceException(NLS.bind(Messages.Ods_unreadable, name, describe(e)), location, e);
		}
		SubMonitor progress = SubMonitor.convert(monitor, NLS.bind(Messages.Ods_task, name), IProgressMonitor.UNKNOWN);
		RecipientListBuilder builder = new RecipientListBuilder(reference, name);
		String sheet = reference.options().get(OPTION_SHEET);
		ContentReader reader = new ContentReader(new SheetRows(builder), sheet == null || sheet.isBlank() ? null : sheet,
				progress);
		try {
			if (magic.length == 4 && magic[0] == 'P' && magic[1] == 'K' && magic[2] == 3 && magic[3] == 4) {
				readPackage(file, name, location, reader);
			} else {
				try (InputStream in = OdsPackage.bounded(Files.newInputStream(file), OdsPackage.MAX_CONTENT)) {
					reader.read(in); // a flat OpenDocument file (.fods), or something that is no spreadsheet
				}
			}
		} catch (OdsRefusal e) {
			throw refused(e, name, location);
		} catch (OdsPackage.TooLarge e) {
			throw new SourceException(NLS.bind(Messages.Ods_tooLarge, name, e.bound / (1024 * 1024)), location, e);
		} catch (XMLStreamException e) {
			int line = e.getLocation() == null ? 0 : e.getLocation().getLineNumber();
			String detail = firstLine(e.getMessage());
			throw new SourceException(NLS.bind(Messages.Ods_notSpreadsheet, name,
					line > 0 ? NLS.bind(Messages.Ods_badXml, line, detail) : detail), location, e);
		} catch (ZipException e) {
			throw new SourceException(NLS.bind(Messages.Ods_notSpreadsheet, name, describe(e)), location, e);
		} catch (IOException e) {
			throw new SourceException(NLS.bind(Messages.Ods_unreadable, name, describe(e)), location, e);
		} catch (OperationCanceledException e) {
			throw e;
		} catch (RuntimeException e) { // a bug of ours or the parser's on a strange file: named, not a crash
			throw new SourceException(NLS.bind(Messages.Ods_unreadable, name, e.getClass().getSimpleName()), location, e);
		}
		String read = reader.sheet();
		if (read == null) {
			throw new SourceException(sheet == null || sheet.isBlank()
					? NLS.bind(Messages.Ods_noVisibleSheet, name, names(reader.names()))
					: NLS.bind(Messages.Ods_noSheet, new Object[] { name, sheet, names(reader.names()) }),
					location, null);
		}
		if (!reader.hiddenBefore().isEmpty()) {
			builder.warn(NLS.bind(Messages.Ods_hiddenSheet, new Object[] { name, read, names(reader.hiddenBefore()) }));
		}
		if (!builder.hasHeader()) {
			throw new SourceException(NLS.bind(Messages.Ods_emptySheet, name, read), location, null);
		}
		return builder.build(reference.options().get(OPTION_EMAIL_COLUMN));
	}

	private static void readPackage(Path file, String name, String location, ContentReader reader)
			throws IOException, XMLStreamException, SourceException {
		try (OdsPackage ods = new OdsPackage(file)) {
			String type = ods.mimetype();
			if (!type.isEmpty() && !type.startsWith(OdsPackage.SPREADSHEET)) {
				throw new SourceException(NLS.bind(Messages.Ods_notSpreadsheet, name, type), location, null);
			}
			if (ods.isEncrypted()) {
				throw new SourceException(NLS.bind(Messages.Ods_encrypted, name), location, null);
			}
			InputStream content = ods.content();
			if (content == null) {
				throw new SourceException(NLS.bind(Messages.Ods_notSpreadsheet, name, "content.xml"), location, null); //$NON-NLS-1$
			}
			try (InputStream in = content) {
				reader.read(in);
			}
		}
	}

	private static SourceException refused(OdsRefusal refused, String name, String location) {
		String message = switch (refused.reason) {
		case OUT_OF_SHEET -> Messages.Ods_outOfSheet;
		case TOO_MANY_CELLS -> Messages.Ods_tooManyCells;
		case CELL_TOO_LONG -> Messages.Ods_cellTooLong;
		case TOO_MUCH_TEXT -> Messages.Ods_tooMuchText;
		case TOO_MANY_SHEETS -> Messages.Ods_tooManySheets;
		case NOT_A_SPREADSHEET -> Messages.Ods_doctype;
		};
		return new SourceException(NLS.bind(message, new Object[] { name, refused.row, refused.column }), location,
				refused.row, refused.column, refused);
	}

	/** Sheet names for a message: the first 20, then how many more. */
	static String names(java.util.List<String> names) {
		String shown = String.join(", ", names.subList(0, Math.min(20, names.size()))); //$NON-NLS-1$
		return names.size() <= 20 ? shown : NLS.bind(Messages.Ods_moreSheets, shown, names.size() - 20);
	}

	private static String firstLine(@Nullable String message) {
		if (message == null) {
			return ""; //$NON-NLS-1$
		}
		int end = message.indexOf('\n');
		return end < 0 ? message : message.substring(0, end);
	}

	private static String describe(Throwable e) {
		String message = e.getMessage();
		return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
	}
}
