package com.securemailmerge.merge.internal;

import java.util.List;
import java.util.Locale;

import org.commonmark.Extension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.Node;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.commonmark.renderer.text.TextContentRenderer;

/** Markdown bodies through CommonMark (with GitHub tables), and the HTML document around a body. */
final class Markdown {

	private static final List<Extension> EXTENSIONS = List.of(TablesExtension.create());
	private static final Parser PARSER = Parser.builder().extensions(EXTENSIONS).build();
	private static final HtmlRenderer HTML = HtmlRenderer.builder().extensions(EXTENSIONS).sanitizeUrls(true)
			.softbreak("<br>\n").build(); //$NON-NLS-1$
	private static final TextContentRenderer TEXT = TextContentRenderer.builder().extensions(EXTENSIONS).build();

	private Markdown() {
	}

	record Rendered(String html, String text) {
	}

	static Rendered render(String markdown) {
		Node document = PARSER.parse(markdown);
		return new Rendered(document(HTML.render(document)), TEXT.render(document).strip() + "\n"); //$NON-NLS-1$
	}

	/** A complete HTML document: a fragment is wrapped, a document is kept as written. */
	static String document(String html) {
		String start = html.stripLeading();
		String head = start.substring(0, Math.min(start.length(), 200)).toLowerCase(Locale.ROOT);
		if (head.startsWith("<!doctype") || head.startsWith("<html")) { //$NON-NLS-1$ //$NON-NLS-2$
			return html;
		}
		return "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"></head>\n<body>\n" + html //$NON-NLS-1$
				+ "\n</body></html>\n"; //$NON-NLS-1$
	}
}
