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
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import org.eclipse.jdt.annotation.Nullable;
import org.eclipse.osgi.util.NLS;

import com.securemailmerge.model.RecipientKey;
import com.securemailmerge.model.RecipientList;

/**
 * The append-only record of a campaign's sending: one tab-separated line per step, forced to the
 * disk before the step counts. The last entry of a recipient is its state.
 * <p>
 * It cannot be broken for good. Opened for sending it is locked ({@link JournalLock}): a second
 * window or computer is refused with the other sender's name and writes nothing. A last line that a
 * crash cut off is cut back before anything is appended; a write that fails (a full disk) is cut back
 * at once and stops the run, so no record is ever glued to a torn one. Lines that cannot be read
 * anywhere in the file are skipped and reported by number ({@link #unreadable()}), and every other
 * record is kept. Journals of the first format (recipients keyed by row) are read; their keys are
 * turned into addresses by {@link JournalMigration}.
 */
public final class Journal implements AutoCloseable {

	/** The format written now: recipients keyed by address. */
	static final int FORMAT = 2;
	static final String HEADER = "# SecureMailMerge journal "; //$NON-NLS-1$

	private final Path file;
	private final FileChannel channel;
	private final @Nullable JournalLock lock;
	private final Map<RecipientKey, JournalEntry> last = new LinkedHashMap<>();
	private final List<JournalEntry> entries = new ArrayList<>();
	private final List<Consumer<JournalEntry>> listeners = new CopyOnWriteArrayList<>();
	private final Contents read;
	private @Nullable IOException broken;

	private final @Nullable JournalMigration migration;

	private Journal(Path file, FileChannel channel, @Nullable JournalLock lock, Contents read,
			@Nullable JournalMigration migration) {
		this.file = file;
		this.channel = channel;
		this.lock = lock;
		this.read = read;
		this.migration = migration;
	}

	/** What opening did to a journal of the first format (null: nothing to migrate). */
	public @Nullable JournalMigration migration() {
		return migration;
	}

	/** What a journal file holds: its records, its format and the numbers of the lines it could not read. */
	public record Contents(List<JournalEntry> entries, int format, List<Integer> unreadable, long validLength) {
	}

	/**
	 * Opens (or creates) the journal for sending, locked against every other sender, and reads what it
	 * holds. Refused with a {@link SendingStopped} that names the other sender while one is sending.
	 */
	public static Journal open(Path file) throws IOException {
		return open(file, null);
	}

	/**
	 * Opens the journal for sending to this list: a journal of the first format (recipients keyed by
	 * their row) is first written anew with the keys the list's rows have now ({@link JournalMigration}).
	 */
	public static Journal open(Path file, @Nullable RecipientList list) throws IOException {
		Path folder = file.toAbsolutePath().getParent();
		if (!Files.isDirectory(folder)) {
			Files.createDirectories(folder);
			Durable.forceFolder(folder.getParent()); // the new folder itself survives a power cut
		}
		JournalLock lock = JournalLock.acquire(file);
		try {
			Contents contents = contents(file);
			JournalMigration migration = null;
			if (list != null && contents.format() < FORMAT && !contents.entries().isEmpty()) {
				migration = JournalMigration.of(contents.entries(), list);
				StringBuilder text = new StringBuilder(HEADER + FORMAT + '\n');
				migration.entries().forEach(entry -> text.append(JournalLines.line(entry)));
				Path temporary = file.resolveSibling(file.getFileName() + ".new"); //$NON-NLS-1$
				Durable.write(temporary, text.toString().getBytes(StandardCharsets.UTF_8));
				Path kept = file.resolveSibling(file.getFileName() + ".format1"); //$NON-NLS-1$
				Files.copy(file, kept, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
				Durable.move(temporary, file);
				contents = contents(file);
			}
			FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
					StandardOpenOption.READ);
			Journal journal = new Journal(file, channel, lock, contents, migration);
			channel.truncate(contents.validLength()); // a torn last line never counted
			channel.position(contents.validLength());
			if (contents.validLength() == 0) {
				journal.write(HEADER + FORMAT + '\n');
				Durable.forceFolder(folder);
			}
			contents.entries().forEach(journal::remember);
			return journal;
		} catch (IOException | RuntimeException e) {
			lock.close();
			throw e;
		}
	}

	/** What a journal holds, without opening it for writing (none: empty). */
	public static List<JournalEntry> read(Path file) throws IOException {
		return contents(file).entries();
	}

	/**
	 * What a journal holds, as it will be once opened for sending to this list: the records of a
	 * journal of the first format with the keys the list's rows have now (nothing is written).
	 */
	public static List<JournalEntry> read(Path file, @Nullable RecipientList list) throws IOException {
		Contents contents = contents(file);
		return list != null && contents.format() < FORMAT ? JournalMigration.of(contents.entries(), list).entries()
				: contents.entries();
	}

	/** The last entry of every recipient in the journal, as {@link #read(Path, RecipientList)} reads it. */
	public static java.util.Map<com.securemailmerge.model.RecipientKey, JournalEntry> last(Path file,
			@Nullable RecipientList list) throws IOException {
		java.util.Map<com.securemailmerge.model.RecipientKey, JournalEntry> last = new java.util.LinkedHashMap<>();
		read(file, list).forEach(entry -> last.put(entry.recipient(), entry));
		return last;
	}

	/** Everything a journal file holds, with the lines that could not be read. */
	public static Contents contents(Path file) throws IOException {
		if (!Files.exists(file)) {
			return new Contents(List.of(), FORMAT, List.of(), 0);
		}
		return JournalLines.parse(Files.readAllBytes(file));
	}

	private void remember(JournalEntry entry) {
		entries.add(entry);
		last.put(entry.recipient(), entry);
	}

	/** Appends a step and forces it to the disk; only then does it count. */
	public void record(RecipientKey recipient, RecipientState state, String detail) throws IOException {
		record(recipient, state, detail, 0);
	}

	/**
	 * Appends a step with the number of addresses the message went to (for SENT). A write that fails
	 * is cut back and stops sending ({@link SendingStopped}); the step did not count.
	 */
	public synchronized void record(RecipientKey recipient, RecipientState state, String detail, int addresses)
			throws IOException {
		JournalEntry entry = new JournalEntry(Instant.now(), recipient, state, detail, addresses);
		write(JournalLines.line(entry));
		remember(entry);
		listeners.forEach(listener -> listener.accept(entry));
	}

	/** Told of every step recorded from now on (on the thread that records it). */
	public void addListener(Consumer<JournalEntry> listener) {
		listeners.add(listener);
	}

	public void removeListener(Consumer<JournalEntry> listener) {
		listeners.remove(listener);
	}

	private void write(String text) throws IOException {
		IOException earlier = broken;
		if (earlier != null) {
			throw new SendingStopped(NLS.bind(Messages.Journal_writeFailed, file, earlier.getMessage()), earlier);
		}
		JournalLock held = lock;
		if (held != null) {
			held.check(); // another computer took the journal over: nothing more is written
		}
		long before = channel.position();
		ByteBuffer buffer = ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
		try {
			while (buffer.hasRemaining()) {
				channel.write(buffer);
			}
			channel.force(false);
		} catch (IOException e) {
			try {
				channel.truncate(before); // nothing half-written stays to glue the next record to
				channel.position(before);
				channel.force(false);
			} catch (IOException again) {
				e.addSuppressed(again);
				broken = e; // the next open cuts the torn tail back
			}
			throw new SendingStopped(NLS.bind(Messages.Journal_writeFailed, file, e.getMessage()), e);
		}
	}

	/** The last recorded state of every recipient that has one. */
	public synchronized Map<RecipientKey, JournalEntry> states() {
		return Collections.unmodifiableMap(new LinkedHashMap<>(last));
	}

	public synchronized RecipientState state(RecipientKey recipient) {
		JournalEntry entry = last.get(recipient);
		return entry == null ? RecipientState.PLANNED : entry.state();
	}

	/** The last entry of a recipient, if it has one. */
	public synchronized @Nullable JournalEntry last(RecipientKey recipient) {
		return last.get(recipient);
	}

	/** Every entry in order. */
	public synchronized List<JournalEntry> entries() {
		return List.copyOf(entries);
	}

	/** Every entry of one recipient, in order. */
	public synchronized List<JournalEntry> entries(RecipientKey recipient) {
		return entries.stream().filter(e -> e.recipient().equals(recipient)).toList();
	}

	/** The numbers of the lines that could not be read when the journal was opened (skipped). */
	public List<Integer> unreadable() {
		return read.unreadable();
	}

	/** The format of the file as it was opened (1: recipients keyed by row, before addresses). */
	public int format() {
		return read.format();
	}

	public Path file() {
		return file;
	}

	@Override
	public synchronized void close() throws IOException {
		try {
			channel.close();
		} finally {
			JournalLock held = lock;
			if (held != null) {
				held.close();
			}
		}
	}
}
