package com.securemailmerge.recipients.ods;

/**
 * A spreadsheet the reader will not take further, where it stopped: a cell beyond the sheet's
 * limits, more cells than a recipient list holds, a cell with too much text, XML that is not a
 * spreadsheet's (a DOCTYPE, nesting deeper than any spreadsheet has, a huge attribute).
 */
final class OdsRefusal extends RuntimeException {

	private static final long serialVersionUID = 1L;

	enum Reason {
		OUT_OF_SHEET, TOO_MANY_CELLS, CELL_TOO_LONG, TOO_MUCH_TEXT, TOO_MANY_SHEETS, NOT_A_SPREADSHEET
	}

	final Reason reason;
	/** The row (1-based) and column (1-based) where it stopped; 0 when not in a cell. */
	final int row;
	final int column;

	OdsRefusal(Reason reason, int row, int column, String detail) {
		super(detail);
		this.reason = reason;
		this.row = row;
		this.column = column;
	}
}
