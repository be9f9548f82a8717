package com.securemailmerge.merge.internal;

import java.text.ParsePosition;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.time.format.ResolverStyle;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.eclipse.jdt.annotation.Nullable;
import org.eclipse.osgi.util.NLS;

/**
 * {@code {{date Fällig "d. MMMM yyyy"}}}: reads ISO dates, German and English writing and the
 * locale's own short and medium forms, and prints the date with a pattern of
 * {@link DateTimeFormatter} in the campaign's locale (default: the locale's medium form).
 */
final class DateFormatting {

	private static final Map<Locale, List<DateTimeFormatter>> READERS = new ConcurrentHashMap<>();
	private static final Map<String, DateTimeFormatter> WRITERS = new ConcurrentHashMap<>();

	private DateFormatting() {
	}

	static String format(@Nullable Object value, @Nullable Object pattern, Locale locale, boolean probing) {
		if (value instanceof FieldText field && field.isBlank()) {
			field.log().missing(field.name());
			return ""; //$NON-NLS-1$
		}
		if (probing) {
			return ""; //$NON-NLS-1$
		}
		LocalDate date = value instanceof FieldText field ? typed(field.value().typed()) : null;
		if (date == null) {
			date = parse(Values.text(value), locale);
		}
		if (date == null) {
			String name = value instanceof FieldText field ? field.name() : Values.text(value);
			throw new ValueFormatException(name, NLS.bind(Messages.Date_notADate, name, Values.text(value)));
		}
		try {
			DateTimeFormatter formatter = pattern == null
					? DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale)
					: WRITERS.computeIfAbsent(Values.text(pattern) + '\u0000' + locale.toLanguageTag(),
							k -> DateTimeFormatter.ofPattern(Values.text(pattern), locale));
			return formatter.format(date);
		} catch (IllegalArgumentException | java.time.DateTimeException e) {
			throw new ValueFormatException(Values.text(pattern), NLS.bind(Messages.Date_badPattern, Values.text(pattern)));
		}
	}

	@Nullable
	private static LocalDate typed(@Nullable Object typed) {
		if (typed instanceof LocalDate date) {
			return date;
		}
		if (typed instanceof LocalDateTime dateTime) {
			return dateTime.toLocalDate();
		}
		if (typed instanceof Date date) {
			return date.toInstant().atZone(ZoneId.systemDefault()).toLocalDate();
		}
		return null;
	}

	@Nullable
	static LocalDate parse(String raw, Locale locale) {
		String text = raw.strip();
		for (DateTimeFormatter formatter : READERS.computeIfAbsent(locale, DateFormatting::readers)) {
			ParsePosition position = new ParsePosition(0);
			if (formatter.parseUnresolved(text, position) == null || position.getIndex() != text.length()) {
				continue; // not this form: no exception thrown for the common miss
			}
			try {
				TemporalAccessor parsed = formatter.parse(text);
				return LocalDate.from(parsed);
			} catch (java.time.DateTimeException e) {
				// try the next form
			}
		}
		return null;
	}

	private static List<DateTimeFormatter> readers(Locale locale) {
		List<DateTimeFormatter> readers = new ArrayList<>();
		readers.add(DateTimeFormatter.ISO_LOCAL_DATE);
		readers.add(DateTimeFormatter.ISO_LOCAL_DATE_TIME);
		for (String pattern : List.of("d.M.uuuu", "d.M.uu", "d. MMMM uuuu", "uuuu/M/d", //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$
				Locale.US.getCountry().equals(locale.getCountry()) ? "M/d/uuuu" : "d/M/uuuu")) { //$NON-NLS-1$ //$NON-NLS-2$
			readers.add(DateTimeFormatter.ofPattern(pattern, locale).withResolverStyle(ResolverStyle.STRICT));
		}
		for (FormatStyle style : List.of(FormatStyle.SHORT, FormatStyle.MEDIUM, FormatStyle.LONG)) {
			readers.add(DateTimeFormatter.ofLocalizedDate(style).withLocale(locale));
		}
		return readers;
	}
}
