package com.securemailmerge.recipients.vcard;

import java.io.FilterReader;
import java.io.IOException;
import java.io.Reader;

import org.eclipse.jdt.annotation.Nullable;

/**
 * The text of a vCard file as ez-vcard reads it, within bounds: at most {@link #MAX_CARD}
 * characters between two cards (ez-vcard holds a whole card in memory) and at most
 * {@link VcardRecipientSource#MAX_BYTES} characters in all; it also counts the lines that begin a
 * card, so cards ez-vcard swallows (a card without END:VCARD takes the next ones in as nested cards,
 * which it drops) can be named.
 */
final class CardInput extends FilterReader {

	/** Characters one card may take: its text with a photo of about 3 MB. */
	static final int MAX_CARD = 4 * 1024 * 1024;

	/** A card longer than {@link #MAX_CARD}, or a file longer than allowed. */
	static final class TooLong extends IOException {

		private static final long serialVersionUID = 1L;
		final boolean card;

		TooLong(boolean card) {
			super(card ? "card too long" : "file too long"); //$NON-NLS-1$ //$NON-NLS-2$
			this.card = card;
		}
	}

	private static final char[] BEGIN = "BEGIN:VCARD".toCharArray(); //$NON-NLS-1$
	private long total;
	private long sinceCard;
	private int begins;
	/** Where in a line the reading is: -1 past its start, else how many characters of BEGIN:VCARD matched. */
	private int matched;

	CardInput(Reader in) {
		super(in);
	}

	/** A card was read: the next one is counted from here. */
	void cardRead() {
		sinceCard = 0;
	}

	/** How many lines began a card so far. */
	int begins() {
		return begins;
	}

	@Override
	public int read() throws IOException {
		int c = super.read();
		if (c >= 0) {
			count((char) c);
		}
		return c;
	}

	@Override
	public int read(char @Nullable [] buffer, int offset, int length) throws IOException {
		int n = super.read(buffer, offset, length);
		for (int i = 0; i < n && buffer != null; i++) {
			count(buffer[offset + i]);
		}
		return n;
	}

	private void count(char c) throws TooLong {
		if (++total > VcardRecipientSource.MAX_BYTES) {
			throw new TooLong(false);
		}
		if (++sinceCard > MAX_CARD) {
			throw new TooLong(true);
		}
		if (c == '\n' || c == '\r') {
			matched = 0;
		} else if (matched >= 0) {
			if (matched < BEGIN.length && Character.toUpperCase(c) == BEGIN[matched]) {
				if (++matched == BEGIN.length) {
					begins++;
					matched = -1;
				}
			} else if (!(matched == 0 && (c == ' ' || c == '\t' || c == '\uFEFF'))) {
				matched = -1;
			}
		}
	}
}
