package com.securemailmerge.recipients.excel;

import org.eclipse.jdt.annotation.Nullable;
import org.xml.sax.Attributes;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.XMLFilterImpl;

/**
 * Stands between the sheet's XML and POI's handler. It tells the rows which of them Excel hides
 * ({@code <row hidden="1">} by hand or by a filter, a row of zero height, or every row without a
 * height of its own when the sheet hides rows by default), and it bounds the text POI gathers:
 * POI collects every character inside a value, inline string, formula or header or footer in full
 * before anything sees it, wherever in the sheet such an element stands, so a compressed file could
 * fill the memory with one cell. The filter follows the same elements (of the sheet's namespace, as
 * POI does): every character while one of them is open counts, and a count begins only when the
 * first of them opens, so nested or repeated runs, elements of other namespaces and values outside
 * a cell are all counted.
 */
final class SheetFilter extends XMLFilterImpl {

	/** Excel's limit of characters in a cell. */
	static final int MAX_CELL_CHARS = 32_767;
	/** Characters of one gathered text: a value (or formula, header, footer) and the white space of indented XML. */
	static final int MAX_CHARS = MAX_CELL_CHARS + 4_096;
	/** The elements whose text POI gathers. */
	private static final java.util.Set<String> GATHERED = java.util.Set.of("v", "t", "is", "f", "oddHeader", "oddFooter", //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$ //$NON-NLS-5$ //$NON-NLS-6$
			"evenHeader", "evenFooter", "firstHeader", "firstFooter"); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$

	private final SheetRows rows;
	private @Nullable String cell;
	private long chars;
	private int open;
	private boolean hiddenByDefault;

	SheetFilter(XMLReader parent, SheetRows rows) {
		super(parent);
		this.rows = rows;
		// the parse makes this filter the parser's resolver and error handler: they must answer as
		// POI's do (its parser also refuses a DOCTYPE; this is the second line)
		setEntityResolver(parent.getEntityResolver());
		setErrorHandler(parent.getErrorHandler());
	}

	@Override
	public void startElement(@Nullable String uri, @Nullable String localName, @Nullable String qName,
			@Nullable Attributes attributes) throws SAXException {
		if (SharedTexts.MAIN.equals(uri) && localName != null) {
			switch (localName) {
			case "sheetFormatPr" -> hiddenByDefault = attributes != null && on(attributes.getValue("zeroHeight")); //$NON-NLS-1$ //$NON-NLS-2$
			case "row" -> { //$NON-NLS-1$
				cell = null;
				rows.nextRowHidden(attributes != null && hidden(attributes));
			}
			case "c" -> cell = attributes == null ? null : attributes.getValue("r"); //$NON-NLS-1$
			default -> {
				// nothing to note
			}
			}
			if (GATHERED.contains(localName) && open++ == 0) {
				chars = 0;
			}
		}
		super.startElement(uri, localName, qName, attributes);
	}

	@Override
	public void endElement(@Nullable String uri, @Nullable String localName, @Nullable String qName)
			throws SAXException {
		if (SharedTexts.MAIN.equals(uri) && localName != null && GATHERED.contains(localName) && open > 0) {
			open--;
		}
		super.endElement(uri, localName, qName);
	}

	private boolean hidden(Attributes row) {
		String hidden = row.getValue("hidden"); //$NON-NLS-1$
		if (hidden != null) {
			return on(hidden);
		}
		String height = row.getValue("ht"); //$NON-NLS-1$
		if (height != null) {
			try {
				return Double.parseDouble(height.strip()) <= 0;
			} catch (NumberFormatException e) {
				return false;
			}
		}
		return hiddenByDefault;
	}

	private static boolean on(@Nullable String flag) {
		return flag != null && ("1".equals(flag.strip()) || "true".equalsIgnoreCase(flag.strip())); //$NON-NLS-1$ //$NON-NLS-2$
	}

	@Override
	public void characters(char @Nullable [] ch, int start, int length) throws SAXException {
		if (open > 0) {
			chars += length;
		}
		if (chars > MAX_CHARS) {
			String reference = cell;
			throw new SheetRefusal(rows.row(), reference == null ? "#" + Math.max(1, rows.row()) : reference, //$NON-NLS-1$
					SheetRefusal.Reason.CELL_TOO_LONG);
		}
		super.characters(ch, start, length);
	}
}
