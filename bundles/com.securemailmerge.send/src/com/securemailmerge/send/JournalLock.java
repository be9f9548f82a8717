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
 * process of this computer that no longer runs is taken over at once.
 */
final class JournalLock implements AutoCloseable {

	/** How long a lock written by another computer counts without being renewed. */
	static final Duration STALE = Duration.ofMinutes(3);
	private static final Duration RENEW = Duration.ofSeconds(30);

	private final FileChannel channel;
	private final FileLock lock;
	private final String owner;
	private Instant renewed = Instant.EPOCH;

	private JournalLock(FileChannel channel, FileLock lock, String owner) {
		this.channel = channel;
		this.lock = lock;
		this.owner = owner;
	}

	static Path file(Path journal) {
		return journal.resolveSibling(journal.getFileName() + ".lock"); //$NON-NLS-1$
	}

	/** Takes the lock or says, naming the other sender, why it cannot. */
	static JournalLock acquire(Path journal) throws IOException {
		Path file = file(journal);
		FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
				StandardOpenOption.WRITE);
		try {
			FileLock lock;
			try {
				lock = channel.tryLock();
			} catch (OverlappingFileLockException e) {
				lock = null; // held by this very process (another window)
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
			JournalLock taken = new JournalLock(channel, lock, host() + '\t' + ProcessHandle.current().pid());
			taken.renew(true);
			return taken;
		} catch (IOException | RuntimeException e) {
			channel.close();
			throw e;
		}
	}

	/** Writes the owner's line again when it is due (on every journal record). */
	void renew(boolean now) throws IOException {
		Instant time = Instant.now();
		if (!now && Duration.between(renewed, time).compareTo(RENEW) < 0) {
			return;
		}
		byte[] line = (owner + '\t' + time + '\n').getBytes(StandardCharsets.UTF_8);
		channel.truncate(0);
		channel.write(ByteBuffer.wrap(line), 0);
		channel.force(false);
		renewed = time;
	}

	private static String read(FileChannel channel) throws IOException {
		ByteBuffer buffer = ByteBuffer.allocate((int) Math.min(channel.size(), 4096));
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
		try {
			if (lock.isValid()) {
				channel.truncate(0);
				lock.release();
			}
		} finally {
			channel.close();
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
