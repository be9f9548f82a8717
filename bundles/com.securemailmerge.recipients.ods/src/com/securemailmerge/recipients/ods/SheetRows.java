package com.securemailmerge.recipients.ods;

import java.util.ArrayList;
import java.util.List;

import com.securemailmerge.model.FieldValue;
import com.securemailmerge.recipients.RecipientListBuilder;

/**
 * Hands the sheet's rows to the builder: the first non-blank one as the header, the others as
 * recipients, the hidden ones named. Bounded like the Excel source: at most {@link #MAX_CELLS}
 * cells in all rows together.
 */
final class SheetRows {

	/** 200,000 recipients of 100 columns. */
	static final long MAX_CELLS = 20_000_000L;

	private final RecipientListBuilder builder;
	private long total;

	SheetRows(RecipientListBuilder builder) {
		this.builder = builder;
	}

	void row(int number, List<String> cells, boolean hidden) {
		total += cells.size();
		if (total > MAX_CELLS) {
			throw new OdsRefusal(OdsRefusal.Reason.TOO_MANY_CELLS, number, cells.size(), ""); //$NON-NLS-1$
		}
		if (!builder.hasHeader()) {
			if (cells.stream().anyMatch(c -> !c.isBlank())) {
				builder.header(List.copyOf(cells), number);
			}
			return;
		}
		List<FieldValue> values = new ArrayList<>(cells.size());
		for (String cell : cells) {
			values.add(FieldValue.text(cell));
		}
		builder.row(number, values);
		if (hidden) {
			builder.hiddenRow(number);
		}
	}
}
