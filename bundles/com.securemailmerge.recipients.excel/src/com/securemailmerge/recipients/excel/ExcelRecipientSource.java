package com.securemailmerge.recipients.excel;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apache.poi.EncryptedDocumentException;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.openxml4j.exceptions.NotOfficeXmlFileException;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.exceptions.OpenXML4JRuntimeException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.poifs.filesystem.DirectoryNode;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.model.StylesTable;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.OperationCanceledException;
import org.eclipse.core.runtime.SubMonitor;
import org.eclipse.jdt.annotation.Nullable;
import org.eclipse.osgi.util.NLS;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

import com.securemailmerge.logging.slf4j1.Log4jRouting;
import com.securemailmerge.model.FieldValue;
import com.securemailmerge.model.SourceReference;
import com.securemailmerge.recipients.LoadResult;
import com.securemailmerge.recipients.RecipientListBuilder;
import com.securemailmerge.recipients.RecipientSource;
import com.securemailmerge.recipients.SourceException;

/**
 * Reads recipients from an Excel workbook. The kind is taken from the file's first bytes, not its
 * name: .xlsx through POI's streaming SAX reader (memory stays bounded however long the sheet),
 * .xls through HSSF. Values are the text Excel shows, formatted by each cell's number format in
 * the reference's {@code locale} option (default: the workbench's); formulas give their cached
 * results. The sheet is the {@code sheet} option or the first one; the first non-blank row is the
 * header. Hidden rows and columns are read like visible ones, and each hidden row is named in a
 * warning (whoever made the file may have hidden them so nobody sees them); a merged area's value
 * stays in its top-left cell and the other cells of the area are empty. Bounds for untrusted files:
 * see {@link SheetRows}, {@link SheetFilter} and {@link #MAX_SHARED_TEXT}.
 */
public final class ExcelRecipientSource implements RecipientSource {

	public static final String OPTION_SHEET = "sheet"; //$NON-NLS-1$
	public static final String OPTION_LOCALE = "locale"; //$NON-NLS-1$
	public static final String OPTION_EMAIL_COLUMN = "emailColumn"; //$NON-NLS-1$
	/** Bytes of XML the table of shared texts may take (POI holds it in memory whole). */
	static final long MAX_SHARED_TEXT = 128L * 1024 * 1024;
	/** Bytes of XML the styles and the workbook's list of sheets may take. */
	static final long MAX_PART = 16L * 1024 * 1024;

	@Override
	public LoadResult load(SourceReference reference, IProgressMonitor monitor) throws SourceException {
		Log4jRouting.ensureStarted(); // POI logs through Log4j's API: to the Eclipse log, not standard error
		Path file = Path.of(reference.location());
		String name = file.getFileName() == null ? reference.location() : file.getFileName().toString();
		byte[] magic = new byte[8];
		int read;
		try (InputStream in = Files.newInputStream(file)) {
			read = in.readNBytes(magic, 0, magic.length);
		} catch (IOException e) {
			throw new SourceException(NLS.bind(Messages.Excel_unreadable, name, describe(e)), reference.location(), e);
		}
		SubMonitor progress = SubMonitor.convert(monitor, NLS.bind(Messages.Excel_task, name), IProgressMonitor.UNKNOWN);
		RecipientListBuilder builder = new RecipientListBuilder(reference, name);
		DataFormatter formatter = new RepeatingValuesFormatter(locale(reference));
		String sheet = reference.options().get(OPTION_SHEET);
		try {
			if (read >= 4 && magic[0] == 'P' && magic[1] == 'K' && magic[2] == 3 && magic[3] == 4) {
				readXlsx(file, name, sheet, formatter, builder, progress);
			} else if (read >= 8 && (magic[0] & 0xff) == 0xd0 && (magic[1] & 0xff) == 0xcf
					&& (magic[2] & 0xff) == 0x11 && (magic[3] & 0xff) == 0xe0) {
				readXls(file, name, sheet, formatter, builder, progress);
			} else {
				throw new SourceException(NLS.bind(Messages.Excel_notWorkbook, name, "neither .xlsx nor .xls"), //$NON-NLS-1$
						reference.location(), null);
			}
		} catch (SourceException | OperationCanceledException e) {
			throw e;
		} catch (SheetRefusal e) {
			throw refused(e, name, reference.location(), e);
		} catch (EncryptedDocumentException e) {
			throw new SourceException(NLS.bind(Messages.Excel_encrypted, name), reference.location(), e);
		} catch (NotOfficeXmlFileException | InvalidFormatException | OpenXML4JRuntimeException e) {
			throw new SourceException(NLS.bind(Messages.Excel_notWorkbook, name, describe(e)), reference.location(), e);
		} catch (IOException | SAXException | OpenXML4JException | RuntimeException e) {
			throw translate(e, name, reference.location());
		}
		if (!builder.hasHeader()) {
			throw new SourceException(NLS.bind(Messages.Excel_emptySheet, name, sheet == null ? "1" : sheet), //$NON-NLS-1$
					reference.location(), null);
		}
		return builder.build(reference.options().get(OPTION_EMAIL_COLUMN));
	}

	private static void readXlsx(Path file, String name, @Nullable String wanted, DataFormatter formatter,
			RecipientListBuilder builder, SubMonitor progress)
			throws IOException, SAXException, OpenXML4JException, SourceException {
		try (OPCPackage pkg = OPCPackage.open(file.toFile(), PackageAccess.READ)) {
			XSSFReader reader = new XSSFReader(pkg);
			WorkbookSheets book = WorkbookSheets.read(reader.getWorkbookData());
			SharedTexts.measureStyles(reader);
			SharedTexts strings = SharedTexts.of(pkg);
			StylesTable styles = reader.getStylesTable();
			XSSFReader.SheetIterator sheets = (XSSFReader.SheetIterator) reader.getSheetsData();
			List<String> names = new ArrayList<>();
			String target = wanted == null ? book.firstVisible() : wanted;
			while (sheets.hasNext()) {
				try (InputStream data = sheets.next()) {
					String sheetName = sheets.getSheetName();
					names.add(sheetName);
					if (target == null || target.equals(sheetName)) {
						if (wanted == null && !book.hiddenBefore(sheetName).isEmpty()) {
							builder.warn(NLS.bind(Messages.Excel_hiddenSheet, new Object[] { name, sheetName,
									String.join(", ", book.hiddenBefore(sheetName)) })); //$NON-NLS-1$
						}
						SheetRows rows = new SheetRows(builder, progress);
						SheetFilter filter = new SheetFilter(XMLHelper.newXMLReader(), rows);
						filter.setContentHandler(new XSSFSheetXMLHandler(styles, null, strings, rows, formatter, false));
						filter.parse(new InputSource(data));
						return;
					}
				}
			}
			if (wanted != null) {
				throw new SourceException(NLS.bind(Messages.Excel_noSheet, new Object[] { name, wanted, String.join(", ", names) }), //$NON-NLS-1$
						file.toString(), null);
			}
		} catch (javax.xml.parsers.ParserConfigurationException e) {
			throw new IOException(e);
		}
	}

	private static void readXls(Path file, String name, @Nullable String wanted, DataFormatter formatter,
			RecipientListBuilder builder, SubMonitor progress) throws IOException, SourceException {
		try (POIFSFileSystem fs = new POIFSFileSystem(file.toFile(), true)) {
			DirectoryNode root = fs.getRoot();
			if (root.hasEntry("EncryptionInfo")) { //$NON-NLS-1$
				throw new EncryptedDocumentException("encrypted OOXML package"); //$NON-NLS-1$
			}
			if (!root.hasEntry("Workbook") && !root.hasEntry("WORKBOOK") && !root.hasEntry("Book")) { //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
				throw new SourceException(NLS.bind(Messages.Excel_notWorkbook, name, "an Office file without a workbook"), //$NON-NLS-1$
						file.toString(), null);
			}
			try (HSSFWorkbook workbook = new HSSFWorkbook(root, true)) {
				int first = 0; // Excel opens on the first visible sheet: so does the reader, and says so
				while (wanted == null && first < workbook.getNumberOfSheets() - 1
						&& (workbook.isSheetHidden(first) || workbook.isSheetVeryHidden(first))) {
					first++;
				}
				if (wanted == null && first > 0) {
					List<String> hidden = new ArrayList<>();
					for (int i = 0; i < first; i++) {
						hidden.add(workbook.getSheetName(i));
					}
					builder.warn(NLS.bind(Messages.Excel_hiddenSheet,
							new Object[] { name, workbook.getSheetName(first), String.join(", ", hidden) })); //$NON-NLS-1$
				}
				Sheet sheet = wanted == null ? workbook.getSheetAt(first) : workbook.getSheet(wanted);
				if (sheet == null) {
					List<String> names = new ArrayList<>();
					workbook.sheetIterator().forEachRemaining(s -> names.add(s.getSheetName()));
					throw new SourceException(NLS.bind(Messages.Excel_noSheet, new Object[] { name, wanted, String.join(", ", names) }), //$NON-NLS-1$
							file.toString(), null);
				}
				formatter.setUseCachedValuesForFormulaCells(true);
				SheetRows rows = new SheetRows(builder, progress);
				for (Row row : sheet) {
					rows.nextRowHidden(row.getZeroHeight());
					rows.startRow(row.getRowNum());
					for (Cell cell : row) {
						rows.cell(cell.getAddress().formatAsString(), text(cell, formatter), null);
					}
					rows.endRow(row.getRowNum());
				}
			}
		}
	}

	/**
	 * What Excel shows in a cell of an .xls: numbers (and cached numeric results of formulas) through
	 * {@link DataFormatter#formatRawCellContents}, as the .xlsx reader formats them, so both read a
	 * date format's "/" as the locale's separator (a date as its day in the 1900 system, whichever
	 * system the workbook counts in); other cells as POI formats them.
	 */
	private static String text(Cell cell, DataFormatter formatter) {
		org.apache.poi.ss.usermodel.CellType type = cell.getCellType() == org.apache.poi.ss.usermodel.CellType.FORMULA
				? cell.getCachedFormulaResultType() : cell.getCellType();
		if (type != org.apache.poi.ss.usermodel.CellType.NUMERIC) {
			return formatter.formatCellValue(cell);
		}
		org.apache.poi.ss.usermodel.CellStyle style = cell.getCellStyle();
		String format = style.getDataFormatString() == null ? "General" : style.getDataFormatString(); //$NON-NLS-1$
		double value = cell.getNumericCellValue();
		if (org.apache.poi.ss.usermodel.DateUtil.isADateFormat(style.getDataFormat(), format)) {
			java.time.LocalDateTime date = org.apache.poi.ss.usermodel.DateUtil.isValidExcelDate(value)
					? cell.getLocalDateTimeCellValue() : null;
			if (date == null) {
				return formatter.formatCellValue(cell);
			}
			value = org.apache.poi.ss.usermodel.DateUtil.getExcelDate(date);
		}
		return formatter.formatRawCellContents(value, style.getDataFormat(), format, false);
	}

	private static SourceException translate(Exception e, String name, String location) {
		String detail = describe(e);
		for (Throwable t = e; t != null; t = t.getCause()) {
			if (t instanceof SheetRefusal refused) {
				return refused(refused, name, location, e);
			}
			if (t instanceof BoundedInput.TooLarge large) {
				String what = NLS.bind(Messages.Excel_moreThanBytes, large.bound / (1024 * 1024));
				return new SourceException(NLS.bind(large.other ? Messages.Excel_partTooLarge : Messages.Excel_sharedTextTooLarge,
						name, what), location, e);
			}
			if (t instanceof SharedTexts.TooMuch much) {
				return new SourceException(NLS.bind(Messages.Excel_sharedTextTooLarge, name, much.what), location, e);
			}
			String message = t.getMessage();
			if (message != null && (message.contains("Zip bomb") || message.contains("zip bomb"))) { //$NON-NLS-1$ //$NON-NLS-2$
				return new SourceException(NLS.bind(Messages.Excel_tooLarge, name, message), location, e);
			}
			if (t instanceof EncryptedDocumentException) {
				return new SourceException(NLS.bind(Messages.Excel_encrypted, name), location, e);
			}
			if (t instanceof OperationCanceledException canceled) {
				throw canceled;
			}
		}
		return new SourceException(NLS.bind(Messages.Excel_unreadable, name, detail), location, e);
	}

	private static SourceException refused(SheetRefusal refused, String name, String location, Throwable e) {
		String message = switch (refused.reason) {
		case OUT_OF_SHEET -> Messages.Excel_outOfSheet;
		case TOO_MANY_CELLS -> Messages.Excel_tooManyCells;
		case CELL_TOO_LONG -> Messages.Excel_cellTooLong;
		};
		return new SourceException(NLS.bind(message, new Object[] { name, refused.row, refused.reference }), location, e);
	}

	private static Locale locale(SourceReference reference) {
		String tag = reference.options().get(OPTION_LOCALE);
		return tag == null || tag.isBlank() ? Locale.getDefault() : Locale.forLanguageTag(tag);
	}

	private static String describe(Throwable e) {
		String message = e.getMessage();
		return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
	}
}
