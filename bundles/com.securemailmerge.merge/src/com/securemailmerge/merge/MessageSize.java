package com.securemailmerge.merge;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import com.securemailmerge.model.MergedMessage;

/**
 * How large a message will be on the wire, estimated before any MIME is written, for the mailbox's
 * size limit (Exchange Online counts the encoded message). The estimate is the UTF-8 bytes of the
 * subject, the addresses, the HTML body and the plain-text body, plus each attachment's file size
 * times 4/3 (base64), plus {@link #HEADERS} for the headers and MIME boundaries. Bodies are counted
 * unencoded: quoted-printable adds little to mostly ASCII text. An attachment that cannot be read
 * counts 0 (it is a problem of its own). Reads file sizes only, never contents.
 */
public final class MessageSize {

	/** Exchange Online's default limit for a message, 35 MB, until the mailbox's own limit is known. */
	public static final long EXCHANGE_ONLINE_DEFAULT = 36_700_160L;

	/** Headers, boundaries and part headers: a generous allowance. */
	public static final long HEADERS = 4 * 1024;

	private MessageSize() {
	}

	public static long estimate(MergedMessage message) {
		long size = HEADERS + utf8(message.subject()) + utf8(message.htmlBody()) + utf8(message.textBody());
		for (String address : message.to()) {
			size += utf8(address);
		}
		for (String address : message.cc()) {
			size += utf8(address);
		}
		for (String address : message.bcc()) {
			size += utf8(address);
		}
		for (String address : message.replyTo()) {
			size += utf8(address);
		}
		for (Path attachment : message.attachments()) {
			size += base64(fileSize(attachment));
		}
		return size;
	}

	/** The length of base64 text for so many bytes (line breaks left out). */
	static long base64(long bytes) {
		return (bytes + 2) / 3 * 4;
	}

	private static long fileSize(Path file) {
		try {
			return Files.size(file);
		} catch (IOException | SecurityException e) {
			return 0; // reported as a missing attachment
		}
	}

	/** UTF-8 length without encoding into a new array (bodies are long, recipients many). */
	private static long utf8(String text) {
		long bytes = 0;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c < 0x80) {
				bytes++;
			} else if (c < 0x800) {
				bytes += 2;
			} else if (Character.isHighSurrogate(c) && i + 1 < text.length()
					&& Character.isLowSurrogate(text.charAt(i + 1))) {
				bytes += 4;
				i++;
			} else {
				bytes += 3;
			}
		}
		return bytes;
	}
}
