package com.securemailmerge.recipients.ods;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;

import org.codehaus.stax2.XMLStreamReader2;
import org.eclipse.core.runtime.OperationCanceledException;
import org.eclipse.core.runtime.SubMonitor;
import org.eclipse.jdt.annotation.Nullable;

import com.ctc.wstx.api.WstxInputProperties;
import com.ctc.wstx.stax.WstxInputFactory;

/**
 * Reads the spreadsheet's content (content.xml of an .ods, or a whole .fods) as a stream, one row at
 * a time, and hands the rows of one sheet to {@link SheetRows}: the named sheet, or the first visible
 * one. LibreOffice stores identical rows and cells once with a repeat count: repeated blank rows and
 * cells (a formatted sheet ends with a million of them) cost nothing, repeated values are expanded
 * within the sheet's limits. Hidden rows ({@code table:visibility} collapse or filter) are named;
 * a merged area's value stays in its first cell; comments are not values.
 */
final class ContentReader {

	static final String OFFICE = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"; //$NON-NLS-1$
	static final String TABLE = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"; //$NON-NLS-1$
	static final String TEXT = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"; //$NON-NLS-1$
	static final String STYLE = "urn:oasis:names:tc:opendocument:xmlns:style:1.0"; //$NON-NLS-1$

	/** LibreOffice's limits since 7.4 (earlier: 1,024 columns). */
	static final int MAX_COLUMNS = 16_384;
	static final int MAX_ROWS = 1_048_576;
	/** LibreOffice's limit of sheets; table styles bounded likewise (a sheet has one). */
	static final int MAX_SHEETS = 10_000;
	static final int MAX_TABLE_STYLES = 100_000;
	/** Characters of all cells read together, as the Excel source bounds its shared texts. */
	static final long MAX_TEXT = 64L * 1024 * 1024;

	private final SheetRows rows;
	private final @Nullable String wanted;
	private final SubMonitor progress;
	private final Set<String> hiddenStyles = new HashSet<>();
	private final List<String> names = new ArrayList<>();
	private final List<String> hiddenBefore = new ArrayList<>();
	private final CellReader cellReader = new CellReader();
	private final List<String> cells = new ArrayList<>();
	private @Nullable String read;
	private int row;
	private long textRead;

	ContentReader(SheetRows rows, @Nullable String wanted, SubMonitor progress) {
		this.rows = rows;
		this.wanted = wanted;
		this.progress = progress;
	}

	/** The sheet that was read (null: none, see {@link #names()}). */
	@Nullable
	String sheet() {
		return read;
	}

	/** Every sheet's name up to the one read (all of them when none was read). */
	List<String> names() {
		return names;
	}

	/** The hidden sheets before the one read when no sheet was named. */
	List<String> hiddenBefore() {
		return hiddenBefore;
	}

	static XMLInputFactory factory() {
		XMLInputFactory factory = new WstxInputFactory();
		factory.setProperty(XMLInputFactory.SUPPORT_DTD, Boolean.FALSE);
		factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, Boolean.FALSE);
		factory.setProperty(XMLInputFactory.IS_COALESCING, Boolean.FALSE);
		// no spreadsheet comes near these; a hostile file stops at them instead of filling the memory
		factory.setProperty(WstxInputProperties.P_MAX_ATTRIBUTE_SIZE, Integer.valueOf(64 * 1024));
		factory.setProperty(WstxInputProperties.P_MAX_ATTRIBUTES_PER_ELEMENT, Integer.valueOf(256));
		factory.setProperty(WstxInputProperties.P_MAX_ELEMENT_DEPTH, Integer.valueOf(256));
		factory.setProperty(WstxInputProperties.P_MAX_TEXT_LENGTH, Integer.valueOf(4 * CellText.MAX_CHARS));
		return factory;
	}

	void read(InputStream in) throws XMLStreamException {
		XMLStreamReader2 xml = (XMLStreamReader2) factory().createXMLStreamReader(in);
		try {
			String tableStyle = null;
			while (xml.hasNext()) {
				int event = xml.next();
				if (event == XMLStreamConstants.DTD) {
					throw new OdsRefusal(OdsRefusal.Reason.NOT_A_SPREADSHEET, 0, 0, "DOCTYPE"); //$NON-NLS-1$
				}
				if (event != XMLStreamConstants.START_ELEMENT) {
					continue;
				}
				if (is(xml, STYLE, "style")) { //$NON-NLS-1$
					tableStyle = "table".equals(xml.getAttributeValue(STYLE, "family")) //$NON-NLS-1$ //$NON-NLS-2$
							? xml.getAttributeValue(STYLE, "name") : null; //$NON-NLS-1$
				} else if (is(xml, STYLE, "table-properties") && tableStyle != null //$NON-NLS-1$
						&& "false".equals(xml.getAttributeValue(TABLE, "display"))) { //$NON-NLS-1$ //$NON-NLS-2$
					if (hiddenStyles.size() >= MAX_TABLE_STYLES) {
						throw new OdsRefusal(OdsRefusal.Reason.TOO_MANY_SHEETS, 0, 0, ""); //$NON-NLS-1$
					}
					hiddenStyles.add(tableStyle);
				} else if (is(xml, TABLE, "table")) { //$NON-NLS-1$
					String name = String.valueOf(xml.getAttributeValue(TABLE, "name")); //$NON-NLS-1$
					String style = xml.getAttributeValue(TABLE, "style-name"); //$NON-NLS-1$
					boolean hidden = style != null && hiddenStyles.contains(style);
					if (names.size() >= MAX_SHEETS) {
						throw new OdsRefusal(OdsRefusal.Reason.TOO_MANY_SHEETS, 0, 0, ""); //$NON-NLS-1$
					}
					names.add(name);
					String target = wanted;
					if (target == null ? !hidden : target.equals(name)) {
						read = name;
						table(xml);
						return; // the rest of the file is not needed
					}
					if (target == null) {
						hiddenBefore.add(name);
					}
					xml.skipElement();
				}
			}
		} finally {
			xml.closeCompletely();
		}
	}

	static boolean is(XMLStreamReader2 xml, String namespace, String local) {
		return local.equals(xml.getLocalName()) && namespace.equals(xml.getNamespaceURI());
	}

	/** A repeat count: 1 when absent or not a positive number; at most {@code max}. */
	private static int repeat(XMLStreamReader2 xml, String attribute, int max) {
		String value = xml.getAttributeValue(TABLE, attribute);
		if (value == null) {
			return 1;
		}
		try {
			long count = Long.parseLong(value.strip());
			return count < 1 ? 1 : (int) Math.min(count, max);
		} catch (NumberFormatException e) {
			return 1;
		}
	}

	/** The rows of one table, through its row groups and header rows; columns and shapes are skipped. */
	private void table(XMLStreamReader2 xml) throws XMLStreamException {
		while (xml.hasNext()) {
			int event = xml.next();
			if (event == XMLStreamConstants.END_ELEMENT && is(xml, TABLE, "table")) { //$NON-NLS-1$
				return;
			}
			if (event != XMLStreamConstants.START_ELEMENT) {
				continue;
			}
			if (is(xml, TABLE, "table-row")) { //$NON-NLS-1$
				row(xml);
			} else if (!is(xml, TABLE, "table-header-rows") && !is(xml, TABLE, "table-row-group") //$NON-NLS-1$ //$NON-NLS-2$
					&& !is(xml, TABLE, "table-rows")) { //$NON-NLS-1$
				xml.skipElement();
			}
		}
	}

	private void row(XMLStreamReader2 xml) throws XMLStreamException {
		int repeat = repeat(xml, "number-rows-repeated", MAX_ROWS); //$NON-NLS-1$
		String visibility = xml.getAttributeValue(TABLE, "visibility"); //$NON-NLS-1$
		boolean hidden = "collapse".equals(visibility) || "filter".equals(visibility); //$NON-NLS-1$ //$NON-NLS-2$
		cells.clear();
		long blanks = 0; // blank cells not added yet: only a value after them makes them count
		while (xml.hasNext()) {
			int event = xml.next();
			if (event == XMLStreamConstants.END_ELEMENT && is(xml, TABLE, "table-row")) { //$NON-NLS-1$
				break;
			}
			if (event != XMLStreamConstants.START_ELEMENT) {
				continue;
			}
			boolean cell = is(xml, TABLE, "table-cell"); //$NON-NLS-1$
			if (!cell && !is(xml, TABLE, "covered-table-cell")) { //$NON-NLS-1$
				xml.skipElement();
				continue;
			}
			int columns = repeat(xml, "number-columns-repeated", MAX_COLUMNS); //$NON-NLS-1$
			long column = cells.size() + blanks + 1;
			String value = cell ? cellReader.read(xml, row + 1, (int) Math.min(column, Integer.MAX_VALUE)) : skip(xml);
			if (value.isEmpty()) {
				blanks += columns;
				continue;
			}
			textRead += value.length(); // a repeated value is one string, however often it repeats
			if (textRead > MAX_TEXT) {
				throw new OdsRefusal(OdsRefusal.Reason.TOO_MUCH_TEXT, row + 1, (int) Math.min(column, Integer.MAX_VALUE), ""); //$NON-NLS-1$
			}
			if (column + columns - 1 > MAX_COLUMNS) {
				throw new OdsRefusal(OdsRefusal.Reason.OUT_OF_SHEET, row + 1, (int) Math.min(column, Integer.MAX_VALUE), ""); //$NON-NLS-1$
			}
			for (; blanks > 0; blanks--) {
				cells.add(""); //$NON-NLS-1$
			}
			for (int i = 0; i < columns; i++) {
				cells.add(value);
			}
		}
		if (cells.isEmpty()) {
			row = (int) Math.min((long) row + repeat, MAX_ROWS + 1L); // a million blank rows: counted, not read
			return;
		}
		for (int i = 0; i < repeat; i++) {
			row++;
			if (row > MAX_ROWS) {
				throw new OdsRefusal(OdsRefusal.Reason.OUT_OF_SHEET, row, 1, ""); //$NON-NLS-1$
			}
			if ((row & 1023) == 0) {
				if (progress.isCanceled()) {
					throw new OperationCanceledException();
				}
				progress.setWorkRemaining(1000).worked(1);
			}
			rows.row(row, cells, hidden);
		}
	}

	private static String skip(XMLStreamReader2 xml) throws XMLStreamException {
		xml.skipElement();
		return ""; //$NON-NLS-1$
	}
}
