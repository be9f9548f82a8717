package com.securemailmerge.recipients.ods;

import static com.securemailmerge.recipients.ods.ContentReader.OFFICE;
import static com.securemailmerge.recipients.ods.ContentReader.TABLE;
import static com.securemailmerge.recipients.ods.ContentReader.TEXT;
import static com.securemailmerge.recipients.ods.ContentReader.is;

import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;

import org.codehaus.stax2.XMLStreamReader2;
import org.eclipse.jdt.annotation.Nullable;

/**
 * Reads one {@code table:table-cell}: its text as LibreOffice displays it ({@link CellText}), or,
 * without any paragraph, its value as stored (files written by other programs). Comments,
 * footnotes and shapes in a cell are not its value. Reused for every cell of a sheet.
 */
final class CellReader {

	private final CellText text = new CellText();

	/** The cell's text as displayed; without any, its value as stored (files written by other programs). */
	String read(XMLStreamReader2 xml, int row, int column) throws XMLStreamException {
		String fallback = fallback(xml);
		text.clear();
		int paragraphs = 0;
		while (xml.hasNext()) {
			int event = xml.next();
			switch (event) {
			case XMLStreamConstants.START_ELEMENT -> {
				if (is(xml, TEXT, "p") || is(xml, TEXT, "h")) { //$NON-NLS-1$ //$NON-NLS-2$
					if (paragraphs++ == 0) {
						text.paragraph();
					} else {
						text.lineBreak(); // a paragraph inside a paragraph (a text box): on its own line
					}
				} else if (is(xml, TEXT, "s")) { //$NON-NLS-1$
					text.spaces(spaces(xml.getAttributeValue(TEXT, "c"))); //$NON-NLS-1$
				} else if (is(xml, TEXT, "tab")) { //$NON-NLS-1$
					text.tab();
				} else if (is(xml, TEXT, "line-break")) { //$NON-NLS-1$
					text.lineBreak();
				} else if (is(xml, OFFICE, "annotation") || is(xml, TEXT, "note") || paragraphs == 0) { //$NON-NLS-1$ //$NON-NLS-2$
					xml.skipElement(); // a comment, a footnote, a picture or shape: not the cell's value
				}
				// text:span, text:a and other inline elements: their text counts
			}
			case XMLStreamConstants.END_ELEMENT -> {
				if (is(xml, TABLE, "table-cell")) { //$NON-NLS-1$
					if (text.isTooLong()) {
						throw new OdsRefusal(OdsRefusal.Reason.CELL_TOO_LONG, row, column, ""); //$NON-NLS-1$
					}
					return text.hasParagraphs() ? text.toString() : fallback;
				}
				if (is(xml, TEXT, "p") || is(xml, TEXT, "h")) { //$NON-NLS-1$ //$NON-NLS-2$
					paragraphs--; // the cell's next paragraph starts a new line (paragraph() adds it)
				}
			}
			case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
				if (paragraphs > 0) {
					text.characters(xml.getTextCharacters(), xml.getTextStart(), xml.getTextLength());
				}
			}
			default -> {
				// comments and processing instructions are not text
			}
			}
		}
		return text.toString();
	}

	private static int spaces(@Nullable String count) {
		if (count == null) {
			return 1;
		}
		try {
			return Math.max(1, Math.min(Integer.parseInt(count.strip()), CellText.MAX_CHARS + 1));
		} catch (NumberFormatException e) {
			return 1;
		}
	}

	/** The stored value of a cell that has no text (LibreOffice always writes the text). */
	private static String fallback(XMLStreamReader2 xml) {
		String type = xml.getAttributeValue(OFFICE, "value-type"); //$NON-NLS-1$
		if (type == null) {
			return ""; //$NON-NLS-1$
		}
		String value = switch (type) {
		case "date" -> xml.getAttributeValue(OFFICE, "date-value"); //$NON-NLS-1$ //$NON-NLS-2$
		case "time" -> xml.getAttributeValue(OFFICE, "time-value"); //$NON-NLS-1$ //$NON-NLS-2$
		case "boolean" -> xml.getAttributeValue(OFFICE, "boolean-value"); //$NON-NLS-1$ //$NON-NLS-2$
		case "string" -> xml.getAttributeValue(OFFICE, "string-value"); //$NON-NLS-1$ //$NON-NLS-2$
		default -> xml.getAttributeValue(OFFICE, "value"); //$NON-NLS-1$
		};
		return value == null ? "" : value; //$NON-NLS-1$
	}
}
