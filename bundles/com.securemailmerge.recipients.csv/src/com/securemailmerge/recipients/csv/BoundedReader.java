package com.securemailmerge.recipients.csv;

import java.io.FilterReader;
import java.io.IOException;
import java.io.Reader;

/**
 * Reads at most {@link #MAX_RECORD} characters between two records: a quote that is never closed,
 * or a hostile file with one endless cell, stops with {@link TooLong} instead of filling the memory.
 * The source calls {@link #recordRead()} after each record.
 */
final class BoundedReader extends FilterReader {

	/** 4 Mi characters: far more than any row of an address list. */
	static final int MAX_RECORD = 4 * 1024 * 1024;

	/** A record longer than the bound. */
	static final class TooLong extends IOException {

		private static final long serialVersionUID = 1L;

		TooLong() {
			super("record too long"); //$NON-NLS-1$
		}
	}

	private long sinceRecord;

	BoundedReader(Reader in) {
		super(in);
	}

	void recordRead() {
		sinceRecord = 0;
	}

	private void count(long read) throws TooLong {
		if (read > 0) {
			sinceRecord += read;
			if (sinceRecord > MAX_RECORD + 65_536L) { // the parser reads a buffer ahead
				throw new TooLong();
			}
		}
	}

	@Override
	public int read() throws IOException {
		int c = super.read();
		count(c < 0 ? 0 : 1);
		return c;
	}

	@Override
	@org.eclipse.jdt.annotation.NonNullByDefault({})
	public int read(char[] buffer, int offset, int length) throws IOException {
		int read = super.read(buffer, offset, length);
		count(read);
		return read;
	}
}
