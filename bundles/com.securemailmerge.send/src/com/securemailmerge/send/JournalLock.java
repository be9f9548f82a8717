package com.securemailmerge.send;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.eclipse.jdt.annotation.Nullable;
import org.eclipse.osgi.util.NLS;

/**
 * Only one sender of a campaign at a time: a lock file beside the journal, held with an operating
 * system lock (another window or process on this computer) and naming its owner (computer, process,
 * since when) for a computer that shares the folder through a sync service, where operating system
 * locks do not reach. The owner's line is renewed while sending; a lock file left by a sender on
 * another computer that has not renewed it for {@link #STALE} is taken as abandoned, and one left by a
 * process of this computer that no longer runs is taken over at once (its operating system lock went
 * with it). The owner's line is renewed every {@link #RENEW} by a thread of its own, also while the
 * run waits (a pause, a Retry-After, confirmations), and only while it still names this sender: one
 * that was taken over by another computer stops writing.
 * <p>
 * The operating system lock covers one byte far beyond the file's content, so that the owner's line
 * stays readable on Windows too. Within one process a journal is locked once: a second opening is
 * refused before it opens a channel of its own, since closing any channel of a file releases the
 * process's lock on it (POSIX).
 */
final class JournalLock implements AutoCloseable {

	/** The journals this process holds (the operating system lock is per process, not per channel). */
	private static final java.util.Set<Path> HELD = java.util.concurrent.ConcurrentHashMap.newKeySet();
	private static final long REGION = Long.MAX_VALUE - 1;

	/** How long a lock written by another computer counts without being renewed. */
	static final Duration STALE = Duration.ofMinutes(3);
	static final Duration RENEW = Duration.ofSeconds(30);

	private final Path key;
	private final FileChannel channel;
	private final FileLock lock;
	private final String owner;
	private final java.util.concurrent.ScheduledExecutorService renewer;
	private volatile @Nullable String lost;

	private JournalLock(Path key, FileChannel channel, FileLock lock, String owner) {
		this.key = key;
		this.channel = channel;
		this.lock = lock;
		this.owner = owner;
		this.renewer = java.util.concurrent.Executors.newSingleThreadScheduledExecutor(runnable -> {
			Thread thread = new Thread(runnable, "smm-journal-lock"); //$NON-NLS-1$
			thread.setDaemon(true);
			return thread;
		});
	}

	static Path file(Path journal) {
		return journal.resolveSibling(journal.getFileName() + ".lock"); //$NON-NLS-1$
	}

	/** Takes the lock or says, naming the other sender, why it cannot. */
	static JournalLock acquire(Path journal) throws IOException {
		Path file = file(journal);
		Path key = file.toAbsolutePath().normalize();
		if (!HELD.add(key)) { // another window of this process sends it
			throw new SendingStopped(NLS.bind(Messages.Lock_held, describe(readQuietly(file))), null);
		}
		FileChannel channel = null;
		try {
			channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
			FileLock lock;
			try {
				lock = channel.tryLock(REGION, 1, false);
			} catch (OverlappingFileLockException e) {
				lock = null;
			}
			String held = read(channel);
			if (lock == null) {
				throw new SendingStopped(NLS.bind(Messages.Lock_held, describe(held)), null);
			}
			Optional<String[]> other = parse(held);
			if (other.isPresent() && !other.get()[0].equals(host()) && !stale(other.get())) {
				lock.release();
				throw new SendingStopped(NLS.bind(Messages.Lock_held, describe(held)), null);
			}
			JournalLock taken = new JournalLock(key, channel, lock, host() + '\t' + ProcessHandle.current().pid());
			taken.renew(true); // this computer's line replaces an abandoned one
			taken.renewer.scheduleWithFixedDelay(taken::renewQuietly, RENEW.toSeconds(), RENEW.toSeconds(),
					java.util.concurrent.TimeUnit.SECONDS);
			return taken;
		} catch (IOException | RuntimeException e) {
			HELD.remove(key);
			if (channel != null) {
				channel.close();
			}
			throw e;
		}
	}

	private static String readQuietly(Path file) {
		try {
			return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8).strip() : ""; //$NON-NLS-1$
		} catch (IOException e) {
			return ""; //$NON-NLS-1$
		}
	}

	/**
	 * Writes the owner's line with the time again, if it still names this sender; otherwise the lock
	 * was taken over (by a computer that took it for abandoned) and {@link #check()} refuses from now on.
	 */
	synchronized void renew(boolean taking) throws IOException {
		if (lost != null) {
			return;
		}
		if (taking) {
			write();
			return;
		}
		String current = read(channel);
		Optional<String[]> holder = parse(current);
		if (holder.isPresent() && !(holder.get()[0] + '\t' + holder.get()[1]).equals(owner) && !stale(holder.get())) {
			lost = current;
			return;
		}
		write();
	}

	private void write() throws IOException {
		byte[] line = (owner + '\t' + Instant.now() + '\n').getBytes(StandardCharsets.UTF_8);
		channel.write(ByteBuffer.wrap(line), 0); // first the new line, then cut what is left of the old
		channel.truncate(line.length);
		channel.force(false);
	}

	private void renewQuietly() {
		try {
			renew(false);
		} catch (IOException | RuntimeException e) {
			// renewed on the next turn; a full disk stops the run through the journal itself
		}
	}

	/** Refuses to go on when another sender took this journal over. */
	void check() throws SendingStopped {
		String taken = lost;
		if (taken != null) {
			throw new SendingStopped(NLS.bind(Messages.Lock_lost, describe(taken)), null);
		}
	}

	private static String read(FileChannel channel) throws IOException {
		ByteBuffer buffer = ByteBuffer.allocate((int) Math.max(0, Math.min(channel.size(), 4096)));
		channel.read(buffer, 0);
		return new String(buffer.array(), 0, buffer.position(), StandardCharsets.UTF_8).strip();
	}

	/** host, pid, time */
	private static Optional<String[]> parse(String held) {
		String[] parts = held.split("\t"); //$NON-NLS-1$
		return parts.length == 3 ? Optional.of(parts) : Optional.empty();
	}

	private static boolean stale(String[] owner) {
		try {
			return Instant.parse(owner[2]).plus(STALE).isBefore(Instant.now());
		} catch (RuntimeException e) {
			return true;
		}
	}

	private static String describe(String held) {
		Optional<String[]> owner = parse(held);
		if (owner.isEmpty()) {
			return Messages.Lock_unknownOwner;
		}
		String host = owner.get()[0].equals(host()) ? Messages.Lock_thisComputer
				: NLS.bind(Messages.Lock_otherComputer, owner.get()[0]);
		return NLS.bind(Messages.Lock_owner, new Object[] { host, owner.get()[1], owner.get()[2] });
	}

	static String host() {
		String name = System.getenv("COMPUTERNAME"); //$NON-NLS-1$
		if (name == null || name.isBlank()) {
			name = System.getenv("HOSTNAME"); //$NON-NLS-1$
		}
		if (name == null || name.isBlank()) {
			try {
				name = Files.readString(Path.of("/etc/hostname"), StandardCharsets.UTF_8).strip(); //$NON-NLS-1$
			} catch (IOException | RuntimeException e) {
				name = ""; //$NON-NLS-1$
			}
		}
		if (name.isBlank()) {
			// "pid@host" from the operating system's own name (InetAddress would ask the DNS)
			String vm = ManagementFactory.getRuntimeMXBean().getName();
			name = vm.substring(vm.indexOf('@') + 1);
		}
		return name.replace('\t', ' ');
	}

	@Override
	public void close() throws IOException {
		renewer.shutdownNow();
		try {
			synchronized (this) {
				if (lock.isValid() && lost == null) {
					channel.truncate(0);
				}
				if (lock.isValid()) {
					lock.release();
				}
			}
		} finally {
			channel.close();
			HELD.remove(key);
		}
	}

	/** For messages: who holds the lock of this journal now, if anybody does. */
	static @Nullable String holder(Path journal) {
		Path file = file(journal);
		try {
			if (!Files.exists(file) || Files.size(file) == 0) {
				return null;
			}
			return describe(Files.readString(file, StandardCharsets.UTF_8).strip());
		} catch (IOException e) {
			return null;
		}
	}
}
