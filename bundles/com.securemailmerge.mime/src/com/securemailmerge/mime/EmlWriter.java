package com.securemailmerge.mime;

import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
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
import jakarta.mail.internet.PreencodedMimeBodyPart;
import jakarta.mail.util.ByteArrayDataSource;

/**
 * Writes a merged message as an RFC 5322 message: multipart/alternative (plain text and HTML, UTF-8,
 * base64), inside multipart/mixed when there are attachments. The message is marked
 * {@code X-Unsent: 1}, so Outlook opens an .eml from the outbox as a draft ready to send. The
 * Message-ID never names this computer.
 */
public final class EmlWriter {

	private static final String STREAM_PROVIDER = "jakarta.mail.util.StreamProvider"; //$NON-NLS-1$
	private static final String DOMAIN = "securemailmerge.invalid"; //$NON-NLS-1$

	private final Session session;
	private final @Nullable String from;

	/** @param from the sender shown in From (the signed-in mailbox), or null to leave it to the client */
	public EmlWriter(@Nullable String from) {
		this.from = from;
		// Jakarta Mail asks for its StreamProvider for every body part; without this property each ask
		// is a ServiceLoader scan (woven by SPI Fly in OSGi), which made writing ten times slower
		if (System.getProperty(STREAM_PROVIDER) == null) {
			System.setProperty(STREAM_PROVIDER, "org.eclipse.angus.mail.util.MailStreamProvider"); //$NON-NLS-1$
		}
		Properties properties = new Properties();
		properties.setProperty("mail.mime.charset", "UTF-8"); //$NON-NLS-1$ //$NON-NLS-2$
		this.session = withMailClassLoader(() -> Session.getInstance(properties));
	}

	/** The complete message as bytes; the Message-ID is {@code <id@securemailmerge.invalid>}. */
	public byte[] toBytes(com.securemailmerge.model.MergedMessage message, String id) throws IOException {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream(16384);
		write(message, id, bytes);
		return bytes.toByteArray();
	}

	/**
	 * Writes the message; an unreadable attachment or a malformed address is an IOException whose
	 * message names it.
	 */
	public void write(com.securemailmerge.model.MergedMessage message, String id, OutputStream out)
			throws IOException {
		write(message, id, out, null);
	}

	/**
	 * Writes the message to go out at {@code deferred} (null: when it is sent): the time is in a
	 * {@code Deferred-Delivery} header (RFC 4021, 2.1.65), in RFC 5322's date format, for the mail
	 * program that sends the file.
	 */
	public void write(com.securemailmerge.model.MergedMessage message, String id, OutputStream out,
			java.time.@Nullable Instant deferred) throws IOException {
		try {
			withMailClassLoader(() -> {
				try {
					// the encoders write byte by byte: a buffer keeps that off the target stream
					BufferedOutputStream buffered = new BufferedOutputStream(out, 16384);
					MimeMessage mime = build(message, id);
					if (deferred != null) {
						mime.setHeader("Deferred-Delivery", //$NON-NLS-1$
								new jakarta.mail.internet.MailDateFormat().format(Date.from(deferred)));
					}
					mime.writeTo(buffered);
					buffered.flush();
					return null;
				} catch (IOException | MessagingException e) {
					throw new WrappedException(e);
				}
			});
		} catch (WrappedException e) {
			Throwable cause = e.getCause();
			if (cause instanceof IOException io) {
				throw io;
			}
			Throwable inner = cause instanceof MessagingException m && m.getNextException() != null ? m.getNextException()
					: cause;
			throw new IOException(inner.getMessage(), cause);
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
		if (!message.replyTo().isEmpty()) {
			mime.setReplyTo(addresses(message.replyTo()));
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

	/**
	 * A text part, UTF-8, encoded here as base64 with the JDK's encoder (76-character lines): Jakarta
	 * Mail's quoted-printable stream writes byte by byte and took a quarter of the writing time.
	 */
	private static MimeBodyPart text(String text, String subtype) throws MessagingException {
		byte[] encoded = Base64.getMimeEncoder().encode(text.getBytes(StandardCharsets.UTF_8));
		MimeBodyPart part = new PreencodedMimeBodyPart("base64"); //$NON-NLS-1$
		part.setDataHandler(new DataHandler(new ByteArrayDataSource(encoded, "text/" + subtype + "; charset=UTF-8"))); //$NON-NLS-1$ //$NON-NLS-2$
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
	/** One entry as {@link com.securemailmerge.model.AddressLine} wrote it: the name is never parsed as syntax. */
	private static InternetAddress address(String entry) throws AddressException {
		String name = com.securemailmerge.model.AddressLine.name(entry);
		InternetAddress parsed = new InternetAddress(com.securemailmerge.model.AddressLine.address(entry), true);
		if (name.isEmpty()) {
			return parsed;
		}
		try {
			return new InternetAddress(parsed.getAddress(), name, StandardCharsets.UTF_8.name());
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
