package com.securemailmerge.recipients.excel;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.jdt.annotation.Nullable;
import org.xml.sax.Attributes;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * The workbook's sheets in their order and which of them Excel hides ({@code state="hidden"} or
 * {@code "veryHidden"}), read from its list of sheets within {@link ExcelRecipientSource#MAX_PART}
 * bytes: without a sheet named, the reader takes the first visible one, as Excel opens on it, so a
 * hidden first sheet cannot supply recipients nobody sees.
 */
final class WorkbookSheets extends DefaultHandler {

	private final List<String> names = new ArrayList<>();
	private final List<Boolean> hidden = new ArrayList<>();

	private WorkbookSheets() {
	}

	static WorkbookSheets read(InputStream xml) throws IOException, SAXException {
		WorkbookSheets sheets = new WorkbookSheets();
		try {
			BoundedInput.parse(xml, ExcelRecipientSource.MAX_PART, sheets);
		} catch (BoundedInput.TooLarge e) {
			throw new BoundedInput.TooLarge(e.bound, true);
		}
		return sheets;
	}

	@Override
	public void startElement(@Nullable String uri, @Nullable String localName, @Nullable String qName,
			@Nullable Attributes attributes) {
		if ("sheet".equals(localName) && SharedTexts.MAIN.equals(uri) && attributes != null) { //$NON-NLS-1$
			String name = attributes.getValue("name"); //$NON-NLS-1$
			String state = attributes.getValue("state"); //$NON-NLS-1$
			names.add(name == null ? "" : name); //$NON-NLS-1$
			hidden.add(Boolean.valueOf(state != null && !"visible".equals(state.strip()))); //$NON-NLS-1$
		}
	}

	/** The first sheet Excel shows; the first of all when every one is hidden; null without sheets. */
	@Nullable
	String firstVisible() {
		for (int i = 0; i < names.size(); i++) {
			if (!hidden.get(i).booleanValue()) {
				return names.get(i);
			}
		}
		return names.isEmpty() ? null : names.get(0);
	}

	/** The hidden sheets before this one. */
	List<String> hiddenBefore(String sheet) {
		List<String> before = new ArrayList<>();
		for (int i = 0; i < names.size() && !names.get(i).equals(sheet); i++) {
			if (hidden.get(i).booleanValue()) {
				before.add(names.get(i));
			}
		}
		return before;
	}
}
