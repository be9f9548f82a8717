package com.securemailmerge.model;

/**
 * A value as a cell of a semicolon-separated file a spreadsheet opens: quoted when it holds a
 * separator, a quote or a line break; a value a spreadsheet would take for a formula (starting with
 * = + - @, or a TAB or CR before them) defused with a leading apostrophe.
 */
public final class SpreadsheetCell {

	private SpreadsheetCell() {
	}

	public static String of(String value) {
		String text = !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? '\'' + value : value; //$NON-NLS-1$
		if (text.contains(";") || text.contains("\"") || text.contains("\n") || text.contains("\r")) { //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$
			return '"' + text.replace("\"", "\"\"") + '"'; //$NON-NLS-1$ //$NON-NLS-2$
		}
		return text;
	}
}
