package com.securemailmerge.mime;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.securemailmerge.model.MergedMessage;
import com.securemailmerge.model.RecipientKey;

import jakarta.mail.BodyPart;
import jakarta.mail.Message.RecipientType;
import jakarta.mail.Multipart;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;

@org.eclipse.jdt.annotation.NonNullByDefault({})
class EmlWriterTest {

	@TempDir
	Path folder;

	private static MergedMessage message(List<Path> attachments) {
		return new MergedMessage(new RecipientKey("row:2"), List.of("Jörg Weiß <joerg@example.org>"),
				List.of("cc@example.org"), List.of(), List.of("office@example.org"), "Einladung für Jörg – 15. März",
				"<p>Grüße, Jörg €</p>", "Grüße, Jörg €\n", attachments);
	}

	private static MimeMessage parse(byte[] bytes) throws Exception {
		Thread thread = Thread.currentThread();
		ClassLoader previous = thread.getContextClassLoader();
		thread.setContextClassLoader(MailClassLoader.INSTANCE);
		try {
			return new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(bytes));
		} finally {
			thread.setContextClassLoader(previous);
		}
	}

	@Test
	void namesWithCommasAndAngleBracketsStayNamesAndSeveralReplyToAddressesStaySeveral() throws Exception {
		MergedMessage message = new MergedMessage(new RecipientKey("mail:hans@example.org"),
				List.of(com.securemailmerge.model.AddressLine.format("Müller, Hans <mallory@evil.example>", "hans@example.org")),
				List.of(), List.of(), List.of("office@example.org", com.securemailmerge.model.AddressLine.format("Info", "info@example.org")),
				"s", "<p>b</p>", "b", List.of());
		MimeMessage parsed = parse(new EmlWriter(null).toBytes(message, "c2"));
		jakarta.mail.Address[] to = parsed.getRecipients(RecipientType.TO);
		assertEquals(1, to.length, java.util.Arrays.toString(to));
		assertEquals("hans@example.org", ((InternetAddress) to[0]).getAddress());
		assertEquals("Müller, Hans <mallory@evil.example>", ((InternetAddress) to[0]).getPersonal());
		jakarta.mail.Address[] replyTo = parsed.getReplyTo();
		assertEquals(2, replyTo.length, java.util.Arrays.toString(replyTo));
		assertEquals("info@example.org", ((InternetAddress) replyTo[1]).getAddress());
	}

	@Test
	void writesAMultipartAlternativeMessageThatReadsBackIdentically() throws Exception {
		byte[] bytes = new EmlWriter("me@example.org").toBytes(message(List.of()), "c1.row-2");
		String raw = new String(bytes, StandardCharsets.US_ASCII);
		assertTrue(raw.contains("Message-ID: <c1.row-2@securemailmerge.invalid>"), raw);
		assertTrue(raw.contains("X-Unsent: 1"), raw);
		assertTrue(raw.contains("multipart/alternative"), raw);
		assertFalse(raw.contains("Jörg"), "headers and bodies are 7-bit encoded");
		MimeMessage parsed = parse(bytes);
		assertEquals("Einladung für Jörg – 15. März", parsed.getSubject());
		assertEquals("me@example.org", ((InternetAddress) parsed.getFrom()[0]).getAddress());
		InternetAddress to = (InternetAddress) parsed.getRecipients(RecipientType.TO)[0];
		assertEquals("joerg@example.org", to.getAddress());
		assertEquals("Jörg Weiß", to.getPersonal());
		assertEquals("cc@example.org", ((InternetAddress) parsed.getRecipients(RecipientType.CC)[0]).getAddress());
		assertEquals("office@example.org", ((InternetAddress) parsed.getReplyTo()[0]).getAddress());
		Multipart alternative = (Multipart) withMail(parsed::getContent);
		assertEquals(2, alternative.getCount());
		assertTrue(alternative.getBodyPart(0).isMimeType("text/plain"));
		assertEquals("Grüße, Jörg €\n", text(alternative.getBodyPart(0)));
		assertTrue(alternative.getBodyPart(1).isMimeType("text/html"));
		assertEquals("<p>Grüße, Jörg €</p>", text(alternative.getBodyPart(1)));
	}

	@Test
	void attachmentsGoIntoMultipartMixedWithTheirNamesAndBytes(@TempDir Path dir) throws Exception {
		Path pdf = dir.resolve("Rechnung Müller.pdf");
		byte[] content = new byte[100_000];
		for (int i = 0; i < content.length; i++) {
			content[i] = (byte) (i * 31);
		}
		Files.write(pdf, content);
		MimeMessage parsed = parse(new EmlWriter(null).toBytes(message(List.of(pdf)), EmlWriter.randomId()));
		assertNull(parsed.getFrom(), "no sender configured: the client fills it in");
		Multipart mixed = (Multipart) withMail(parsed::getContent);
		assertTrue(parsed.isMimeType("multipart/mixed"));
		assertEquals(2, mixed.getCount());
		BodyPart attachment = mixed.getBodyPart(1);
		assertEquals("Rechnung Müller.pdf", MimeUtility.decodeText(attachment.getFileName()));
		try (InputStream in = attachment.getInputStream()) {
			assertArrayEquals(content, in.readAllBytes());
		}
	}

	@Test
	void aMissingAttachmentFailsWithItsPath() {
		Path missing = folder.resolve("fehlt.pdf");
		Exception e = org.junit.jupiter.api.Assertions.assertThrows(Exception.class,
				() -> new EmlWriter(null).toBytes(message(List.of(missing)), "x"));
		assertTrue(String.valueOf(e.getMessage()).contains("fehlt.pdf"), e.toString());
	}

	private static String text(BodyPart part) throws Exception {
		return ((String) withMail(part::getContent)).replace("\r\n", "\n"); // MIME text has CRLF line ends
	}

	private interface MailCall {
		Object call() throws Exception;
	}

	private static Object withMail(MailCall call) throws Exception {
		Thread thread = Thread.currentThread();
		ClassLoader previous = thread.getContextClassLoader();
		thread.setContextClassLoader(MailClassLoader.INSTANCE);
		try {
			return call.call();
		} finally {
			thread.setContextClassLoader(previous);
		}
	}
}
