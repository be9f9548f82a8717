package com.securemailmerge.merge.internal;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.jsoup.Jsoup;
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
