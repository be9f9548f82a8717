package com.securemailmerge.ui.internal;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.LineStyleEvent;
import org.eclipse.swt.custom.StyleRange;
import org.eclipse.swt.custom.StyledText;
import org.eclipse.swt.graphics.Color;

/**
 * Shows template tags in colour: fields and helpers in blue, block tags ({{#if}}, {{else}},
 * {{/if}}) in purple. Only looks for the braces; the merge engine does the parsing and reports
 * errors, which are underlined in red where it says they are.
 */
public final class TagHighlighter {

	private final StyledText text;
	private final Color field;
	private final Color block;
	private final List<int[]> errors = new ArrayList<>();

	private TagHighlighter(StyledText text) {
		this.text = text;
		this.field = new Color(0x1a, 0x5f, 0xb4);
		this.block = new Color(0x7b, 0x2f, 0x9a);
		text.addLineStyleListener(this::style);
	}

	public static TagHighlighter attach(StyledText text) {
		return new TagHighlighter(text);
	}

	/** Underlines the given line/column positions (1-based) up to the end of their tag. */
	public void showErrors(List<int[]> lineColumns) {
		errors.clear();
		errors.addAll(lineColumns);
		text.redraw();
	}

	private void style(LineStyleEvent event) {
		List<StyleRange> ranges = new ArrayList<>();
		String line = event.lineText;
		int from = 0;
		while (true) {
			int open = line.indexOf("{{", from); //$NON-NLS-1$
			if (open < 0) {
				break;
			}
			int close = line.indexOf("}}", open + 2); //$NON-NLS-1$
			int end = close < 0 ? line.length() : close + 2;
			StyleRange range = new StyleRange(event.lineOffset + open, end - open,
					line.startsWith("#", open + 2) || line.startsWith("/", open + 2) //$NON-NLS-1$ //$NON-NLS-2$
							|| line.startsWith("else", open + 2) ? block : field, //$NON-NLS-1$
					null, SWT.BOLD);
			ranges.add(range);
			from = end;
		}
		int lineIndex = text.getLineAtOffset(event.lineOffset) + 1;
		for (int[] error : errors) {
			if (error[0] == lineIndex) {
				int start = Math.max(0, Math.min(line.length(), error[1] - 1));
				int close = line.indexOf("}}", start); //$NON-NLS-1$
				int end = close < 0 ? line.length() : close;
				StyleRange range = new StyleRange(event.lineOffset + start, Math.max(1, end - start), null, null);
				range.underline = true;
				range.underlineStyle = SWT.UNDERLINE_ERROR;
				range.underlineColor = text.getDisplay().getSystemColor(SWT.COLOR_RED);
				merge(ranges, range);
			}
		}
		ranges.sort((a, b) -> Integer.compare(a.start, b.start));
		event.styles = ranges.toArray(StyleRange[]::new);
	}

	/** Puts the error underline into the ranges without overlapping them. */
	private static void merge(List<StyleRange> ranges, StyleRange error) {
		List<StyleRange> result = new ArrayList<>();
		for (StyleRange range : ranges) {
			int end = range.start + range.length;
			int errorEnd = error.start + error.length;
			if (end <= error.start || range.start >= errorEnd) {
				result.add(range);
				continue;
			}
			if (range.start < error.start) {
				StyleRange before = (StyleRange) range.clone();
				before.length = error.start - range.start;
				result.add(before);
			}
			if (end > errorEnd) {
				StyleRange after = (StyleRange) range.clone();
				after.start = errorEnd;
				after.length = end - errorEnd;
				result.add(after);
			}
			error.foreground = range.foreground;
			error.fontStyle = range.fontStyle;
		}
		result.add(error);
		ranges.clear();
		ranges.addAll(result);
	}
}
