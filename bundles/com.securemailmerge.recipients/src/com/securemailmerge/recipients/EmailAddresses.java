package com.securemailmerge.recipients;

import java.util.regex.Pattern;

/**
 * Checks the syntax of an address as mail servers accept it: one {@code @}, a local part of
 * letters, digits and the usual specials without leading, trailing or double dots, and a domain of
 * at least two labels whose last one is alphabetic. International letters are allowed on both
 * sides. No DNS is asked, so a valid address may still not exist.
 */
public final class EmailAddresses {

	private static final Pattern LOCAL = Pattern.compile("[\\p{L}\\p{N}!#$%&'*+/=?^_`{|}~-]+(\\.[\\p{L}\\p{N}!#$%&'*+/=?^_`{|}~-]+)*"); //$NON-NLS-1$
	private static final Pattern LABEL = Pattern.compile("[\\p{L}\\p{N}]([\\p{L}\\p{N}-]{0,61}[\\p{L}\\p{N}])?"); //$NON-NLS-1$
	private static final Pattern TOP_LEVEL = Pattern.compile("(\\p{L}{2,63}|xn--[a-z0-9-]{1,59})"); //$NON-NLS-1$

	private EmailAddresses() {
	}

	public static boolean isValid(String address) {
		if (address.length() > 254 || address.isBlank()) {
			return false;
		}
		int at = address.lastIndexOf('@');
		if (at <= 0 || at != address.indexOf('@') || at > 64) {
			return false;
		}
		String local = address.substring(0, at);
		String domain = address.substring(at + 1);
		if (!LOCAL.matcher(local).matches()) {
			return false;
		}
		String[] labels = domain.split("\\.", -1); //$NON-NLS-1$
		if (labels.length < 2) {
			return false;
		}
		for (String label : labels) {
			if (!LABEL.matcher(label).matches()) {
				return false;
			}
		}
		return TOP_LEVEL.matcher(labels[labels.length - 1]).matches();
	}
}
