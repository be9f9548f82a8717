package com.securemailmerge.recipients.excel;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import org.apache.poi.ss.usermodel.DataFormatter;

/**
 * A DataFormatter that remembers the text of numbers it already formatted, per number format.
 * Recipient lists repeat their dates, percentages and amounts a lot, and POI decides for every
 * cell anew whether its format is a date format (its own cache holds only the last format, which
 * alternating columns defeat). The text is exactly the formatter's; at most a bounded number of
 * values is kept per format.
 */
@org.eclipse.jdt.annotation.NonNullByDefault({}) // POI carries no null annotations
final class RepeatingValuesFormatter extends DataFormatter {

	private static final int LIMIT = 8192;

	private final Map<String, Map<Double, String>> formatted = new HashMap<>();

	RepeatingValuesFormatter(Locale locale) {
		super(locale);
	}

	@Override
	public String formatRawCellContents(double value, int formatIndex, String formatString, boolean use1904Windowing) {
		Map<Double, String> known = formatted.computeIfAbsent(formatIndex + (use1904Windowing ? "|1904|" : "|") + formatString, //$NON-NLS-1$ //$NON-NLS-2$
				f -> new HashMap<>());
		String text = known.get(value);
		if (text == null) {
			text = super.formatRawCellContents(value, formatIndex, formatString, use1904Windowing);
			if (known.size() < LIMIT) {
				known.put(value, text);
			}
		}
		return text;
	}
}
