package com.securemailmerge.recipients.excel;

import org.eclipse.jdt.annotation.Nullable;
import org.xml.sax.Attributes;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.XMLFilterImpl;

/**
 * Stands between the sheet's XML and POI's handler: tells the rows which of them Excel hides
 * ({@code <row hidden="1">}, by hand or by a filter), and refuses a cell whose text is longer than
 * Excel allows before POI has gathered it (an inline string in the sheet itself is collected in full
 * by POI, so a compressed file could otherwise fill the memory with one cell).
 */
final class SheetFilter extends XMLFilterImpl {

	/** Excel's limit of characters in a cell. */
	static final int MAX_CELL_CHARS = 32_767;
	/** Excel's limit of characters in a formula, which the cell's XML holds beside its value. */
	static final int MAX_FORMULA_CHARS = 8_192;

	private final SheetRows rows;
	private boolean inCell;
	private @Nullable String cell;
	private long chars;

	SheetFilter(XMLReader parent, SheetRows rows) {
		super(parent);
		this.rows = rows;
		// the parse sets this filter as the parser's resolver: it must answer as POI's secure one does
		// (external entities are never read), not with null, which lets the parser open them itself
		setEntityResolver(parent.getEntityResolver());
	}

	@Override
	public void startElement(@Nullable String uri, @Nullable String localName, @Nullable String qName,
			@Nullable Attributes attributes) throws SAXException {
		String name = localName == null || localName.isEmpty() ? qName : localName;
		if ("row".equals(name) && attributes != null) { //$NON-NLS-1$
			String hidden = attributes.getValue("hidden"); //$NON-NLS-1$
			rows.nextRowHidden("1".equals(hidden) || "true".equalsIgnoreCase(hidden)); //$NON-NLS-1$ //$NON-NLS-2$
		} else if ("c".equals(name)) { //$NON-NLS-1$
			inCell = true;
			chars = 0;
			cell = attributes == null ? null : attributes.getValue("r"); //$NON-NLS-1$
		}
		super.startElement(uri, localName, qName, attributes);
	}

	@Override
	public void endElement(@Nullable String uri, @Nullable String localName, @Nullable String qName)
			throws SAXException {
		String name = localName == null || localName.isEmpty() ? qName : localName;
		if ("c".equals(name)) { //$NON-NLS-1$
			inCell = false;
		}
		super.endElement(uri, localName, qName);
	}

	@Override
	public void characters(char @Nullable [] ch, int start, int length) throws SAXException {
		if (inCell) {
			chars += length;
			if (chars > MAX_CELL_CHARS + MAX_FORMULA_CHARS) {
				throw new SheetRows.Refused(rows.row(), String.valueOf(cell), SheetRows.Reason.CELL_TOO_LONG);
			}
		}
		super.characters(ch, start, length);
	}
}
