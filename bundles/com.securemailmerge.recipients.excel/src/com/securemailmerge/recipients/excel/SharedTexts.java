package com.securemailmerge.recipients.excel;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.ss.usermodel.RichTextString;
import org.apache.poi.xssf.model.SharedStrings;
import org.apache.poi.hssf.usermodel.HSSFRichTextString;
import org.eclipse.jdt.annotation.Nullable;
import org.xml.sax.Attributes;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * The workbook's table of shared texts, which every text cell refers to by number, read within
 * bounds, since it is held in memory whole: no text longer than a cell can hold, at most
 * {@link #MAX_TEXTS} texts and {@link #MAX_CHARS} characters in all, and at most
 * {@link ExcelRecipientSource#MAX_SHARED_TEXT} bytes of XML. Phonetic runs ({@code rPh}) are left
 * out, as Excel shows the text without them.
 */
final class SharedTexts extends DefaultHandler implements SharedStrings {

	static final String MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"; //$NON-NLS-1$
	/** Texts: 200,000 recipients with ten distinct texts each. */
	static final int MAX_TEXTS = 2_000_000;
	/** Characters of all texts together. */
	static final long MAX_CHARS = 64L * 1024 * 1024;

	/** The table is beyond a bound: {@code what} names which. */
	static final class TooMuch extends RuntimeException {

		private static final long serialVersionUID = 1L;
		final String what;

		TooMuch(String what) {
			super(what, null, false, false);
			this.what = what;
		}
	}

	private final List<String> texts = new ArrayList<>();
	private @Nullable StringBuilder text;
	private boolean inT;
	private int phonetic;
	private long chars;

	private SharedTexts() {
	}

	/** The texts of this part (its XML, read to the byte bound). */
	static SharedTexts read(InputStream xml) throws IOException, SAXException {
		SharedTexts table = new SharedTexts();
		BoundedInput.parse(xml, ExcelRecipientSource.MAX_SHARED_TEXT, table);
		return table;
	}

	/**
	 * The table of shared texts, which POI holds in memory whole: read to {@link ExcelRecipientSource#MAX_SHARED_TEXT}
	 * bytes of XML, so a file that expands to more is refused before it fills the memory.
	 */
	static SharedTexts of(org.apache.poi.openxml4j.opc.OPCPackage pkg) throws IOException, SAXException {
		List<org.apache.poi.openxml4j.opc.PackagePart> parts = pkg
				.getPartsByContentType(org.apache.poi.xssf.usermodel.XSSFRelation.SHARED_STRINGS.getContentType());
		if (parts.isEmpty()) {
			return none();
		}
		try (InputStream in = parts.get(0).getInputStream()) {
			return read(in);
		}
	}

	/**
	 * The parts POI reads whole into memory besides the texts (the styles, the workbook's list of
	 * sheets), measured before POI reads them: each to {@link ExcelRecipientSource#MAX_PART} bytes.
	 */
	static void measureStyles(org.apache.poi.xssf.eventusermodel.XSSFReader reader)
			throws IOException, org.apache.poi.openxml4j.exceptions.InvalidFormatException {
		for (InputStream part : new InputStream[] { reader.getStylesData() }) {
			try (InputStream in = new BoundedInput(part, ExcelRecipientSource.MAX_PART)) {
				in.transferTo(java.io.OutputStream.nullOutputStream());
			} catch (BoundedInput.TooLarge e) {
				throw new BoundedInput.TooLarge(e.bound, true);
			}
		}
	}

	/** An empty table (the workbook has none: it holds no text cells). */
	static SharedTexts none() {
		return new SharedTexts();
	}

	@Override
	public void startElement(@Nullable String uri, @Nullable String localName, @Nullable String qName,
			@Nullable Attributes attributes) {
		if (!MAIN.equals(uri) || localName == null) {
			return;
		}
		switch (localName) {
		case "si" -> text = new StringBuilder(); //$NON-NLS-1$
		case "t" -> inT = true; //$NON-NLS-1$
		case "rPh" -> phonetic++; //$NON-NLS-1$
		default -> {
			// runs (r), their properties (rPr) and the rest carry no text of their own
		}
		}
	}

	@Override
	public void endElement(@Nullable String uri, @Nullable String localName, @Nullable String qName) {
		if (!MAIN.equals(uri) || localName == null) {
			return;
		}
		switch (localName) {
		case "t" -> inT = false; //$NON-NLS-1$
		case "rPh" -> phonetic = Math.max(0, phonetic - 1); //$NON-NLS-1$
		case "si" -> { //$NON-NLS-1$
			StringBuilder done = text;
			texts.add(done == null || done.length() == 0 ? "" : done.toString()); //$NON-NLS-1$
			text = null;
			if (texts.size() > MAX_TEXTS) {
				throw new TooMuch(Messages.Excel_tooManyTexts);
			}
		}
		default -> {
			// nothing to close
		}
		}
	}

	@Override
	public void characters(char @Nullable [] ch, int start, int length) {
		StringBuilder current = text;
		if (current == null || !inT || phonetic > 0 || ch == null) {
			return;
		}
		if (current.length() + length > SheetFilter.MAX_CELL_CHARS) {
			throw new TooMuch(Messages.Excel_textTooLong);
		}
		chars += length;
		if (chars > MAX_CHARS) {
			throw new TooMuch(Messages.Excel_tooManyChars);
		}
		current.append(ch, start, length);
	}

	@Override
	public RichTextString getItemAt(int idx) {
		// POI reads only its text (toString); HSSF's kind is a plain string, no XML beans behind it
		return new HSSFRichTextString(idx >= 0 && idx < texts.size() ? texts.get(idx) : ""); //$NON-NLS-1$
	}

	@Override
	public int getCount() {
		return texts.size();
	}

	@Override
	public int getUniqueCount() {
		return texts.size();
	}
}
