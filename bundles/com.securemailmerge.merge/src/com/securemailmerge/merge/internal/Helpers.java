package com.securemailmerge.merge.internal;

import java.io.IOException;
import java.util.Locale;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;

import com.github.jknack.handlebars.Handlebars;
import com.github.jknack.handlebars.Helper;
import com.github.jknack.handlebars.Options;
import com.github.jknack.handlebars.TagType;

/**
 * The helpers a template may use. Conditions: {@code #if}, {@code #unless}, {@code #eq}, {@code #ne}
 * (blocks with {@code else}; also usable inside other helpers), {@code and}, {@code or}, {@code not}.
 * Values: {@code default} (fallback for an empty field), {@code number} and {@code date} (formatting
 * in the campaign's locale). While probing, every block renders both branches, so that an unknown
 * field is found wherever it is.
 */
@NonNullByDefault({}) // Handlebars' interfaces carry no null annotations
final class Helpers {

	static final String PROBE = "smm.probe"; //$NON-NLS-1$
	static final String LOCALE = "smm.locale"; //$NON-NLS-1$

	private Helpers() {
	}

	static void register(Handlebars handlebars) {
		handlebars.registerHelper("if", (Helper<Object>) (value, options) -> branch(!Values.isFalsy(value), options)); //$NON-NLS-1$
		handlebars.registerHelper("unless", (Helper<Object>) (value, options) -> branch(Values.isFalsy(value), options)); //$NON-NLS-1$
		handlebars.registerHelper("eq", (Helper<Object>) (value, options) -> branch(Values.same(value, options.param(0, null)), options)); //$NON-NLS-1$
		handlebars.registerHelper("ne", (Helper<Object>) (value, options) -> branch(!Values.same(value, options.param(0, null)), options)); //$NON-NLS-1$
		handlebars.registerHelper("not", (Helper<Object>) (value, options) -> Boolean.valueOf(Values.isFalsy(value))); //$NON-NLS-1$
		handlebars.registerHelper("and", (Helper<Object>) (value, options) -> Boolean.valueOf(all(value, options))); //$NON-NLS-1$
		handlebars.registerHelper("or", (Helper<Object>) (value, options) -> Boolean.valueOf(any(value, options))); //$NON-NLS-1$
		handlebars.registerHelper("default", (Helper<Object>) Helpers::fallback); //$NON-NLS-1$
		handlebars.registerHelper("number", (Helper<Object>) (value, options) -> NumberFormatting.format(value, //$NON-NLS-1$
				options.param(0, null), locale(options), probing(options)));
		handlebars.registerHelper("date", (Helper<Object>) (value, options) -> DateFormatting.format(value, //$NON-NLS-1$
				options.param(0, null), locale(options), probing(options)));
		// Handlebars' own helpers that reach beyond a field: {{log}} would write values to the
		// Eclipse log, the others read partials, other contexts or resources: none is ours
		for (String builtIn : new String[] { "log", "lookup", "with", "each", "embedded", "i18n", "i18nJs", "partial", //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$ //$NON-NLS-5$ //$NON-NLS-6$ //$NON-NLS-7$ //$NON-NLS-8$
				"precompile", "block" }) { //$NON-NLS-1$ //$NON-NLS-2$
			handlebars.registerHelper(builtIn, (Helper<Object>) (value, options) -> {
				throw new UnknownHelperException(options.helperName);
			});
		}
		handlebars.registerHelperMissing((Helper<Object>) (value, options) -> {
			throw new UnknownHelperException(options.helperName);
		});
	}

	private static Object branch(boolean condition, Options options) throws IOException {
		if (options.tagType != TagType.SECTION) {
			return Boolean.valueOf(condition);
		}
		if (probing(options)) {
			return options.fn().toString() + options.inverse();
		}
		return condition ? options.fn() : options.inverse();
	}

	private static Object fallback(Object value, Options options) {
		if (!Values.isFalsy(value)) {
			return Values.text(value);
		}
		for (Object other : options.params) {
			if (!Values.isFalsy(other)) {
				return Values.text(other);
			}
		}
		return ""; //$NON-NLS-1$
	}

	private static boolean all(Object value, Options options) {
		if (Values.isFalsy(value)) {
			return false;
		}
		for (Object other : options.params) {
			if (Values.isFalsy(other)) {
				return false;
			}
		}
		return true;
	}

	private static boolean any(Object value, Options options) {
		if (!Values.isFalsy(value)) {
			return true;
		}
		for (Object other : options.params) {
			if (!Values.isFalsy(other)) {
				return true;
			}
		}
		return false;
	}

	static boolean probing(Options options) {
		return Boolean.TRUE.equals(options.data(PROBE));
	}

	static Locale locale(Options options) {
		@Nullable
		Object locale = options.data(LOCALE);
		return locale instanceof Locale l ? l : Locale.getDefault();
	}
}
