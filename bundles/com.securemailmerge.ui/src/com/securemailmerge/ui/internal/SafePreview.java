package com.securemailmerge.ui.internal;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A message's HTML as the preview shows it, connecting nowhere: a Content-Security-Policy that
 * allows only what the message itself holds (inline styles, {@code data:} and {@code cid:} images),
 * no DNS prefetching, and, for the reader, every image, frame or object that would come from
 * elsewhere replaced by a placeholder and links made inert, as mail programs do. So a template with
 * {@code <img src="https://t.example/{{Id}}.gif">} tells nobody whom the user previews. The message
 * that is sent is not changed.
 */
public final class SafePreview {

	/** What the preview may load: nothing from outside the document. */
	static final String POLICY = "default-src 'none'; img-src data: cid:; style-src 'unsafe-inline'; font-src data:; " //$NON-NLS-1$
			+ "media-src data:; frame-src 'none'; child-src 'none'; object-src 'none'; form-action 'none'; base-uri 'none'"; //$NON-NLS-1$
	private static final String HEAD = "<meta http-equiv=\"Content-Security-Policy\" content=\"" + POLICY + "\">" //$NON-NLS-1$ //$NON-NLS-2$
			+ "<meta http-equiv=\"x-dns-prefetch-control\" content=\"off\">"; //$NON-NLS-1$
	/** A grey box: what a blocked image looks like. */
	static final String PLACEHOLDER = "data:image/svg+xml;charset=utf-8,%3Csvg xmlns='http://www.w3.org/2000/svg' width='48' height='32'%3E" //$NON-NLS-1$
			+ "%3Crect width='48' height='32' fill='%23ddd'/%3E%3C/svg%3E"; //$NON-NLS-1$
	private static final Pattern ATTRIBUTE = Pattern.compile(
			"(?i)([\\s/\"'])(src|srcset|imagesrcset|background|poster|lowsrc|dynsrc|data|href|xlink:href|action|formaction|ping|cite|longdesc)" //$NON-NLS-1$
					+ "(\\s*=\\s*)(\"[^\"]*\"|'[^']*'|[^\\s>]+)"); //$NON-NLS-1$

	/** The HTML to show and how many outside resources it asked for. */
	public record Shown(String html, int blocked) {
	}

	private SafePreview() {
	}

	public static Shown of(String html) {
		Matcher matcher = ATTRIBUTE.matcher(html);
		StringBuilder out = new StringBuilder(html.length() + HEAD.length() + 64);
		int blocked = 0;
		while (matcher.find()) {
			String name = matcher.group(2).toLowerCase(java.util.Locale.ROOT);
			String raw = matcher.group(4);
			String value = raw.length() >= 2 && (raw.charAt(0) == '"' || raw.charAt(0) == '\'') ? raw.substring(1, raw.length() - 1)
					: raw;
			String replacement = null;
			boolean link = name.equals("href") || name.equals("xlink:href") || name.equals("action") //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
					|| name.equals("formaction") || name.equals("ping") || name.equals("cite") || name.equals("longdesc"); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$
			if (link) {
				if (!value.strip().startsWith("#")) { //$NON-NLS-1$
					replacement = "\"#\""; // a link shows, it never resolves a host //$NON-NLS-1$
				}
			} else if (name.endsWith("srcset") ? !allEmbedded(value) : !embedded(value)) { //$NON-NLS-1$
				replacement = '"' + PLACEHOLDER + '"';
				blocked++;
			}
			matcher.appendReplacement(out, Matcher.quoteReplacement(replacement == null ? matcher.group()
					: matcher.group(1) + matcher.group(2) + matcher.group(3) + replacement));
		}
		matcher.appendTail(out);
		return new Shown(withPolicy(out.toString()), blocked);
	}

	private static boolean embedded(String value) {
		String text = value.strip().toLowerCase(java.util.Locale.ROOT);
		return text.startsWith("data:") || text.startsWith("cid:") || text.isEmpty(); //$NON-NLS-1$ //$NON-NLS-2$
	}

	/** Every candidate of a srcset is embedded (each is a URL and an optional size). */
	private static boolean allEmbedded(String value) {
		for (String candidate : value.split(",")) { //$NON-NLS-1$
			String url = candidate.strip().split("\\s+")[0]; //$NON-NLS-1$
			if (!url.isEmpty() && !embedded(url) && !url.matches("(?i)[0-9.]+[wx]")) { //$NON-NLS-1$
				return false;
			}
		}
		return true;
	}

	/**
	 * The policy before anything else, after a doctype only: an HTML parser puts a meta that comes
	 * before {@code <html>} into the head it makes, first, so it holds before any element that loads,
	 * whatever the message's own markup is (a {@code <header>}, a commented {@code <head>}, none).
	 */
	private static String withPolicy(String html) {
		Matcher doctype = Pattern.compile("(?is)^\\s*<!doctype[^>]*>").matcher(html); //$NON-NLS-1$
		if (doctype.find()) {
			return html.substring(0, doctype.end()) + HEAD + html.substring(doctype.end());
		}
		return HEAD + html;
	}
}
