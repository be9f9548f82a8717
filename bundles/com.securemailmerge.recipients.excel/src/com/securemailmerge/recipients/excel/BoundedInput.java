package com.securemailmerge.recipients.excel;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

import org.eclipse.jdt.annotation.Nullable;

/**
 * A part of a workbook that POI keeps in memory whole (the table of shared texts), read to a bound:
 * past it, {@link TooLarge} ends the reading before the memory is filled.
 */
final class BoundedInput extends FilterInputStream {

	/** The part is larger than the bound. */
	static final class TooLarge extends IOException {

		private static final long serialVersionUID = 1L;
		final long bound;
		/** A part other than the table of texts. */
		final boolean other;

		TooLarge(long bound) {
			this(bound, false);
		}

		TooLarge(long bound, boolean other) {
			super("more than " + bound + " bytes", null); //$NON-NLS-1$ //$NON-NLS-2$
			this.bound = bound;
			this.other = other;
		}
	}

	private final long bound;
	private long read;

	/** Parses a part's XML with POI's secure parser into the handler, reading at most {@code bound} bytes. */
	static void parse(InputStream xml, long bound, org.xml.sax.ContentHandler handler)
			throws IOException, org.xml.sax.SAXException {
		try (InputStream in = new BoundedInput(xml, bound)) {
			org.xml.sax.XMLReader reader = org.apache.poi.util.XMLHelper.newXMLReader();
			reader.setContentHandler(handler);
			reader.parse(new org.xml.sax.InputSource(in));
		} catch (javax.xml.parsers.ParserConfigurationException e) {
			throw new IOException(e);
		}
	}

	BoundedInput(InputStream in, long bound) {
		super(in);
		this.bound = bound;
	}

	@Override
	public int read() throws IOException {
		int b = super.read();
		if (b >= 0) {
			count(1);
		}
		return b;
	}

	@Override
	public int read(byte @Nullable [] b, int off, int len) throws IOException {
		int n = super.read(b, off, len);
		if (n > 0) {
			count(n);
		}
		return n;
	}

	@Override
	public long skip(long n) throws IOException {
		long skipped = super.skip(n);
		count(skipped);
		return skipped;
	}

	private void count(long n) throws TooLarge {
		read += n;
		if (read > bound) {
			throw new TooLarge(bound);
		}
	}
}
