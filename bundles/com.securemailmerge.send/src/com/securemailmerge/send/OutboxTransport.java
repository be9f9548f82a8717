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

	private Path file(String tag) {
		StringBuilder name = new StringBuilder();
		for (int i = 0; i < tag.length(); i++) {
			char c = tag.charAt(i);
			name.append(Character.isLetterOrDigit(c) || c == '-' || c == '.' ? c : '_');
		}
		return outbox.resolve(name + ".eml"); //$NON-NLS-1$
	}

	@Override
	public Optional<String> findDelivered(String tag) {
		Path file = file(tag);
		return Files.isRegularFile(file) ? Optional.of(file.getFileName().toString()) : Optional.empty();
	}

	@Override
	public Presence presence(String id) {
		return Files.isRegularFile(outbox.resolve(id)) ? Presence.SENT : Presence.UNKNOWN;
	}

	@Override
	public String deliver(MergedMessage message, String tag, java.util.function.Consumer<String> drafted)
			throws IOException {
		Path target = file(tag);
		Path temporary = outbox.resolve('.' + target.getFileName().toString() + ".part"); //$NON-NLS-1$
		try {
			Files.createDirectories(outbox);
		} catch (IOException e) {
			throw stopped(e);
		}
		Watched out = new Watched(Files.newOutputStream(temporary));
		try (out) {
			writer.write(message, tag.replace('/', '.').replace(':', '-'), out);
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
