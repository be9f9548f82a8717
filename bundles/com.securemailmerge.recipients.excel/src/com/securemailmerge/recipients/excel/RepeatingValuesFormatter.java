package com.securemailmerge.recipients.excel;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;

/**
 * A DataFormatter that remembers the text of numbers it already formatted, per number format.
 * Recipient lists repeat their dates, percentages and amounts a lot, and POI decides for every
 * cell anew whether its format is a date format (its own cache holds only the last format, which
 * alternating columns defeat). The text is exactly the formatter's; at most a bounded number of
 * values is kept per format.
 * <p>
 * In a date format, "/" is the date separator, which Excel (and LibreOffice) show as the one of the
 * user's locale: {@code dd/mm/yyyy}, as LibreOffice writes a German date into .xlsx, is 01.03.2015
 * in German, 01/03/2015 in British English. POI prints the slash; this formatter shows the
 * separator of its locale (a quoted or escaped slash stays one).
 */
@org.eclipse.jdt.annotation.NonNullByDefault({}) // POI carries no null annotations
final class RepeatingValuesFormatter extends DataFormatter {

	private static final int LIMIT = 8192;

	private final Map<String, Map<Double, String>> formatted = new HashMap<>();
	private final char dateSeparator;

	RepeatingValuesFormatter(Locale locale) {
		super(locale);
		dateSeparator = dateSeparator(locale);
	}

	/** The first character between the fields of the locale's short date ("dd.MM.yy": '.'). */
	static char dateSeparator(Locale locale) {
		String pattern = java.time.format.DateTimeFormatterBuilder.getLocalizedDateTimePattern(
				java.time.format.FormatStyle.SHORT, null, java.time.chrono.IsoChronology.INSTANCE, locale);
		for (char c : pattern.toCharArray()) {
			if (!Character.isLetter(c) && c != '\'' && c != ' ') {
				return c;
			}
		}
		return '/';
	}

	/** The format with every unquoted, unescaped "/" outside brackets as {@code separator}. */
	static String localized(String format, char separator) {
		if (separator == '/' || format.indexOf('/') < 0) {
			return format;
		}
		StringBuilder result = new StringBuilder(format.length());
		boolean quoted = false;
		int bracket = 0;
		for (int i = 0; i < format.length(); i++) {
			char c = format.charAt(i);
			if (c == '\\' && !quoted && i + 1 < format.length()) {
				result.append(c).append(format.charAt(++i));
				continue;
			}
			if (c == '"') {
				quoted = !quoted;
			} else if (!quoted && c == '[') {
				bracket++;
			} else if (!quoted && c == ']' && bracket > 0) {
				bracket--;
			} else if (c == '/' && !quoted && bracket == 0) {
				result.append(separator);
				continue;
			}
			result.append(c);
		}
		return result.toString();
	}

	@Override
	public String formatRawCellContents(double value, int formatIndex, String formatString, boolean use1904Windowing) {
		Map<Double, String> known = formatted.computeIfAbsent(formatIndex + (use1904Windowing ? "|1904|" : "|") + formatString, //$NON-NLS-1$ //$NON-NLS-2$
				f -> new HashMap<>());
		String text = known.get(value);
		if (text == null) {
			String format = formatString != null && formatIndex != 14 && formatIndex != 22 && DateUtil.isADateFormat(formatIndex, formatString)
					? localized(formatString, dateSeparator) : formatString; // 14, 22: Excel's own short date (and time), as POI shows them
			text = super.formatRawCellContents(value, formatIndex, format, use1904Windowing);
			if (known.size() < LIMIT) {
				known.put(value, text);
			}
		}
		return text;
	}
}
