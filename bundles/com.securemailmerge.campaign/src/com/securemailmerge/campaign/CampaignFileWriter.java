package com.securemailmerge.campaign;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import org.eclipse.osgi.util.NLS;

import com.securemailmerge.model.Attachment;
import com.securemailmerge.model.Campaign;
import com.securemailmerge.model.CampaignSettings;
import com.securemailmerge.model.RecipientKey;
import com.securemailmerge.model.SourceReference;
import com.securemailmerge.model.Template;

/** Writes a campaign as the XML of a {@link CampaignFile}; locations below the folder relative to it. */
final class CampaignFileWriter {

	private CampaignFileWriter() {
	}

	static void write(Campaign campaign, Path folder, XMLStreamWriter xml) throws XMLStreamException {
		xml.writeStartDocument(StandardCharsets.UTF_8.name(), "1.0"); //$NON-NLS-1$
		text(xml, "\n"); //$NON-NLS-1$
		xml.writeStartElement("campaign"); //$NON-NLS-1$
		xml.writeDefaultNamespace(CampaignFile.NAMESPACE);
		xml.writeAttribute("version", "1"); //$NON-NLS-1$ //$NON-NLS-2$
		xml.writeAttribute("id", XmlText.safe(campaign.id().toString())); //$NON-NLS-1$
		xml.writeAttribute("name", XmlText.safe(campaign.name())); //$NON-NLS-1$
		SourceReference source = campaign.source();
		indent(xml, 1);
		xml.writeStartElement("source"); //$NON-NLS-1$
		xml.writeAttribute("id", XmlText.safe(source.sourceId())); //$NON-NLS-1$
		xml.writeAttribute("file", Boolean.toString(!source.isAccount())); //$NON-NLS-1$
		xml.writeAttribute("location", XmlText.safe(source.isAccount() ? source.location() : CampaignFile.relativize(source.location(), folder))); //$NON-NLS-1$
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
		String storedFolder = attachmentsFolder == null ? "" : CampaignFile.relativize(attachmentsFolder, folder); //$NON-NLS-1$
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
}
