package com.securemailmerge.recipients.csv;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Finds the encoding of a CSV file from its first bytes: a byte order mark (UTF-8, UTF-16 LE/BE),
 * the zero bytes of UTF-16 without one, else UTF-8 if the sample decodes as UTF-8, else
 * Windows-1252 (what Excel on a German or Western Windows writes as "CSV").
 */
final class CsvEncoding {

	static final Charset WINDOWS_1252 = Charset.forName("windows-1252"); //$NON-NLS-1$

	/** The charset and how many bytes of byte order mark to skip. */
	record Detected(Charset charset, int bomLength) {
	}

	private CsvEncoding() {
	}

	static Detected detect(byte[] sample, int length) {
		if (length >= 3 && (sample[0] & 0xff) == 0xef && (sample[1] & 0xff) == 0xbb && (sample[2] & 0xff) == 0xbf) {
			return new Detected(StandardCharsets.UTF_8, 3);
		}
		if (length >= 2 && (sample[0] & 0xff) == 0xff && (sample[1] & 0xff) == 0xfe) {
			return new Detected(StandardCharsets.UTF_16LE, 2);
		}
		if (length >= 2 && (sample[0] & 0xff) == 0xfe && (sample[1] & 0xff) == 0xff) {
			return new Detected(StandardCharsets.UTF_16BE, 2);
		}
		int evenZeros = 0;
		int oddZeros = 0;
		for (int i = 0; i < length; i++) {
			if (sample[i] == 0) {
				if (i % 2 == 0) {
					evenZeros++;
				} else {
					oddZeros++;
				}
			}
		}
		if (oddZeros > length / 8 && evenZeros == 0) {
			return new Detected(StandardCharsets.UTF_16LE, 0);
		}
		if (evenZeros > length / 8 && oddZeros == 0) {
			return new Detected(StandardCharsets.UTF_16BE, 0);
		}
		return new Detected(isUtf8(sample, length) ? StandardCharsets.UTF_8 : WINDOWS_1252, 0);
	}

	/** True if the bytes decode as UTF-8; a sequence cut at the end of the sample is allowed. */
	private static boolean isUtf8(byte[] sample, int length) {
		int end = length;
		// do not judge a multi-byte character that the sample cut in half
		int back = 0;
		while (back < 3 && end - back - 1 >= 0 && (sample[end - back - 1] & 0xc0) == 0x80) {
			back++;
		}
		if (end - back - 1 >= 0 && (sample[end - back - 1] & 0xc0) == 0xc0) {
			end = end - back - 1;
		}
		CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT);
		try {
			decoder.decode(ByteBuffer.wrap(sample, 0, end));
			return true;
		} catch (CharacterCodingException e) {
			return false;
		}
	}
}
