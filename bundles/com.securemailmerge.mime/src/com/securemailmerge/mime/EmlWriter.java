package com.securemailmerge.mime;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Date;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Supplier;

import org.eclipse.jdt.annotation.Nullable;

import jakarta.activation.DataHandler;
import jakarta.activation.FileDataSource;
import jakarta.mail.Message.RecipientType;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.internet.MimeUtility;

/**
 * Writes a merged message as an RFC 5322 message: multipart/alternative (plain text and HTML, UTF-8,
 * quoted-printable), inside multipart/mixed when there are attachments. The message is marked
 * {@code X-Unsent: 1}, so Outlook opens an .eml from the outbox as a draft ready to send. The
 * Message-ID never names this computer.
 */
public final class EmlWriter {

	private static final String DOMAIN = "securemailmerge.invalid"; //$NON-NLS-1$

	private final Session session;
	private final @Nullable String from;

	/** @param from the sender shown in From (the signed-in mailbox), or null to leave it to the client */
	public EmlWriter(@Nullable String from) {
		this.from = from;
		Properties properties = new Properties();
		properties.setProperty("mail.mime.charset", "UTF-8"); //$NON-NLS-1$ //$NON-NLS-2$
		this.session = withMailClassLoader(() -> Session.getInstance(properties));
	}

	/** The complete message as bytes; the Message-ID is {@code <id@securemailmerge.invalid>}. */
	public byte[] toBytes(com.securemailmerge.model.MergedMessage message, String id) throws MessagingException {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream(8192);
		write(message, id, bytes);
		return bytes.toByteArray();
	}

	public void write(com.securemailmerge.model.MergedMessage message, String id, OutputStream out)
			throws MessagingException {
		try {
			withMailClassLoader(() -> {
				try {
					build(message, id).writeTo(out);
					return null;
				} catch (IOException | MessagingException e) {
					throw new WrappedException(e);
				}
			});
		} catch (WrappedException e) {
			if (e.getCause() instanceof MessagingException m) {
				throw m;
			}
			throw new MessagingException(e.getCause().getMessage(), (Exception) e.getCause());
		}
	}

	/** A fresh id for a message that has no stable one. */
	public static String randomId() {
		return UUID.randomUUID().toString();
	}

	private MimeMessage build(com.securemailmerge.model.MergedMessage message, String id) throws MessagingException {
		MimeMessage mime = new FixedIdMessage(session, '<' + id + '@' + DOMAIN + '>');
		String sender = from;
		if (sender != null) {
			mime.setFrom(address(sender));
		}
		mime.setRecipients(RecipientType.TO, addresses(message.to()));
		if (!message.cc().isEmpty()) {
			mime.setRecipients(RecipientType.CC, addresses(message.cc()));
		}
		if (!message.bcc().isEmpty()) {
			mime.setRecipients(RecipientType.BCC, addresses(message.bcc()));
		}
		String replyTo = message.replyTo();
		if (replyTo != null) {
			mime.setReplyTo(addresses(List.of(replyTo.split(",")))); //$NON-NLS-1$
		}
		mime.setSubject(message.subject(), StandardCharsets.UTF_8.name());
		mime.setSentDate(new Date());
		mime.setHeader("X-Unsent", "1"); //$NON-NLS-1$ //$NON-NLS-2$
		MimeMultipart alternative = new MimeMultipart("alternative"); //$NON-NLS-1$
		alternative.addBodyPart(text(message.textBody(), "plain")); //$NON-NLS-1$
		alternative.addBodyPart(text(message.htmlBody(), "html")); //$NON-NLS-1$
		if (message.attachments().isEmpty()) {
			mime.setContent(alternative);
		} else {
			MimeMultipart mixed = new MimeMultipart("mixed"); //$NON-NLS-1$
			MimeBodyPart body = new MimeBodyPart();
			body.setContent(alternative);
			mixed.addBodyPart(body);
			for (Path path : message.attachments()) {
				mixed.addBodyPart(attachment(path));
			}
			mime.setContent(mixed);
		}
		mime.saveChanges();
		return mime;
	}

	private static MimeBodyPart text(String text, String subtype) throws MessagingException {
		MimeBodyPart part = new MimeBodyPart();
		part.setText(text, StandardCharsets.UTF_8.name(), subtype);
		part.setHeader("Content-Transfer-Encoding", "quoted-printable"); //$NON-NLS-1$ //$NON-NLS-2$
		return part;
	}

	private static MimeBodyPart attachment(Path path) throws MessagingException {
		MimeBodyPart part = new MimeBodyPart();
		part.setDataHandler(new DataHandler(new FileDataSource(path.toFile())));
		try {
			part.setFileName(MimeUtility.encodeText(path.getFileName().toString(), StandardCharsets.UTF_8.name(), null));
		} catch (java.io.UnsupportedEncodingException e) {
			part.setFileName(path.getFileName().toString());
		}
		part.setDisposition(MimeBodyPart.ATTACHMENT);
		return part;
	}

	/** An address whose display name is encoded as UTF-8, whatever the platform's charset. */
	private static InternetAddress address(String entry) throws AddressException {
		InternetAddress parsed = new InternetAddress(entry, true);
		String personal = parsed.getPersonal();
		if (personal == null) {
			return parsed;
		}
		try {
			return new InternetAddress(parsed.getAddress(), personal, StandardCharsets.UTF_8.name());
		} catch (java.io.UnsupportedEncodingException e) {
			throw new IllegalStateException(e); // UTF-8 is always there
		}
	}

	private static InternetAddress[] addresses(List<String> entries) throws AddressException {
		InternetAddress[] addresses = new InternetAddress[entries.size()];
		for (int i = 0; i < addresses.length; i++) {
			addresses[i] = address(entries.get(i));
		}
		return addresses;
	}

	/** Runs with the context class loader that lets Jakarta Mail find Angus (see MailClassLoader). */
	private static <T> T withMailClassLoader(Supplier<T> action) {
		Thread thread = Thread.currentThread();
		ClassLoader previous = thread.getContextClassLoader();
		thread.setContextClassLoader(MailClassLoader.INSTANCE);
		try {
			return action.get();
		} finally {
			thread.setContextClassLoader(previous);
		}
	}

	/** Keeps the given Message-ID instead of one made from the host name. */
	private static final class FixedIdMessage extends MimeMessage {

		private final String messageId;

		FixedIdMessage(Session session, String messageId) {
			super(session);
			this.messageId = messageId;
		}

		@Override
		protected void updateMessageID() throws MessagingException {
			setHeader("Message-ID", messageId); //$NON-NLS-1$
		}
	}

	private static final class WrappedException extends RuntimeException {

		private static final long serialVersionUID = 1L;

		WrappedException(Exception cause) {
			super(cause);
		}
	}
}
