package com.securemailmerge.model;

import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * A mail merge as the user saves it: a stable id (it tags every message sent), the recipient source,
 * the template, the attachments, where the messages go and the settings.
 */
public record Campaign(UUID id, String name, SourceReference source, Template template,
		List<Attachment> attachments, TransportKind transport, CampaignSettings settings) {

	public Campaign {
		Objects.requireNonNull(id, "id");
		Objects.requireNonNull(name, "name");
		Objects.requireNonNull(source, "source");
		Objects.requireNonNull(template, "template");
		Objects.requireNonNull(transport, "transport");
		Objects.requireNonNull(settings, "settings");
		attachments = List.copyOf(attachments);
	}

	public Campaign withTemplate(Template newTemplate) {
		return new Campaign(id, name, source, newTemplate, attachments, transport, settings);
	}

	public Campaign withSource(SourceReference newSource) {
		return new Campaign(id, name, newSource, template, attachments, transport, settings);
	}

	public Campaign withSettings(CampaignSettings newSettings) {
		return new Campaign(id, name, source, template, attachments, transport, newSettings);
	}

	/** The same campaign under a new id: a copy (Save As, a sample, a copied file) that shares no tag. */
	public Campaign withId(UUID newId) {
		return new Campaign(newId, name, source, template, attachments, transport, settings);
	}

	public Campaign withName(String newName) {
		return new Campaign(id, newName, source, template, attachments, transport, settings);
	}

	public Campaign withTransport(TransportKind newTransport) {
		return new Campaign(id, name, source, template, attachments, newTransport, settings);
	}

	public Campaign withAttachments(List<Attachment> newAttachments) {
		return new Campaign(id, name, source, template, newAttachments, transport, settings);
	}
}
