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

	private Journal(Path file, FileChannel channel) {
		this.file = file;
		this.channel = channel;
	}

	/** Opens (or creates) the journal and reads what it holds. */
	public static Journal open(Path file) throws IOException {
		Files.createDirectories(file.toAbsolutePath().getParent());
		List<JournalEntry> read = new ArrayList<>();
		long valid = 0;
		if (Files.exists(file)) {
			byte[] bytes = Files.readAllBytes(file);
			String text = new String(bytes, StandardCharsets.UTF_8);
			int start = 0;
			while (true) {
				int end = text.indexOf('\n', start);
				if (end < 0) {
					break; // a line without its end: cut off by a crash, never counted
				}
				String line = text.substring(start, end);
				if (!line.startsWith("#") && !line.isBlank()) { //$NON-NLS-1$
					read.add(parse(line));
				}
				start = end + 1;
				valid = text.substring(0, start).getBytes(StandardCharsets.UTF_8).length;
			}
		}
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

	private static JournalEntry parse(String line) throws IOException {
		String[] parts = line.split("\t", 4); //$NON-NLS-1$
		if (parts.length < 3) {
			throw new IOException("Broken journal line: " + line); //$NON-NLS-1$
		}
		return new JournalEntry(Instant.parse(parts[0]), new RecipientKey(unescape(parts[1])),
				RecipientState.valueOf(parts[2]), parts.length > 3 ? unescape(parts[3]) : ""); //$NON-NLS-1$
	}

	private void remember(JournalEntry entry) {
		entries.add(entry);
		last.put(entry.recipient(), entry);
	}

	/** Appends a step and forces it to the disk; only then does it count. */
	public synchronized void record(RecipientKey recipient, RecipientState state, String detail) throws IOException {
		JournalEntry entry = new JournalEntry(Instant.now(), recipient, state, detail);
		write(entry.time() + "\t" + escape(recipient.value()) + '\t' + state + '\t' + escape(detail) + '\n'); //$NON-NLS-1$
		remember(entry);
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
