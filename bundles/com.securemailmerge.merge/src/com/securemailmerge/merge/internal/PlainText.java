package com.securemailmerge.merge.internal;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.parser.Parser;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeVisitor;

/**
 * The plain-text alternative of an HTML body, as a mail client shows it: paragraphs and headings
 * separated by blank lines, line breaks kept, list items with a dash, links followed by their
 * address, scripts and styles left out.
 */
final class PlainText {

	private PlainText() {
	}

	static String of(String html) {
		Element body = Jsoup.parse(html).body();
		Collector collector = new Collector();
		body.traverse(collector);
		return collector.result();
	}

	private static final char MARK_START = '\uE000';
	private static final char MARK_END = '\uE001';

	/**
	 * The plain-text twin of an HTML template, with its tags in place, so that the text alternative
	 * is rendered like the HTML instead of being parsed out of every message. Each tag is replaced by
	 * a numbered mark, the HTML is converted (XML mode: text stays where it is written, also between
	 * table rows), and the marks are put back. Null when that is not safe: a tag inside an
	 * attribute, a mark that moved or went missing; then every message is converted instead.
	 */
	@Nullable
	static String template(String html) {
		if (html.indexOf(MARK_START) >= 0 || html.indexOf(MARK_END) >= 0) {
			return null;
		}
		List<String> tags = new ArrayList<>();
		StringBuilder marked = new StringBuilder(html.length());
		int from = 0;
		while (true) {
			int open = html.indexOf("{{", from); //$NON-NLS-1$
			if (open < 0) {
				marked.append(html, from, html.length());
				break;
			}
			int close = html.indexOf("}}", open + 2); //$NON-NLS-1$
			if (close < 0) {
				return null;
			}
			int end = close + 2;
			while (end < html.length() && html.charAt(end) == '}') {
				end++;
			}
			marked.append(html, from, open).append(MARK_START).append(tags.size()).append(MARK_END);
			tags.add(html.substring(open, end));
			from = end;
		}
		Document document = Jsoup.parse(marked.toString(), "", Parser.xmlParser()); //$NON-NLS-1$
		Collector collector = new Collector();
		document.traverse(collector);
		String text = collector.result();
		StringBuilder restored = new StringBuilder(text.length() + html.length() / 4);
		int expected = 0;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c != MARK_START) {
				restored.append(c);
				continue;
			}
			int end = text.indexOf(MARK_END, i);
			if (end < 0) {
				return null;
			}
			int index;
			try {
				index = Integer.parseInt(text.substring(i + 1, end));
			} catch (NumberFormatException e) {
				return null;
			}
			if (index != expected) {
				return null; // a tag moved or was dropped (it stood in an attribute)
			}
			restored.append(tags.get(index));
			expected++;
			i = end;
		}
		return expected == tags.size() ? restored.toString() : null;
	}

	/** A rendered text alternative tidied like a converted one: no trailing spaces, at most one blank line. */
	static String tidy(String text) {
		StringBuilder lines = new StringBuilder(text.length());
		int blank = 0;
		for (String line : text.strip().split("\n", -1)) { //$NON-NLS-1$
			String kept = line.stripTrailing();
			blank = kept.isEmpty() ? blank + 1 : 0;
			if (blank < 2) {
				lines.append(kept).append('\n');
			}
		}
		return lines.toString();
	}

	@NonNullByDefault({}) // jsoup's interface carries no null annotations
	private static final class Collector implements NodeVisitor {

		private final StringBuilder text = new StringBuilder();
		private int skipDepth;

		@Override
		public void head(Node node, int depth) {
			if (node instanceof TextNode textNode) {
				if (skipDepth == 0) {
					appendCollapsed(textNode.getWholeText());
				}
				return;
			}
			if (!(node instanceof Element element)) {
				return;
			}
			switch (element.normalName()) {
			case "script", "style", "head", "title" -> skipDepth++; //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$
			case "br" -> newline(); //$NON-NLS-1$
			case "li" -> { //$NON-NLS-1$
				newline();
				text.append("- "); //$NON-NLS-1$
			}
			case "tr", "div" -> newline(); //$NON-NLS-1$ //$NON-NLS-2$
			case "td", "th" -> { //$NON-NLS-1$ //$NON-NLS-2$
				if (!text.isEmpty() && text.charAt(text.length() - 1) != '\n') {
					text.append('\t');
				}
			}
			default -> {
				if (isBlock(element.normalName())) {
					paragraph();
				}
			}
			}
		}

		@Override
		public void tail(Node node, int depth) {
			if (!(node instanceof Element element)) {
				return;
			}
			String name = element.normalName();
			switch (name) {
			case "script", "style", "head", "title" -> skipDepth--; //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$
			case "a" -> { //$NON-NLS-1$
				String href = element.attr("href"); //$NON-NLS-1$
				String shown = element.text().strip();
				String target = href.startsWith("mailto:") ? href.substring(7) : href; //$NON-NLS-1$
				if (!href.isBlank() && !href.startsWith("#") && !target.equals(shown)) { //$NON-NLS-1$
					text.append(" <").append(target).append('>'); //$NON-NLS-1$
				}
			}
			case "hr" -> { //$NON-NLS-1$
				paragraph();
				text.append("----------"); //$NON-NLS-1$
				paragraph();
			}
			default -> {
				if (isBlock(name)) {
					paragraph();
				}
			}
			}
		}

		private static boolean isBlock(String name) {
			return switch (name) {
			case "p", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "table", "blockquote", "pre", "address", //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$ //$NON-NLS-5$ //$NON-NLS-6$ //$NON-NLS-7$ //$NON-NLS-8$ //$NON-NLS-9$ //$NON-NLS-10$ //$NON-NLS-11$ //$NON-NLS-12$ //$NON-NLS-13$
					"section", "article", "header", "footer" -> true; //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$
			default -> false;
			};
		}

		private void appendCollapsed(String raw) {
			for (int i = 0; i < raw.length(); i++) {
				char c = raw.charAt(i);
				if (Character.isWhitespace(c) || c == '\u00a0') {
					if (!text.isEmpty() && !endsWithSpace()) {
						text.append(' ');
					}
				} else {
					text.append(c);
				}
			}
		}

		private boolean endsWithSpace() {
			char last = text.charAt(text.length() - 1);
			return last == ' ' || last == '\n' || last == '\t';
		}

		private void trimLineEnd() {
			while (!text.isEmpty() && text.charAt(text.length() - 1) == ' ') {
				text.setLength(text.length() - 1);
			}
		}

		private void newline() {
			trimLineEnd();
			text.append('\n');
		}

		private void paragraph() {
			trimLineEnd();
			if (text.isEmpty()) {
				return;
			}
			int length = text.length();
			if (text.charAt(length - 1) != '\n') {
				text.append("\n\n"); //$NON-NLS-1$
			} else if (length < 2 || text.charAt(length - 2) != '\n') {
				text.append('\n');
			}
		}

		String result() {
			String all = text.toString().strip();
			StringBuilder lines = new StringBuilder(all.length());
			for (String line : all.split("\n", -1)) { //$NON-NLS-1$
				lines.append(line.stripTrailing()).append('\n');
			}
			return lines.toString().replace("\n\n\n", "\n\n").strip() + "\n"; //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
		}
	}
}
