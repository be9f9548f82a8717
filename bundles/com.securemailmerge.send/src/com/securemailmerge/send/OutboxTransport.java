package com.securemailmerge.send;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

import org.eclipse.jdt.annotation.Nullable;

import com.securemailmerge.mime.EmlWriter;
import com.securemailmerge.model.MergedMessage;

/**
 * The offline profile's transport: one RFC 5322 .eml file per message in the outbox folder, named
 * after the message's tag. A file is written beside its final name and moved into place, so an
 * .eml in the outbox is always complete, and its presence is the proof that it was delivered.
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
	public String deliver(MergedMessage message, String tag, java.util.function.Consumer<String> drafted)
			throws IOException {
		Files.createDirectories(outbox);
		Path target = file(tag);
		Path temporary = outbox.resolve('.' + target.getFileName().toString() + ".part"); //$NON-NLS-1$
		try (OutputStream out = Files.newOutputStream(temporary)) {
			writer.write(message, tag.replace('/', '.').replace(':', '-'), out);
		}
		try {
			Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
		} catch (AtomicMoveNotSupportedException e) {
			Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
		}
		return target.getFileName().toString();
	}
}
