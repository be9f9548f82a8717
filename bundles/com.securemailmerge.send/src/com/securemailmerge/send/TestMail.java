package com.securemailmerge.send;

import java.io.IOException;
import java.util.List;
import java.util.UUID;

import org.eclipse.osgi.util.NLS;

import com.securemailmerge.merge.CompiledTemplate;
import com.securemailmerge.merge.Rendering;
import com.securemailmerge.model.MergedMessage;
import com.securemailmerge.model.Problem;
import com.securemailmerge.model.Recipient;

/**
 * The message of one recipient sent to oneself first: the same body and attachments, the subject
 * prefixed "[Test]", To the given address only (no Cc, no Bcc: nobody else gets a test), tagged
 * apart from the campaign so it never counts as the recipient's message.
 */
public final class TestMail {

	public static final String PREFIX = "[Test] "; //$NON-NLS-1$

	private TestMail() {
	}

	/** The test message for the recipient; with an empty {@code to} the recipient's own addresses stay (outbox). */
	public static MergedMessage of(CompiledTemplate template, Recipient recipient, String to) throws IOException {
		Rendering rendering = template.render(recipient);
		MergedMessage message = rendering.message();
		if (message == null) {
			throw new IOException(NLS.bind(Messages.TestMail_cannotRender, recipient.key().value(), rendering.problems()
					.stream().filter(Problem::isError).map(Problem::message).findFirst().orElse(""))); //$NON-NLS-1$
		}
		List<String> recipients = to.isBlank() ? message.to() : List.of(to);
		return new MergedMessage(message.recipient(), recipients, to.isBlank() ? message.cc() : List.of(),
				to.isBlank() ? message.bcc() : List.of(), message.replyTo(), PREFIX + message.subject(),
				message.htmlBody(), message.textBody(), message.attachments());
	}

	/** Sends it; returns the transport's id of the message. */
	public static String send(CompiledTemplate template, Recipient recipient, OpenTransport transport) throws IOException {
		MergedMessage message = of(template, recipient, transport.from());
		return transport.transport().deliver(message, "test/" + UUID.randomUUID(), draft -> { //$NON-NLS-1$
			// a test mail keeps no journal
		});
	}
}
