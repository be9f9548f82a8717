package com.securemailmerge.model;

import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * A mail merge as the user saves it: a stable id (it tags every message sent), the recipient source,
 * the template, the attachments and where the messages go.
 */
public record Campaign(UUID id, String name, SourceReference source, Template template,
		List<Attachment> attachments, TransportKind transport) {

	public Campaign {
		Objects.requireNonNull(id, "id");
		Objects.requireNonNull(name, "name");
		Objects.requireNonNull(source, "source");
		Objects.requireNonNull(template, "template");
		Objects.requireNonNull(transport, "transport");
		attachments = List.copyOf(attachments);
	}

	public Campaign withTemplate(Template newTemplate) {
		return new Campaign(id, name, source, newTemplate, attachments, transport);
	}

	public Campaign withAttachments(List<Attachment> newAttachments) {
		return new Campaign(id, name, source, template, newAttachments, transport);
	}
}
