package com.securemailmerge.graph.internal;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.jdt.annotation.Nullable;

import com.microsoft.graph.models.BodyType;
import com.microsoft.graph.models.EmailAddress;
import com.microsoft.graph.models.ItemBody;
import com.microsoft.graph.models.Message;
import com.microsoft.graph.models.Recipient;
import com.microsoft.graph.models.SingleValueLegacyExtendedProperty;
import com.securemailmerge.model.MergedMessage;

/**
 * A merged message as a Graph draft: subject, HTML body, the address lines (each entry's address
 * and display name as the merge wrote them) and the tag every campaign message carries as an
 * extended property, by which a message is found again after a crash.
 */
final class Drafts {

	private Drafts() {
	}

	static Message of(MergedMessage merged, String tagProperty, String tag) {
		return of(merged, tagProperty, tag, null);
	}

	/** With {@code due}: the message goes out at that time (PidTagDeferredSendTime, in UTC). */
	static Message of(MergedMessage merged, String tagProperty, String tag, java.time.@Nullable Instant due) {
		Message message = new Message();
		message.setSubject(merged.subject());
		ItemBody body = new ItemBody();
		body.setContentType(BodyType.Html);
		body.setContent(merged.htmlBody());
		message.setBody(body);
		message.setToRecipients(recipients(merged.to()));
		message.setCcRecipients(recipients(merged.cc()));
		message.setBccRecipients(recipients(merged.bcc()));
		if (!merged.replyTo().isEmpty()) {
			message.setReplyTo(recipients(merged.replyTo()));
		}
		SingleValueLegacyExtendedProperty property = new SingleValueLegacyExtendedProperty();
		property.setId(tagProperty);
		property.setValue(tag);
		message.setSingleValueExtendedProperties(due == null ? List.of(property) : List.of(property, deferred(due)));
		return message;
	}

	/** A change that gives a draft this deferred send time (and leaves its other properties). */
	static Message deferredTo(java.time.Instant due) {
		Message message = new Message();
		message.setSingleValueExtendedProperties(List.of(deferred(due)));
		return message;
	}

	private static SingleValueLegacyExtendedProperty deferred(java.time.Instant due) {
		SingleValueLegacyExtendedProperty property = new SingleValueLegacyExtendedProperty();
		property.setId(GraphTransport.DEFERRED_SEND_TIME);
		property.setValue(due.truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString());
		return property;
	}

	/** Each entry's address and display name, as the merge wrote them (a name is never parsed as syntax). */
	static List<Recipient> recipients(List<String> entries) {
		List<Recipient> recipients = new ArrayList<>();
		for (String entry : entries) {
			EmailAddress address = new EmailAddress();
			address.setAddress(com.securemailmerge.model.AddressLine.address(entry));
			String name = com.securemailmerge.model.AddressLine.name(entry);
			if (!name.isEmpty()) {
				address.setName(name);
			}
			Recipient recipient = new Recipient();
			recipient.setEmailAddress(address);
			recipients.add(recipient);
		}
		return recipients;
	}
}
