package com.securemailmerge.send;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.securemailmerge.model.RecipientKey;

/**
 * The append-only record of a campaign's sending, next to the campaign file: one tab-separated
 * line per step, forced to the disk before the step counts. Reading tolerates a last line that a
 * crash cut off (it is ignored: that step had not counted). The last entry of a recipient is its state.
 */
public final class Journal implements AutoCloseable {

	private static final String HEADER = "# SecureMailMerge journal 1\n"; //$NON-NLS-1$

	private final Path file;
	private final FileChannel channel;
	private final Map<RecipientKey, JournalEntry> last = new LinkedHashMap<>();
	private final List<JournalEntry> entries = new ArrayList<>();
	private final List<java.util.function.Consumer<JournalEntry>> listeners = new java.util.concurrent.CopyOnWriteArrayList<>();

	private Journal(Path file, FileChannel channel) {
		this.file = file;
		this.channel = channel;
	}

	/** Opens (or creates) the journal and reads what it holds. */
	public static Journal open(Path file) throws IOException {
		Files.createDirectories(file.toAbsolutePath().getParent());
		List<JournalEntry> read = new ArrayList<>();
		long valid = Files.exists(file) ? read(Files.readAllBytes(file), read) : 0;
		FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.READ);
		channel.truncate(valid); // drops a torn last line
		channel.position(valid);
		Journal journal = new Journal(file, channel);
		if (valid == 0) {
			journal.write(HEADER);
		}
		read.forEach(journal::remember);
		return journal;
	}

	/** What a journal holds, without opening it for writing (none: empty). */
	public static List<JournalEntry> read(Path file) throws IOException {
		List<JournalEntry> read = new ArrayList<>();
		if (Files.exists(file)) {
			read(Files.readAllBytes(file), read);
		}
		return read;
	}

	/** Reads complete lines; returns the length in bytes of what was read. */
	private static long read(byte[] bytes, List<JournalEntry> into) throws IOException {
		long valid = 0;
		int start = 0;
		for (int end = 0; end < bytes.length; end++) {
			if (bytes[end] != '\n') {
				continue;
			}
			String line = new String(bytes, start, end - start, StandardCharsets.UTF_8);
			if (!line.startsWith("#") && !line.isBlank()) { //$NON-NLS-1$
				into.add(parse(line));
			}
			start = end + 1;
			valid = start;
		}
		return valid; // a line without its end was cut off by a crash and never counted
	}

	private static JournalEntry parse(String line) throws IOException {
		String[] parts = line.split("\t", 5); //$NON-NLS-1$
		if (parts.length < 3) {
			throw new IOException("Broken journal line: " + line); //$NON-NLS-1$
		}
		try {
			return new JournalEntry(Instant.parse(parts[0]), new RecipientKey(unescape(parts[1])),
					RecipientState.valueOf(parts[2]), parts.length > 3 ? unescape(parts[3]) : "", //$NON-NLS-1$
					parts.length > 4 ? Integer.parseInt(parts[4].strip()) : 0);
		} catch (RuntimeException e) {
			throw new IOException("Broken journal line: " + line, e); //$NON-NLS-1$
		}
	}

	private void remember(JournalEntry entry) {
		entries.add(entry);
		last.put(entry.recipient(), entry);
	}

	/** Appends a step and forces it to the disk; only then does it count. */
	public void record(RecipientKey recipient, RecipientState state, String detail) throws IOException {
		record(recipient, state, detail, 0);
	}

	/** Appends a step with the number of addresses the message went to (for SENT). */
	public synchronized void record(RecipientKey recipient, RecipientState state, String detail, int addresses)
			throws IOException {
		JournalEntry entry = new JournalEntry(Instant.now(), recipient, state, detail, addresses);
		write(entry.time() + "\t" + escape(recipient.value()) + '\t' + state + '\t' + escape(detail) //$NON-NLS-1$
				+ (addresses > 0 ? "\t" + addresses : "") + '\n'); //$NON-NLS-1$ //$NON-NLS-2$
		remember(entry);
		listeners.forEach(listener -> listener.accept(entry));
	}

	/** Told of every step recorded from now on (on the thread that records it). */
	public void addListener(java.util.function.Consumer<JournalEntry> listener) {
		listeners.add(listener);
	}

	public void removeListener(java.util.function.Consumer<JournalEntry> listener) {
		listeners.remove(listener);
	}

	private void write(String text) throws IOException {
		ByteBuffer buffer = ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
		while (buffer.hasRemaining()) {
			channel.write(buffer);
		}
		channel.force(false);
	}

	/** The last recorded state of every recipient that has one. */
	public synchronized Map<RecipientKey, JournalEntry> states() {
		return Collections.unmodifiableMap(new LinkedHashMap<>(last));
	}

	public synchronized RecipientState state(RecipientKey recipient) {
		JournalEntry entry = last.get(recipient);
		return entry == null ? RecipientState.PLANNED : entry.state();
	}

	/** Every entry in order. */
	public synchronized List<JournalEntry> entries() {
		return List.copyOf(entries);
	}

	public Path file() {
		return file;
	}

	private static String escape(String text) {
		return text.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r"); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$ //$NON-NLS-5$ //$NON-NLS-6$ //$NON-NLS-7$ //$NON-NLS-8$
	}

	private static String unescape(String text) {
		StringBuilder out = new StringBuilder(text.length());
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c == '\\' && i + 1 < text.length()) {
				char next = text.charAt(++i);
				out.append(switch (next) {
				case 't' -> '\t';
				case 'n' -> '\n';
				case 'r' -> '\r';
				default -> next;
				});
			} else {
				out.append(c);
			}
		}
		return out.toString();
	}

	@Override
	public synchronized void close() throws IOException {
		channel.close();
	}
}
