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
 * <p>
 * A file is untrusted: a cell reference beyond Excel's own limits (16,384 columns, 1,048,576 rows)
 * is refused, and so is a sheet whose rows, filled up to their last cell, would hold more cells
 * than a recipient list can ({@link #MAX_CELLS}); both name the row, and nothing is allocated for
 * them. A 2 KB file with a cell at {@code ZZZZZZ1} can no longer exhaust the memory. A cell with
 * more text than Excel allows is refused too. Rows hidden in Excel are read like the others and
 * named to the builder, which warns of each: nobody gets a message the user cannot see coming.
 */
final class SheetRows implements SheetContentsHandler {

	/** Excel's limits. */
	static final int MAX_COLUMNS = 16_384;
	static final int MAX_ROWS = 1_048_576;
	/** Cells of all rows together, gaps filled: 200,000 recipients of 100 columns. */
	static final long MAX_CELLS = 20_000_000L;

	private final RecipientListBuilder builder;
	private final SubMonitor progress;
	private final List<String> cells = new ArrayList<>();
	private long total;
	private int rowNumber;
	private boolean nextHidden;
	private boolean hidden;

	SheetRows(RecipientListBuilder builder, SubMonitor progress) {
		this.builder = builder;
		this.progress = progress;
	}

	@Override
	public void startRow(int rowNum) {
		cells.clear();
		rowNumber = rowNum + 1;
		hidden = nextHidden;
		nextHidden = false;
		if (rowNum < 0 || rowNum >= MAX_ROWS) {
			throw new SheetRefusal(rowNumber, String.valueOf(rowNumber), SheetRefusal.Reason.OUT_OF_SHEET);
		}
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
		total += cells.size();
		if (total > MAX_CELLS) {
			throw new SheetRefusal(row, String.valueOf(row), SheetRefusal.Reason.TOO_MANY_CELLS);
		}
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
		if (hidden) {
			builder.hiddenRow(row);
		}
	}

	/** Whether the row that starts next is hidden in Excel (told before it starts). */
	void nextRowHidden(boolean hide) {
		nextHidden = hide;
	}

	/** The number of the row being read, as Excel shows it (1-based). */
	int row() {
		return rowNumber;
	}

	/**
	 * "AB12" -> 27: the letters of an A1 reference as a 0-based column, without parsing the rest;
	 * {@link Integer#MAX_VALUE} for a column beyond any sheet's (no overflow however long it is).
	 */
	static int column(String reference) {
		long column = 0;
		for (int i = 0; i < reference.length(); i++) {
			char c = reference.charAt(i);
			if (c >= 'A' && c <= 'Z') {
				column = column * 26 + (c - 'A' + 1);
			} else if (c >= 'a' && c <= 'z') {
				column = column * 26 + (c - 'a' + 1);
			} else if (c != '$') {
				break;
			}
			if (column > MAX_COLUMNS) {
				return Integer.MAX_VALUE;
			}
		}
		return (int) column - 1;
	}

	@Override
	public void cell(@Nullable String cellReference, @Nullable String formattedValue, @Nullable XSSFComment comment) {
		int column = cellReference == null ? cells.size() : column(cellReference);
		if (column >= MAX_COLUMNS || column < 0) {
			throw new SheetRefusal(rowNumber, String.valueOf(cellReference), SheetRefusal.Reason.OUT_OF_SHEET);
		}
		if (total + column > MAX_CELLS) {
			throw new SheetRefusal(rowNumber, String.valueOf(cellReference), SheetRefusal.Reason.TOO_MANY_CELLS);
		}
		if (formattedValue != null && formattedValue.length() > SheetFilter.MAX_CELL_CHARS) {
			throw new SheetRefusal(rowNumber, String.valueOf(cellReference), SheetRefusal.Reason.CELL_TOO_LONG);
		}
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
