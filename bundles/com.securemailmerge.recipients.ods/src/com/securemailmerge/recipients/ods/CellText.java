package com.securemailmerge.recipients.ods;

/**
 * The text of one cell as LibreOffice displays it, gathered from its paragraphs by the rules of
 * OpenDocument (part 3, 6.1.2): white space in the XML collapses to one space and is dropped at the
 * start of a paragraph; {@code <text:s text:c="n"/>} is n spaces, {@code <text:tab/>} a tab,
 * {@code <text:line-break/>} and each further paragraph a line break. Bounded: a cell with more
 * text than {@link #MAX_CHARS} is refused.
 */
final class CellText {

	/** LibreOffice keeps at most 2^31 characters; a recipient list has no use for more than this. */
	static final int MAX_CHARS = 1_048_576;

	private final StringBuilder text = new StringBuilder();
	private int paragraphs;
	private boolean space;
	private boolean tooLong;

	void clear() {
		text.setLength(0);
		paragraphs = 0;
		space = false;
		tooLong = false;
	}

	/** A paragraph starts: from the second on, on a line of its own. */
	void paragraph() {
		if (paragraphs++ > 0) {
			append('\n');
		}
		space = true; // leading white space of a paragraph is dropped
	}

	/** Character data inside a paragraph. */
	void characters(char[] chars, int start, int length) {
		for (int i = start; i < start + length; i++) {
			char c = chars[i];
			if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
				if (!space) {
					append(' ');
					space = true;
				}
			} else {
				append(c);
				space = false;
			}
		}
	}

	/** {@code <text:s text:c="count"/>}: spaces that stay. */
	void spaces(int count) {
		for (int i = 0; i < count && !tooLong; i++) {
			append(' ');
		}
		space = false;
	}

	void tab() {
		append('\t');
		space = false;
	}

	void lineBreak() {
		append('\n');
		space = true;
	}

	private void append(char c) {
		if (text.length() >= MAX_CHARS) {
			tooLong = true;
			return;
		}
		text.append(c);
	}

	boolean hasParagraphs() {
		return paragraphs > 0;
	}

	boolean isTooLong() {
		return tooLong;
	}

	@Override
	public String toString() {
		return text.toString();
	}
}
