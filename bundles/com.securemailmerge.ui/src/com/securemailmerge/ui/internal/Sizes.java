package com.securemailmerge.ui.internal;

import java.text.NumberFormat;

import org.eclipse.osgi.util.NLS;

/** File and message sizes as people read them: "340 KB", "1.2 MB" (1 KB = 1024 bytes, as Exchange counts). */
public final class Sizes {

	private static final long KB = 1024;
	private static final long MB = KB * KB;

	private Sizes() {
	}

	public static String format(long bytes) {
		if (bytes < KB) {
			return NLS.bind(Messages.AttachmentsPart_bytes, Long.valueOf(bytes));
		}
		if (bytes < MB) {
			return NLS.bind(Messages.AttachmentsPart_kilobytes, Long.valueOf(Math.round(bytes / (double) KB)));
		}
		NumberFormat number = NumberFormat.getNumberInstance();
		number.setMaximumFractionDigits(1);
		return NLS.bind(Messages.AttachmentsPart_megabytes, number.format(bytes / (double) MB));
	}
}
