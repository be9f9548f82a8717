package com.securemailmerge.optouts;

import java.io.IOException;
import java.net.IDN;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.text.Normalizer;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;

import org.eclipse.osgi.util.NLS;

import com.securemailmerge.model.AddressLine;
import com.securemailmerge.optouts.internal.Messages;
import com.securemailmerge.recipients.EmailAddresses;

/**
 * The addresses of one profile that asked not to be mailed, in one UTF-8 file: a header line, then
 * an address, the time it was added and a note per line, tab-separated. An address added is on the
 * disk (forced) before {@link #add} returns; a removal rewrites the file and moves it into place.
 * Addresses are compared as Exchange compares them: case-insensitively, display names ignored. A
 * line that cannot be read is skipped and counted ({@link #unreadable()}) but kept in the file; a
 * last line without its line end counts when it is an address, and the next one added starts on a
 * line of its own; a file larger than {@link #MAX_BYTES} is refused (nothing may be sent without
 * the list).
 */
public final class OptOutList {

	static final String HEADER = "# SecureMailMerge opt-outs 1"; //$NON-NLS-1$
	/** 64 MiB: a million addresses and more. */
	public static final long MAX_BYTES = 64L * 1024 * 1024;

	/** One address that asked not to be mailed: since when, and what the user noted. */
	public record Entry(String address, Instant since, String note) {
	}

	private final Path file;
	private final Map<String, Entry> entries = new LinkedHashMap<>();
	private final List<Integer> unreadable = new ArrayList<>();
	/** The lines that could not be read, kept as they were when the file is written again. */
	private final List<String> kept = new ArrayList<>();
	/** The file ends without a line end (cut off, or edited by hand): the next line starts on a new one. */
	private boolean unterminated;

	private OptOutList(Path file) {
		this.file = file;
	}

	/** Reads the list (none yet: empty; the file is made when the first address is added). */
	public static OptOutList open(Path file) throws IOException {
		OptOutList list = new OptOutList(file.toAbsolutePath());
		if (Files.exists(list.file)) {
			long size = Files.size(list.file);
			if (size > MAX_BYTES) {
				throw new IOException(NLS.bind(Messages.OptOut_tooLarge, list.file, MAX_BYTES / (1024 * 1024)));
			}
			list.read(new String(Files.readAllBytes(list.file), StandardCharsets.UTF_8));
		}
		return list;
	}

	private void read(String text) {
		String[] lines = text.split("\n", -1); //$NON-NLS-1$
		// a last piece without its line end (typed by hand, or cut off) counts if it is an address: a
		// person who said no is rather left out once too often than mailed
		unterminated = !text.isEmpty() && !text.endsWith("\n"); //$NON-NLS-1$
		for (int i = 0; i < lines.length; i++) {
			String line = lines[i].endsWith("\r") ? lines[i].substring(0, lines[i].length() - 1) : lines[i]; //$NON-NLS-1$
			if (line.isBlank() || line.startsWith("#")) { //$NON-NLS-1$
				continue;
			}
			String[] parts = line.split("\t", 3); //$NON-NLS-1$
			String address = normalize(parts[0]);
			if (!EmailAddresses.isValid(address)) {
				unreadable.add(i + 1);
				kept.add(line);
				continue;
			}
			Instant since = Instant.EPOCH;
			if (parts.length > 1) {
				try {
					since = Instant.parse(parts[1].strip());
				} catch (DateTimeParseException e) {
					// the address counts without its time
				}
			}
			entries.put(address, new Entry(address, since, parts.length > 2 ? parts[2] : "")); //$NON-NLS-1$
		}
	}

	/**
	 * The form addresses are compared in: the address of an address line, stripped, in Unicode's
	 * composed form, the domain in its ASCII (IDN) form, all in lower case; so anna@müller.de,
	 * anna@xn--mller-kva.de and a decomposed ü are one address.
	 */
	public static String normalize(String address) {
		String bare = Normalizer.normalize(AddressLine.address(address).strip(), Normalizer.Form.NFC);
		int at = bare.lastIndexOf('@');
		if (at > 0 && at < bare.length() - 1) {
			try {
				bare = bare.substring(0, at + 1) + IDN.toASCII(bare.substring(at + 1), IDN.ALLOW_UNASSIGNED);
			} catch (IllegalArgumentException e) {
				// no domain IDN can convert: compared as it is (and refused as no address where it matters)
			}
		}
		return bare.toLowerCase(Locale.ROOT);
	}

	public synchronized boolean contains(String address) {
		return entries.containsKey(normalize(address));
	}

	/** Asked by sending for every address of every message. */
	public Predicate<String> asPredicate() {
		return this::contains;
	}

	/**
	 * Adds the address (on the disk when this returns); false when it was on the list already.
	 *
	 * @throws IllegalArgumentException naming the text when it is no address
	 */
	public synchronized boolean add(String address, String note, Instant now) throws IOException {
		String normalized = normalize(address);
		if (!EmailAddresses.isValid(normalized)) {
			throw new IllegalArgumentException(NLS.bind(Messages.OptOut_notAnAddress, address.strip()));
		}
		if (entries.containsKey(normalized)) {
			return false;
		}
		Entry entry = new Entry(normalized, now, oneLine(note));
		append(line(entry));
		entries.put(normalized, entry);
		return true;
	}

	/**
	 * Adds the addresses that are not on the list yet, in one write forced once (an import of
	 * thousands); every one of them must be an address. Returns how many were new.
	 *
	 * @throws IllegalArgumentException naming the first that is no address (then nothing is added)
	 */
	public synchronized int addAll(List<String> addresses, String note, Instant now) throws IOException {
		Map<String, Entry> added = new LinkedHashMap<>();
		for (String address : addresses) {
			String normalized = normalize(address);
			if (!EmailAddresses.isValid(normalized)) {
				throw new IllegalArgumentException(NLS.bind(Messages.OptOut_notAnAddress, address.strip()));
			}
			if (!entries.containsKey(normalized) && !added.containsKey(normalized)) {
				added.put(normalized, new Entry(normalized, now, oneLine(note)));
			}
		}
		if (added.isEmpty()) {
			return 0;
		}
		StringBuilder lines = new StringBuilder();
		added.values().forEach(entry -> lines.append(line(entry)));
		append(lines.toString());
		entries.putAll(added);
		return added.size();
	}

	/** Takes the address off the list (the user was wrong); false when it was not on it. */
	public synchronized boolean remove(String address) throws IOException {
		String normalized = normalize(address);
		Entry removed = entries.remove(normalized);
		if (removed == null) {
			return false;
		}
		try {
			rewrite();
		} catch (IOException e) {
			entries.put(normalized, removed);
			throw e;
		}
		return true;
	}

	public synchronized List<Entry> entries() {
		return List.copyOf(entries.values());
	}

	public synchronized int size() {
		return entries.size();
	}

	/** The numbers of the lines that could not be read (skipped, and kept in the file). */
	public synchronized List<Integer> unreadable() {
		return List.copyOf(unreadable);
	}

	public Path file() {
		return file;
	}

	private void append(String text) throws IOException {
		boolean folderMade = !Files.isDirectory(file.getParent());
		Files.createDirectories(file.getParent());
		boolean fresh = !Files.exists(file) || Files.size(file) == 0;
		try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
				StandardOpenOption.APPEND)) {
			String written = (fresh ? HEADER + '\n' : unterminated ? "\n" : "") + text; //$NON-NLS-1$ //$NON-NLS-2$
			ByteBuffer bytes = ByteBuffer.wrap(written.getBytes(StandardCharsets.UTF_8));
			while (bytes.hasRemaining()) {
				channel.write(bytes);
			}
			channel.force(true);
			unterminated = false;
		} catch (IOException e) {
			throw new IOException(NLS.bind(Messages.OptOut_cannotWrite, file, e.getMessage()), e);
		}
		if (fresh) {
			forceFolder(file.getParent()); // the new file's name is on the disk too
			if (folderMade) {
				forceFolder(file.getParent().getParent());
			}
		}
	}

	/** Forces a folder's entries to the disk where a folder can be opened (not on Windows). */
	private static void forceFolder(@org.eclipse.jdt.annotation.Nullable Path folder) {
		if (folder == null) {
			return;
		}
		try (FileChannel channel = FileChannel.open(folder, StandardOpenOption.READ)) {
			channel.force(true);
		} catch (IOException | UnsupportedOperationException e) {
			// Windows cannot open a folder: NTFS keeps its entries itself
		}
	}

	private void rewrite() throws IOException {
		StringBuilder text = new StringBuilder(HEADER).append('\n');
		kept.forEach(line -> text.append(line).append('\n'));
		entries.values().forEach(entry -> text.append(line(entry)));
		Path temporary = Files.createTempFile(file.getParent(), '.' + file.getFileName().toString(), ".tmp"); //$NON-NLS-1$
		try {
			try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
				ByteBuffer bytes = ByteBuffer.wrap(text.toString().getBytes(StandardCharsets.UTF_8));
				while (bytes.hasRemaining()) {
					channel.write(bytes);
				}
				channel.force(true);
			}
			try {
				Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
			} catch (AtomicMoveNotSupportedException e) {
				Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
			}
			forceFolder(file.getParent());
			unterminated = false;
		} finally {
			Files.deleteIfExists(temporary);
		}
	}

	private static String line(Entry entry) {
		return entry.address() + '\t' + entry.since() + '\t' + entry.note() + '\n';
	}

	/** A note is one line: tabs, line breaks and other controls become spaces. */
	private static String oneLine(String text) {
		StringBuilder out = new StringBuilder(text.length());
		text.codePoints().forEach(c -> out.appendCodePoint(Character.isISOControl(c) ? ' ' : c));
		return out.toString().strip();
	}
}
