package com.securemailmerge.recipients.ods;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * OpenDocument packages written by the tests, as the format describes them (the mimetype stored
 * first and uncompressed, a manifest, content.xml), with rows given as text or with raw XML.
 */
@org.eclipse.jdt.annotation.NonNullByDefault({})
final class OdsFiles {

	static final String NAMESPACES = "xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\""
			+ " xmlns:style=\"urn:oasis:names:tc:opendocument:xmlns:style:1.0\""
			+ " xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\""
			+ " xmlns:table=\"urn:oasis:names:tc:opendocument:xmlns:table:1.0\"";

	private OdsFiles() {
	}

	/** A package with one sheet of these rows (all text cells; an empty value is an empty cell). */
	static Path rows(Path file, String sheet, List<List<String>> rows) throws IOException {
		StringBuilder table = new StringBuilder();
		for (List<String> row : rows) {
			table.append("<table:table-row>");
			for (String cell : row) {
				table.append(cell(cell));
			}
			table.append("</table:table-row>");
		}
		return write(file, content("<table:table table:name=\"" + escape(sheet) + "\">" + table + "</table:table>"));
	}

	/** A text cell: each line a paragraph, every space and tab kept. */
	static String cell(String value) {
		if (value.isEmpty()) {
			return "<table:table-cell/>";
		}
		StringBuilder cell = new StringBuilder("<table:table-cell office:value-type=\"string\">");
		for (String line : value.split("\n", -1)) {
			cell.append("<text:p>").append(escape(line).replace(" ", "<text:s/>").replace("\t", "<text:tab/>")).append("</text:p>");
		}
		return cell.append("</table:table-cell>").toString();
	}

	/** content.xml with these tables in its spreadsheet (and these automatic styles). */
	static String content(String tables) {
		return content("", tables);
	}

	static String content(String styles, String tables) {
		return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><office:document-content " + NAMESPACES
				+ " office:version=\"1.3\"><office:automatic-styles>" + styles + "</office:automatic-styles>"
				+ "<office:body><office:spreadsheet>" + tables + "</office:spreadsheet></office:body></office:document-content>";
	}

	static Path write(Path file, String content) throws IOException {
		return write(file, OdsPackage.SPREADSHEET, "", content.getBytes(StandardCharsets.UTF_8));
	}

	static Path write(Path file, String mimetype, String manifestExtra, byte[] content) throws IOException {
		try (OutputStream out = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(out)) {
			byte[] type = mimetype.getBytes(StandardCharsets.US_ASCII);
			ZipEntry first = new ZipEntry("mimetype");
			first.setMethod(ZipEntry.STORED);
			first.setSize(type.length);
			CRC32 crc = new CRC32();
			crc.update(type);
			first.setCrc(crc.getValue());
			zip.putNextEntry(first);
			zip.write(type);
			zip.closeEntry();
			zip.putNextEntry(new ZipEntry("META-INF/manifest.xml"));
			zip.write(("<?xml version=\"1.0\" encoding=\"UTF-8\"?><manifest:manifest xmlns:manifest=\"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0\">"
					+ "<manifest:file-entry manifest:full-path=\"/\" manifest:media-type=\"" + mimetype + "\"/>"
					+ "<manifest:file-entry manifest:full-path=\"content.xml\" manifest:media-type=\"text/xml\">" + manifestExtra
					+ "</manifest:file-entry></manifest:manifest>").getBytes(StandardCharsets.UTF_8));
			zip.closeEntry();
			zip.putNextEntry(new ZipEntry("content.xml"));
			zip.write(content);
			zip.closeEntry();
		}
		return file;
	}

	static String escape(String text) {
		return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
	}
}
