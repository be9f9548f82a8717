package com.securemailmerge.merge.internal;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;
import java.util.Set;

import org.eclipse.jdt.annotation.Nullable;
import org.eclipse.osgi.util.NLS;

/**
 * {@code {{number Betrag "#,##0.00 €"}}}: reads the value as people type numbers ("1.234,50",
 * "1234.5", "€ 12", "1'000") and prints it with a {@link DecimalFormat} pattern in the campaign's
 * locale (default {@code #,##0.##}).
 */
final class NumberFormatting {

	private static final String DEFAULT_PATTERN = "#,##0.##"; //$NON-NLS-1$
	private static final Set<String> CURRENCY_CODES = Set.of("EUR", "CHF", "USD", "GBP"); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$

	private NumberFormatting() {
	}

	static String format(@Nullable Object value, @Nullable Object pattern, Locale locale, boolean probing) {
		if (value instanceof FieldText field && field.isBlank()) {
			field.log().missing(field.name());
			return ""; //$NON-NLS-1$
		}
		if (probing) {
			return ""; //$NON-NLS-1$
		}
		BigDecimal number = value instanceof FieldText field && field.value().typed() instanceof Number typed
				? new BigDecimal(typed.toString())
				: parse(Values.text(value), DecimalFormatSymbols.getInstance(locale).getDecimalSeparator());
		if (number == null) {
			String name = value instanceof FieldText field ? field.name() : Values.text(value);
			throw new ValueFormatException(name, NLS.bind(Messages.Number_notANumber, name, Values.text(value)));
		}
		String text = pattern == null ? DEFAULT_PATTERN : Values.text(pattern);
		try {
			return new DecimalFormat(text, DecimalFormatSymbols.getInstance(locale)).format(number);
		} catch (IllegalArgumentException e) {
			throw new ValueFormatException(text, NLS.bind(Messages.Number_badPattern, text));
		}
	}

	/** The number in the text, or null. One separator followed by three digits groups thousands. */
	@Nullable
	static BigDecimal parse(String raw, char localeDecimal) {
		String text = raw.strip();
		for (String code : CURRENCY_CODES) {
			if (text.startsWith(code) || text.endsWith(code)) {
				text = text.replace(code, ""); //$NON-NLS-1$
			}
		}
		StringBuilder kept = new StringBuilder(text.length());
		int dots = 0;
		int commas = 0;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\''
					|| Character.getType(c) == Character.CURRENCY_SYMBOL) {
				continue;
			}
			if (c == '.') {
				dots++;
			} else if (c == ',') {
				commas++;
			} else if (!(c >= '0' && c <= '9') && !(c == '-' && kept.isEmpty()) && !(c == '+' && kept.isEmpty())) {
				return null;
			}
			kept.append(c);
		}
		String digits = kept.toString();
		char decimal;
		if (dots > 0 && commas > 0) {
			decimal = digits.lastIndexOf('.') > digits.lastIndexOf(',') ? '.' : ',';
		} else if (dots + commas == 1) {
			char separator = dots == 1 ? '.' : ',';
			boolean thousands = digits.length() - digits.indexOf(separator) - 1 == 3 && separator != localeDecimal;
			decimal = thousands ? 0 : separator;
		} else {
			decimal = 0; // none, or several of one kind: thousands
		}
		StringBuilder plain = new StringBuilder(digits.length());
		for (int i = 0; i < digits.length(); i++) {
			char c = digits.charAt(i);
			if (c == decimal) {
				plain.append('.');
			} else if (c != '.' && c != ',') {
				plain.append(c);
			}
		}
		try {
			return new BigDecimal(plain.toString());
		} catch (NumberFormatException e) {
			return null;
		}
	}
}
