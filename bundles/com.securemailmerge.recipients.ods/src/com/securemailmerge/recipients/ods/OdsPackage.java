package com.securemailmerge.recipients.ods;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import org.eclipse.jdt.annotation.Nullable;

/**
 * The parts of an OpenDocument package the source reads: its {@code mimetype}, whether
 * META-INF/manifest.xml says the content is encrypted (a password), and content.xml, each read
 * through a bound so that a small file that inflates to gigabytes (a zip bomb) stops at it.
 */
final class OdsPackage implements AutoCloseable {

	/** The largest content.xml read: 100,000 rows of 10 cells take about 150 MB. */
	static final long MAX_CONTENT = 1024L * 1024 * 1024;
	private static final int MAX_SMALL_PART = 1024 * 1024;

	static final String SPREADSHEET = "application/vnd.oasis.opendocument.spreadsheet"; //$NON-NLS-1$

	/** A part is larger than its bound. */
	static final class TooLarge extends IOException {
		private static final long serialVersionUID = 1L;
		final long bound;

		TooLarge(long bound) {
			super("more than " + bound + " bytes"); //$NON-NLS-1$ //$NON-NLS-2$
			this.bound = bound;
		}
	}

	private final ZipFile zip;

	OdsPackage(Path file) throws IOException {
		this.zip = new ZipFile(file.toFile());
	}

	/** The package's media type (empty when it has none). */
	String mimetype() throws IOException {
		byte[] bytes = small("mimetype"); //$NON-NLS-1$
		return bytes == null ? "" : new String(bytes, StandardCharsets.US_ASCII).strip(); //$NON-NLS-1$
	}

	/** True when the manifest names encryption data: the file was saved with a password. */
	boolean isEncrypted() throws IOException {
		byte[] manifest = small("META-INF/manifest.xml"); //$NON-NLS-1$
		return manifest != null && new String(manifest, StandardCharsets.UTF_8).contains("encryption-data"); //$NON-NLS-1$
	}

	/** content.xml, bounded; null when the package has none. */
	@Nullable
	InputStream content() throws IOException {
		ZipEntry entry = zip.getEntry("content.xml"); //$NON-NLS-1$
		return entry == null ? null : bounded(zip.getInputStream(entry), MAX_CONTENT);
	}

	private byte @Nullable [] small(String name) throws IOException {
		ZipEntry entry = zip.getEntry(name);
		if (entry == null) {
			return null;
		}
		try (InputStream in = bounded(zip.getInputStream(entry), MAX_SMALL_PART)) {
			return in.readAllBytes();
		}
	}

	/** The stream, failing with {@link TooLarge} once more than {@code bound} bytes came out of it. */
	static InputStream bounded(InputStream in, long bound) {
		return new FilterInputStream(in) {
			private long count;

			@Override
			public int read() throws IOException {
				int b = super.read();
				if (b >= 0 && ++count > bound) {
					throw new TooLarge(bound);
				}
				return b;
			}

			@Override
			public int read(byte @Nullable [] buffer, int offset, int length) throws IOException {
				int n = super.read(buffer, offset, length);
				if (n > 0 && (count += n) > bound) {
					throw new TooLarge(bound);
				}
				return n;
			}

			@Override
			public long skip(long n) throws IOException {
				long skipped = super.skip(n);
				if ((count += skipped) > bound) {
					throw new TooLarge(bound);
				}
				return skipped;
			}
		};
	}

	@Override
	public void close() throws IOException {
		zip.close();
	}
}
