package com.securemailmerge.send;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.eclipse.jdt.annotation.Nullable;
import org.eclipse.osgi.util.NLS;

import com.securemailmerge.mime.EmlWriter;
import com.securemailmerge.model.MergedMessage;

/**
 * The offline profile's transport: one RFC 5322 .eml file per message in the outbox folder, named
 * after the message's tag. A file is written beside its final name, forced to the disk, moved into
 * place and the folder forced, so an .eml in the outbox is always complete and survives a power cut,
 * and its presence is the proof that it was delivered. An outbox that cannot be written (a full
 * disk) stops the run: that is no recipient's failure.
 */
public final class OutboxTransport implements Transport {

	private final Path outbox;
	private final EmlWriter writer;

	public OutboxTransport(Path outbox, @Nullable String from) {
		this.outbox = outbox;
		this.writer = new EmlWriter(from);
	}

	/**
	 * The file of a tag: one name per tag and one tag per name, also where case does not count
	 * (Windows, macOS). Lower-case ASCII letters, digits, '-' and '.' stand for themselves, every other
	 * character is {@code _} and its four hex digits; a name that would be too long for a file system
	 * is the tag's SHA-256.
	 */
	static String name(String tag) {
		StringBuilder name = new StringBuilder();
		for (int i = 0; i < tag.length(); i++) {
			char c = tag.charAt(i);
			if (c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '.') {
				name.append(c);
			} else {
				name.append('_').append(String.format(java.util.Locale.ROOT, "%04x", (int) c)); //$NON-NLS-1$
			}
		}
		if (name.length() > 200) {
			try {
				byte[] hash = java.security.MessageDigest.getInstance("SHA-256") //$NON-NLS-1$
						.digest(tag.getBytes(java.nio.charset.StandardCharsets.UTF_8));
				return "sha256-" + java.util.HexFormat.of().formatHex(hash) + ".eml"; //$NON-NLS-1$ //$NON-NLS-2$
			} catch (java.security.NoSuchAlgorithmException e) {
				throw new IllegalStateException(e); // every Java has SHA-256
			}
		}
		return name + ".eml"; //$NON-NLS-1$
	}

	/** The name an earlier version gave a tag of the first format (row or contact keys): not injective. */
	private static @Nullable String earlierName(String tag) {
		int slash = tag.indexOf('/');
		String key = slash < 0 ? "" : tag.substring(slash + 1); //$NON-NLS-1$
		if (!key.startsWith("row:") && !key.startsWith("contact:")) { //$NON-NLS-1$ //$NON-NLS-2$
			return null;
		}
		StringBuilder name = new StringBuilder();
		for (int i = 0; i < tag.length(); i++) {
			char c = tag.charAt(i);
			name.append(Character.isLetterOrDigit(c) || c == '-' || c == '.' ? c : '_');
		}
		return name + ".eml"; //$NON-NLS-1$
	}

	private Path file(String tag) {
		return outbox.resolve(name(tag));
	}

	@Override
	public Optional<String> findDelivered(String tag) {
		Path file = file(tag);
		if (Files.isRegularFile(file)) {
			return Optional.of(file.getFileName().toString());
		}
		String earlier = earlierName(tag);
		return earlier != null && Files.isRegularFile(outbox.resolve(earlier)) ? Optional.of(earlier) : Optional.empty();
	}

	@Override
	public Presence presence(String id) {
		return Files.isRegularFile(outbox.resolve(id)) ? Presence.SENT : Presence.UNKNOWN;
	}

	@Override
	public String deliver(MergedMessage message, String tag, java.util.function.Consumer<String> drafted)
			throws IOException {
		return write(message, tag, null);
	}

	/** Offline, the time is written into the .eml ({@code Deferred-Delivery}) for the mail program that sends it. */
	@Override
	public boolean schedules() {
		return true;
	}

	@Override
	public String schedule(MergedMessage message, String tag, java.util.function.Consumer<String> drafted,
			java.time.Instant due) throws IOException {
		return write(message, tag, due);
	}

	/** The file of a tag while it is in the outbox (the mail program that sent it may have moved it). */
	@Override
	public Optional<String> findScheduled(String tag) {
		return findDelivered(tag);
	}

	/** Deletes the file from the outbox: nothing goes out. */
	@Override
	public boolean withdraw(String id) throws IOException {
		Path file = outbox.resolve(id).normalize();
		if (!outbox.normalize().equals(file.getParent())) {
			return false; // never a file outside the outbox
		}
		boolean deleted = Files.deleteIfExists(file);
		if (deleted) {
			Durable.forceFolder(outbox);
		}
		return deleted;
	}

	private String write(MergedMessage message, String tag, java.time.@Nullable Instant due) throws IOException {
		Path target = file(tag);
		Path temporary = outbox.resolve('.' + target.getFileName().toString() + ".part"); //$NON-NLS-1$
		try {
			Files.createDirectories(outbox);
		} catch (IOException e) {
			throw stopped(e);
		}
		Watched out = new Watched(Files.newOutputStream(temporary));
		try (out) {
			// the Message-ID's left part: the file's name, dot-atom characters only (no '@' of an address)
			String name = target.getFileName().toString();
			writer.write(message, name.substring(0, name.length() - ".eml".length()), out, due); //$NON-NLS-1$
		} catch (IOException e) {
			Files.deleteIfExists(temporary);
			throw out.failed ? stopped(e) : e; // the disk failed, or this message (an attachment)
		}
		try {
			Durable.force(temporary);
			Durable.move(temporary, target);
		} catch (IOException e) {
			Files.deleteIfExists(temporary);
			throw stopped(e);
		}
		return target.getFileName().toString();
	}

	private SendingStopped stopped(IOException e) {
		return new SendingStopped(NLS.bind(Messages.Outbox_cannotWrite, outbox, e.getMessage()), e);
	}

	/** Tells whether a failure came from writing to the outbox (not from reading an attachment). */
	@org.eclipse.jdt.annotation.NonNullByDefault({})
	private static final class Watched extends FilterOutputStream {

		boolean failed;

		Watched(OutputStream out) {
			super(out);
		}

		@Override
		public void write(byte[] bytes, int offset, int length) throws IOException {
			try {
				out.write(bytes, offset, length);
			} catch (IOException e) {
				failed = true;
				throw e;
			}
		}

		@Override
		public void write(int b) throws IOException {
			try {
				out.write(b);
			} catch (IOException e) {
				failed = true;
				throw e;
			}
		}

		@Override
		public void flush() throws IOException {
			try {
				out.flush();
			} catch (IOException e) {
				failed = true;
				throw e;
			}
		}

		@Override
		public void close() throws IOException {
			try {
				out.close();
			} catch (IOException e) {
				failed = true;
				throw e;
			}
		}
	}
}
