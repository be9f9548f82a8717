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
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.stream.XMLStreamWriter;

import org.eclipse.jdt.annotation.Nullable;
import org.eclipse.osgi.util.NLS;

import com.securemailmerge.campaign.internal.Messages;
import com.securemailmerge.model.Attachment;
import com.securemailmerge.model.BodyFormat;
import com.securemailmerge.model.Campaign;
import com.securemailmerge.model.CampaignSettings;
import com.securemailmerge.model.RecipientKey;
import com.securemailmerge.model.SourceReference;
import com.securemailmerge.model.Template;
import com.securemailmerge.model.TransportKind;

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
				write(campaign, folder, xml);
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
				Reader reader = new Reader(xml, source.getParent());
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

	private static void write(Campaign campaign, Path folder, XMLStreamWriter xml) throws XMLStreamException {
		xml.writeStartDocument(StandardCharsets.UTF_8.name(), "1.0"); //$NON-NLS-1$
		text(xml, "\n"); //$NON-NLS-1$
		xml.writeStartElement("campaign"); //$NON-NLS-1$
		xml.writeDefaultNamespace(NAMESPACE);
		xml.writeAttribute("version", "1"); //$NON-NLS-1$ //$NON-NLS-2$
		xml.writeAttribute("id", XmlText.safe(campaign.id().toString())); //$NON-NLS-1$
		xml.writeAttribute("name", XmlText.safe(campaign.name())); //$NON-NLS-1$
		SourceReference source = campaign.source();
		indent(xml, 1);
		xml.writeStartElement("source"); //$NON-NLS-1$
		xml.writeAttribute("id", XmlText.safe(source.sourceId())); //$NON-NLS-1$
		xml.writeAttribute("file", Boolean.toString(!source.isAccount())); //$NON-NLS-1$
		xml.writeAttribute("location", XmlText.safe(source.isAccount() ? source.location() : relativize(source.location(), folder))); //$NON-NLS-1$
		for (Map.Entry<String, String> option : source.options().entrySet()) {
			indent(xml, 2);
			xml.writeEmptyElement("option"); //$NON-NLS-1$
			xml.writeAttribute("key", XmlText.safe(option.getKey())); //$NON-NLS-1$
			xml.writeAttribute("value", XmlText.safe(option.getValue())); //$NON-NLS-1$
		}
		indent(xml, 1);
		xml.writeEndElement();
		CampaignSettings settings = campaign.settings();
		indent(xml, 1);
		xml.writeStartElement("settings"); //$NON-NLS-1$
		xml.writeAttribute("locale", XmlText.safe(settings.localeTag())); //$NON-NLS-1$
		xml.writeAttribute("transport", campaign.transport().name()); //$NON-NLS-1$
		String emailField = settings.emailField();
		if (emailField != null) {
			xml.writeAttribute("emailField", XmlText.safe(emailField)); //$NON-NLS-1$
		}
		String attachmentsFolder = settings.attachmentsFolder();
		String storedFolder = attachmentsFolder == null ? "" : relativize(attachmentsFolder, folder); //$NON-NLS-1$
		if (!storedFolder.isEmpty()) { // the campaign's folder itself is the default: not written
			// relative to the campaign's folder when below it, as the source and the attachments are
			indent(xml, 2);
			xml.writeEmptyElement("attachments-folder"); //$NON-NLS-1$
			xml.writeAttribute("path", XmlText.safe(storedFolder)); //$NON-NLS-1$
		}
		for (RecipientKey key : settings.excluded()) {
			indent(xml, 2);
			xml.writeEmptyElement("excluded"); //$NON-NLS-1$
			xml.writeAttribute("key", XmlText.safe(key.value())); //$NON-NLS-1$
		}
		indent(xml, 1);
		xml.writeEndElement();
		Template template = campaign.template();
		indent(xml, 1);
		xml.writeStartElement("template"); //$NON-NLS-1$
		xml.writeAttribute("format", template.format().name()); //$NON-NLS-1$
		element(xml, "to", template.to()); //$NON-NLS-1$
		element(xml, "cc", template.cc()); //$NON-NLS-1$
		element(xml, "bcc", template.bcc()); //$NON-NLS-1$
		element(xml, "replyTo", template.replyTo()); //$NON-NLS-1$
		element(xml, "subject", template.subject()); //$NON-NLS-1$
		element(xml, "body", template.body()); //$NON-NLS-1$
		indent(xml, 1);
		xml.writeEndElement();
		for (Attachment attachment : campaign.attachments()) {
			indent(xml, 1);
			xml.writeEmptyElement("attachment"); //$NON-NLS-1$
			xml.writeAttribute("kind", attachment.kind().name()); //$NON-NLS-1$
			xml.writeAttribute("path", XmlText.safe(attachment.path())); //$NON-NLS-1$
		}
		text(xml, "\n"); //$NON-NLS-1$
		xml.writeEndElement();
		text(xml, "\n"); //$NON-NLS-1$
		xml.writeEndDocument();
	}

	/**
	 * The kind of a source in a file written before its {@code file} attribute was: an account source
	 * was located by "me" or a mailbox address. Only such files are judged by their location.
	 */
	private static boolean isFileByLocation(String location) {
		return !location.contains("@") && !location.equals("me"); //$NON-NLS-1$ //$NON-NLS-2$
	}

	private static void element(XMLStreamWriter xml, String name, String value) throws XMLStreamException {
		indent(xml, 2);
		xml.writeStartElement(name);
		// XML readers turn CR LF into LF: a carriage return is written as a character reference
		String[] lines = value.split("\r", -1); //$NON-NLS-1$
		for (int i = 0; i < lines.length; i++) {
			if (i > 0) {
				xml.writeEntityRef("#13"); //$NON-NLS-1$
			}
			xml.writeCharacters(XmlText.safe(lines[i]));
		}
		xml.writeEndElement();
	}

	private static void indent(XMLStreamWriter xml, int depth) throws XMLStreamException {
		text(xml, "\n" + "\t".repeat(depth)); //$NON-NLS-1$ //$NON-NLS-2$
	}

	private static void text(XMLStreamWriter xml, String text) throws XMLStreamException {
		xml.writeCharacters(XmlText.safe(text));
	}

	/** Reads the elements of one campaign file; unknown elements (a newer version's) are skipped. */
	private static final class Reader {

		private final XMLStreamReader xml;
		private final Path folder;
		boolean idAssigned;

		Reader(XMLStreamReader xml, Path folder) {
			this.xml = xml;
			this.folder = folder;
		}

		Campaign campaign() throws XMLStreamException, CampaignFileException {
			xml.nextTag();
			if (!"campaign".equals(xml.getLocalName()) || !NAMESPACE.equals(xml.getNamespaceURI())) { //$NON-NLS-1$
				throw new CampaignFileException(NLS.bind(Messages.CampaignFile_notACampaign, xml.getLocalName()));
			}
			String written = xml.getAttributeValue(null, "id"); //$NON-NLS-1$
			idAssigned = written == null || written.isBlank();
			UUID id = idAssigned ? UUID.randomUUID() : UUID.fromString(written);
			String name = attribute("name", ""); //$NON-NLS-1$ //$NON-NLS-2$
			SourceReference source = new SourceReference("", ""); //$NON-NLS-1$ //$NON-NLS-2$
			CampaignSettings settings = CampaignSettings.defaults(Locale.getDefault());
			TransportKind transport = TransportKind.OUTBOX;
			Template template = Template.of("", "", BodyFormat.HTML, ""); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
			List<Attachment> attachments = new ArrayList<>();
			while (xml.nextTag() == XMLStreamConstants.START_ELEMENT) {
				switch (xml.getLocalName()) {
				case "source" -> source = source(); //$NON-NLS-1$
				case "settings" -> { //$NON-NLS-1$
					transport = TransportKind.valueOf(attribute("transport", TransportKind.OUTBOX.name())); //$NON-NLS-1$
					settings = settings();
				}
				case "template" -> template = template(); //$NON-NLS-1$
				case "attachment" -> { //$NON-NLS-1$
					attachments.add(new Attachment(Attachment.Kind.valueOf(required("kind")), required("path"))); //$NON-NLS-1$ //$NON-NLS-2$
					skip();
				}
				default -> skip();
				}
			}
			return new Campaign(id, name, source, template, attachments, transport, settings);
		}

		private SourceReference source() throws XMLStreamException {
			String sourceId = required("id"); //$NON-NLS-1$
			String flag = xml.getAttributeValue(null, "file"); //$NON-NLS-1$
			if (flag != null && !"true".equals(flag) && !"false".equals(flag)) { //$NON-NLS-1$ //$NON-NLS-2$
				throw new IllegalArgumentException(NLS.bind(Messages.CampaignFile_badFlag, flag));
			}
			String stored = attribute("location", ""); //$NON-NLS-1$ //$NON-NLS-2$
			// the kind the file says (a path with an "@" stays a path); an early file without it by its location
			boolean file = flag != null ? "true".equals(flag) : isFileByLocation(stored); //$NON-NLS-1$
			String location = resolve(stored, folder, file);
			Map<String, String> options = new TreeMap<>();
			while (xml.nextTag() == XMLStreamConstants.START_ELEMENT) {
				if ("option".equals(xml.getLocalName())) { //$NON-NLS-1$
					options.put(required("key"), attribute("value", "")); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
				}
				skip();
			}
			return new SourceReference(sourceId, location, options,
					file ? SourceReference.Kind.FILE : SourceReference.Kind.ACCOUNT);
		}

		private CampaignSettings settings() throws XMLStreamException {
			String locale = attribute("locale", Locale.getDefault().toLanguageTag()); //$NON-NLS-1$
			String emailField = xml.getAttributeValue(null, "emailField"); //$NON-NLS-1$
			Set<RecipientKey> excluded = new LinkedHashSet<>();
			String attachmentsFolder = null;
			while (xml.nextTag() == XMLStreamConstants.START_ELEMENT) {
				if ("excluded".equals(xml.getLocalName())) { //$NON-NLS-1$
					excluded.add(new RecipientKey(required("key"))); //$NON-NLS-1$
				} else if ("attachments-folder".equals(xml.getLocalName())) { //$NON-NLS-1$
					// outside the campaign's folder it is held until the user allows it (CampaignState)
					attachmentsFolder = attachmentsFolder(required("path")); //$NON-NLS-1$
				}
				skip();
			}
			return new CampaignSettings(locale, emailField, excluded, attachmentsFolder);
		}

		/**
		 * The folder for per-recipient files as the writer would store it again: absolute and
		 * normalised; the campaign's own folder (".", "x/..", its absolute path) and a path that is still
		 * not absolute after resolving (a drive-relative "D:x") are the default, null.
		 */
		private @Nullable String attachmentsFolder(String stored) {
			if (stored.isBlank()) {
				return null;
			}
			try {
				Path path = Path.of(resolve(stored, folder, true)).normalize();
				return !path.isAbsolute() || path.equals(folder.toAbsolutePath().normalize()) ? null : path.toString();
			} catch (java.nio.file.InvalidPathException e) {
				return null;
			}
		}

		private Template template() throws XMLStreamException {
			BodyFormat format = BodyFormat.valueOf(attribute("format", BodyFormat.HTML.name())); //$NON-NLS-1$
			Map<String, String> parts = new TreeMap<>();
			while (xml.nextTag() == XMLStreamConstants.START_ELEMENT) {
				parts.put(xml.getLocalName(), xml.getElementText());
			}
			return new Template(parts.getOrDefault("subject", ""), parts.getOrDefault("body", ""), format, //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$
					parts.getOrDefault("to", ""), parts.getOrDefault("cc", ""), parts.getOrDefault("bcc", ""), //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$ //$NON-NLS-5$ //$NON-NLS-6$
					parts.getOrDefault("replyTo", "")); //$NON-NLS-1$ //$NON-NLS-2$
		}

		/** Skips to the end of the current element, whatever it holds. */
		private void skip() throws XMLStreamException {
			int depth = 1;
			while (depth > 0) {
				int event = xml.next();
				if (event == XMLStreamConstants.START_ELEMENT) {
					depth++;
				} else if (event == XMLStreamConstants.END_ELEMENT) {
					depth--;
				}
			}
		}

		private String required(String name) {
			String value = xml.getAttributeValue(null, name);
			if (value == null) {
				throw new IllegalArgumentException(NLS.bind(Messages.CampaignFile_missingAttribute, name,
						xml.getLocalName()));
			}
			return value;
		}

		private String attribute(String name, String fallback) {
			@Nullable
			String value = xml.getAttributeValue(null, name);
			return value == null ? fallback : value;
		}
	}
}
