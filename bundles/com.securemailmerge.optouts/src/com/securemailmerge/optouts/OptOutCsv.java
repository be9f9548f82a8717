package com.securemailmerge.optouts;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.eclipse.osgi.util.NLS;

import com.securemailmerge.model.SpreadsheetCell;
import com.securemailmerge.optouts.internal.Messages;
import com.securemailmerge.recipients.EmailAddresses;

/**
 * Opt-outs to and from CSV, as a spreadsheet or another mail-merge tool writes them: UTF-8 (with or
 * without a byte order mark), separated by semicolons, commas or tabs. The address column is the
 * one headed e-mail, email, mail, address or Adresse (on the first line that is not Excel's
 * {@code sep=} hint), else the one cell of a row that is an address (a row with several is refused).
 * A cell defused with a leading apostrophe (as the export writes {@code +49...@sms.example}) is read
 * without it. Every row that gives no address is named; nothing is added for it. Bounded: a file over
 * {@link OptOutList#MAX_BYTES} or a line over {@link #MAX_LINE} characters is refused.
 */
public final class OptOutCsv {

	static final int MAX_LINE = 64 * 1024;
	private static final Set<String> ADDRESS_HEADERS = Set.of("e-mail", "email", "mail", "address", "adresse", //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$ //$NON-NLS-5$
			"e-mail-adresse", "email address", "e-mail address"); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$

	/** What an import did: addresses added, already on the list, and the rows that gave none. */
	public record Imported(int added, int already, List<String> refused) {
	}

	private OptOutCsv() {
	}

	public static Imported importInto(OptOutList list, Path csv, String note, Instant now) throws IOException {
		if (Files.size(csv) > OptOutList.MAX_BYTES) {
			throw new IOException(NLS.bind(Messages.OptOut_tooLarge, csv, OptOutList.MAX_BYTES / (1024 * 1024)));
		}
		String text;
		try {
			text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
					.onUnmappableCharacter(CodingErrorAction.REPORT).decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(csv)))
					.toString();
		} catch (CharacterCodingException e) {
			// a file saved as Windows-1252 by an older Excel: its addresses are ASCII all the same
			text = new String(Files.readAllBytes(csv), java.nio.charset.Charset.forName("windows-1252")); //$NON-NLS-1$
		}
		if (text.startsWith("\uFEFF")) { //$NON-NLS-1$
			text = text.substring(1);
		}
		List<String> valid = new ArrayList<>();
		List<String> refused = new ArrayList<>();
		int column = -1;
		int number = 0;
		boolean seenFirst = false;
		try (BufferedReader lines = new BufferedReader(new java.io.StringReader(text))) {
			for (String line = lines.readLine(); line != null; line = lines.readLine()) {
				number++;
				if (line.isBlank()) {
					continue;
				}
				if (line.length() > MAX_LINE) {
					refused.add(NLS.bind(Messages.OptOut_csvRow, number, Messages.OptOut_csvNoAddress));
					continue;
				}
				if (!seenFirst && line.strip().toLowerCase(Locale.ROOT).startsWith("sep=")) { //$NON-NLS-1$
					continue; // Excel's separator hint
				}
				List<String> cells = cells(line);
				if (!seenFirst) {
					seenFirst = true;
					column = header(cells);
					if (column >= 0) {
						continue; // the header row
					}
				}
				String address = column >= 0 ? column < cells.size() ? undefused(cells.get(column)) : null : onlyAddress(cells);
				if (address == null || !EmailAddresses.isValid(OptOutList.normalize(address))) {
					refused.add(NLS.bind(Messages.OptOut_csvRow, number,
							address == null || address.isBlank() ? Messages.OptOut_csvNoAddress
									: NLS.bind(Messages.OptOut_notAnAddress, abbreviate(address))));
					continue;
				}
				valid.add(address);
			}
		}
		int added = list.addAll(valid, note, now); // one write, forced once
		return new Imported(added, valid.size() - added, List.copyOf(refused));
	}

	/** address;since;note with a header, UTF-8 with a byte order mark (as Excel opens it). */
	public static void export(OptOutList list, Path csv) throws IOException {
		try (Writer out = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
			out.write('\uFEFF');
			out.write("address;since;note\r\n"); //$NON-NLS-1$
			for (OptOutList.Entry entry : list.entries()) {
				out.write(SpreadsheetCell.of(entry.address()) + ';' + entry.since() + ';' + SpreadsheetCell.of(entry.note()) + "\r\n"); //$NON-NLS-1$
			}
		}
	}

	private static int header(List<String> cells) {
		for (int i = 0; i < cells.size(); i++) {
			if (ADDRESS_HEADERS.contains(cells.get(i).strip().toLowerCase(Locale.ROOT))) {
				return i;
			}
		}
		return -1;
	}

	/**
	 * Without a header: the row's one address; a row with several (a member and who referred them)
	 * is refused rather than guessed, with its first cell as what is named.
	 */
	private static @org.eclipse.jdt.annotation.Nullable String onlyAddress(List<String> cells) {
		List<String> addresses = cells.stream().map(OptOutCsv::undefused)
				.filter(cell -> EmailAddresses.isValid(OptOutList.normalize(cell))).toList();
		if (addresses.size() == 1) {
			return addresses.get(0);
		}
		return addresses.isEmpty() ? cells.isEmpty() ? null : cells.get(0) : String.join(" + ", addresses); //$NON-NLS-1$
	}

	/** A cell our export (or a spreadsheet) defused with a leading apostrophe: the value without it. */
	static String undefused(String cell) {
		String stripped = cell.strip();
		return stripped.length() > 1 && stripped.charAt(0) == '\'' && "=+-@".indexOf(stripped.charAt(1)) >= 0 //$NON-NLS-1$
				? stripped.substring(1) : stripped;
	}

	/** The row's cells: split at its separator (the first of ; , TAB that it has), quotes taken off. */
	static List<String> cells(String line) {
		char separator = line.indexOf(';') >= 0 ? ';' : line.indexOf('\t') >= 0 ? '\t' : ',';
		List<String> cells = new ArrayList<>();
		StringBuilder cell = new StringBuilder();
		boolean quoted = false;
		for (int i = 0; i < line.length(); i++) {
			char c = line.charAt(i);
			if (c == '"') {
				if (quoted && i + 1 < line.length() && line.charAt(i + 1) == '"') {
					cell.append('"');
					i++;
				} else {
					quoted = !quoted;
				}
			} else if (c == separator && !quoted) {
				cells.add(cell.toString().strip());
				cell.setLength(0);
			} else {
				cell.append(c);
			}
		}
		cells.add(cell.toString().strip());
		return cells;
	}

	private static String abbreviate(String text) {
		String stripped = text.strip();
		return stripped.length() <= 80 ? stripped : stripped.substring(0, 80) + '\u2026';
	}
}
