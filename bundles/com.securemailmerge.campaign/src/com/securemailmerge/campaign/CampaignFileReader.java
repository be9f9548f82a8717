package com.securemailmerge.campaign;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

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

/** Reads the elements of one campaign file; unknown elements (a newer version's) are skipped. */
final class CampaignFileReader {

	private final XMLStreamReader xml;
	private final Path folder;
	boolean idAssigned;

	CampaignFileReader(XMLStreamReader xml, Path folder) {
		this.xml = xml;
		this.folder = folder;
	}

	Campaign campaign() throws XMLStreamException, CampaignFileException {
		xml.nextTag();
		if (!"campaign".equals(xml.getLocalName()) || !CampaignFile.NAMESPACE.equals(xml.getNamespaceURI())) { //$NON-NLS-1$
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
		String location = CampaignFile.resolve(stored, folder, file);
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
			Path path = Path.of(CampaignFile.resolve(stored, folder, true)).normalize();
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

	/**
	 * The kind of a source in a file written before its {@code file} attribute was: an account source
	 * was located by "me" or a mailbox address. Only such files are judged by their location.
	 */
	private static boolean isFileByLocation(String location) {
		return !location.contains("@") && !location.equals("me"); //$NON-NLS-1$ //$NON-NLS-2$
	}
}
