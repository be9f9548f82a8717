package com.securemailmerge.recipients.excel;

import java.util.ArrayList;
import java.util.List;

import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler.SheetContentsHandler;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.eclipse.core.runtime.OperationCanceledException;
import org.eclipse.core.runtime.SubMonitor;
import org.eclipse.jdt.annotation.Nullable;

import com.securemailmerge.model.FieldValue;
import com.securemailmerge.recipients.RecipientListBuilder;

/**
 * Collects the cells of one row at a time (POI leaves out empty cells, so gaps are filled from the
 * cell references) and hands each row to the builder: the first non-blank one as the header.
 */
final class SheetRows implements SheetContentsHandler {

	private final RecipientListBuilder builder;
	private final SubMonitor progress;
	private final List<String> cells = new ArrayList<>();

	SheetRows(RecipientListBuilder builder, SubMonitor progress) {
		this.builder = builder;
		this.progress = progress;
	}

	@Override
	public void startRow(int rowNum) {
		cells.clear();
		if ((rowNum & 1023) == 0) {
			if (progress.isCanceled()) {
				throw new OperationCanceledException();
			}
			progress.setWorkRemaining(1000).worked(1);
		}
	}

	@Override
	public void endRow(int rowNum) {
		int row = rowNum + 1;
		if (!builder.hasHeader()) {
			if (cells.stream().anyMatch(c -> !c.isBlank())) {
				builder.header(List.copyOf(cells), row);
			}
			return;
		}
		List<FieldValue> values = new ArrayList<>(cells.size());
		for (String cell : cells) {
			values.add(FieldValue.text(cell));
		}
		builder.row(row, values);
	}

	/** "AB12" -> 27: the letters of an A1 reference as a 0-based column, without parsing the rest. */
	static int column(String reference) {
		int column = 0;
		for (int i = 0; i < reference.length(); i++) {
			char c = reference.charAt(i);
			if (c >= 'A' && c <= 'Z') {
				column = column * 26 + (c - 'A' + 1);
			} else if (c >= 'a' && c <= 'z') {
				column = column * 26 + (c - 'a' + 1);
			} else if (c != '$') {
				break;
			}
		}
		return column - 1;
	}

	@Override
	public void cell(@Nullable String cellReference, @Nullable String formattedValue, @Nullable XSSFComment comment) {
		int column = cellReference == null ? cells.size() : column(cellReference);
		while (cells.size() < column) {
			cells.add(""); //$NON-NLS-1$
		}
		String value = formattedValue == null ? "" : formattedValue; //$NON-NLS-1$
		if (column < cells.size()) {
			cells.set(column, value);
		} else {
			cells.add(value);
		}
	}
}
