package com.securemailmerge.recipients.excel;

/**
 * A sheet beyond the limits: which row, which cell and why. A class of its own, free of POI's types,
 * so that bundles compiling against the source (the samples' tests) need no POI on their class path.
 */
final class SheetRefusal extends RuntimeException {

	/** Why a sheet was refused. */
	enum Reason {
		/** A cell reference beyond Excel's columns or rows. */
		OUT_OF_SHEET,
		/** More cells, gaps filled, than {@link SheetRows#MAX_CELLS}. */
		TOO_MANY_CELLS,
		/** A cell with more text than Excel allows ({@link SheetFilter#MAX_CELL_CHARS}). */
		CELL_TOO_LONG
	}

	private static final long serialVersionUID = 1L;
	final int row;
	final String reference;
	final Reason reason;

	SheetRefusal(int row, String reference, Reason reason) {
		super(reference, null, false, false);
		this.row = row;
		this.reference = reference;
		this.reason = reason;
	}
}
