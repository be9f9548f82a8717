package com.securemailmerge.campaign;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.stream.XMLStreamWriter;

import org.eclipse.osgi.util.NLS;

import com.securemailmerge.campaign.internal.Messages;
import com.securemailmerge.model.Campaign;

/**
 * A campaign in one XML file ({@code .smmc}). A source file next to the campaign, or below its
 * folder, is stored relative to it, so a campaign folder can be moved or shipped as a whole.
 * Saving writes a temporary file and moves it into place: a crash never leaves half a campaign.
 */
public final class CampaignFile {

	public static final String EXTENSION = "smmc"; //$NON-NLS-1$
	static final String NAMESPACE = "urn:securemailmerge:campaign:1"; //$NON-NLS-1$

	private CampaignFile() {
	}

	/** A campaign read from its file; {@code idAssigned} when the file had no id and got a new one (a sample). */
	public record Opened(Campaign campaign, boolean idAssigned) {
	}

	private static void force(java.nio.file.Path file) throws IOException {
		try (java.nio.channels.FileChannel channel = java.nio.channels.FileChannel.open(file,
				java.nio.file.StandardOpenOption.WRITE)) {
			channel.force(true);
		}
	}

	/** Forces the folder's entries (the rename) to the disk where a folder can be opened (not on Windows). */
	private static void forceFolder(java.nio.file.Path folder) {
		try (java.nio.channels.FileChannel channel = java.nio.channels.FileChannel.open(folder,
				java.nio.file.StandardOpenOption.READ)) {
			channel.force(true);
		} catch (IOException | UnsupportedOperationException e) {
			// Windows cannot open a folder; NTFS journals its metadata
		}
	}

	public static void save(Campaign campaign, Path file) throws CampaignFileException {
		Path target = file.toAbsolutePath();
		Path folder = target.getParent();
		Path temporary = null;
		try {
			Files.createDirectories(folder);
			temporary = Files.createTempFile(folder, '.' + target.getFileName().toString(), ".tmp"); //$NON-NLS-1$
			try (Writer out = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8)) {
				XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
				CampaignFileWriter.write(campaign, folder, xml);
				xml.flush();
				xml.close();
			}
			force(temporary); // on the disk before it replaces the file that was
			try {
				Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
			} catch (AtomicMoveNotSupportedException e) {
				Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
			}
			forceFolder(folder);
		} catch (IOException | XMLStreamException e) {
			throw new CampaignFileException(NLS.bind(Messages.CampaignFile_cannotWrite, target, e.getMessage()), e);
		} finally {
			if (temporary != null) {
				try {
					Files.deleteIfExists(temporary);
				} catch (IOException e) {
					// the move took it, or the folder is gone: nothing to clean
				}
			}
		}
	}

	public static Campaign load(Path file) throws CampaignFileException {
		return open(file).campaign();
	}

	/** Reads a campaign; a file without an id (a sample that ships with the product) gets a new one. */
	public static Opened open(Path file) throws CampaignFileException {
		Path source = file.toAbsolutePath();
		XMLInputFactory factory = XMLInputFactory.newFactory();
		factory.setProperty(XMLInputFactory.SUPPORT_DTD, Boolean.FALSE);
		factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, Boolean.FALSE);
		try (BufferedReader in = Files.newBufferedReader(source, StandardCharsets.UTF_8)) {
			XMLStreamReader xml = factory.createXMLStreamReader(in);
			try {
				CampaignFileReader reader = new CampaignFileReader(xml, source.getParent());
				Campaign campaign = reader.campaign();
				return new Opened(campaign, reader.idAssigned);
			} catch (IllegalArgumentException | NullPointerException e) {
				throw new CampaignFileException(NLS.bind(Messages.CampaignFile_invalid,
						new Object[] { source, xml.getLocation().getLineNumber(), e.getMessage() }), e);
			} finally {
				xml.close();
			}
		} catch (NoSuchFileException e) {
			throw new CampaignFileException(NLS.bind(Messages.CampaignFile_missing, source), e);
		} catch (XMLStreamException e) {
			int line = e.getLocation() == null ? 0 : e.getLocation().getLineNumber();
			throw new CampaignFileException(
					NLS.bind(Messages.CampaignFile_invalid, new Object[] { source, line, e.getMessage() }), e);
		} catch (IOException e) {
			throw new CampaignFileException(NLS.bind(Messages.CampaignFile_cannotRead, source, e.getMessage()), e);
		}
	}

	/** The location as stored: relative to the campaign folder when it lies below it. */
	static String relativize(String location, Path folder) {
		try {
			Path path = Path.of(location);
			if (path.isAbsolute() && path.normalize().startsWith(folder.normalize())) {
				// the platform's separator only: on Linux a backslash is part of a name (found by CampaignFileFuzz)
				return folder.normalize().relativize(path.normalize()).toString().replace(java.io.File.separatorChar, '/');
			}
		} catch (java.nio.file.InvalidPathException e) {
			// not a file path (an account or mailbox address): kept as it is
		}
		return location;
	}

	/** A stored file location made absolute again; other locations as they are. */
	static String resolve(String location, Path folder, boolean isFile) {
		if (!isFile || location.isBlank()) {
			return location;
		}
		try {
			Path path = Path.of(location);
			return path.isAbsolute() ? location : folder.resolve(path).normalize().toString();
		} catch (java.nio.file.InvalidPathException e) {
			return location;
		}
	}

}
