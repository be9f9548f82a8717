package com.securemailmerge.emulator;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A message in an emulated mailbox: a draft until sent, then (once its submission is done, see
 * {@link Emulator#setSubmissionDelay(java.time.Duration)}) in Sent Items under the same id. Tests read
 * the recipients, the subject, the body, the attachments and the single-value extended properties.
 */
public final class EmulatedMessage {

	/** An attachment as it arrived, in one request or through an upload session. */
	public record Attachment(String name, String contentType, byte[] content) {
	}

	private final String id;
	private final Map<String, Object> json;
	private final List<Attachment> attachments = new CopyOnWriteArrayList<>();
	private volatile String folder = "drafts"; //$NON-NLS-1$

	EmulatedMessage(String id, Map<String, Object> json) {
		this.id = id;
		this.json = json;
	}

	public String id() {
		return id;
	}

	/**
	 * "drafts" or "sentitems" (a well-known name; Graph shows the folder's own id as parentFolderId). A
	 * message sent but not yet submitted is in no folder and still says "drafts".
	 */
	public String folder() {
		return folder;
	}

	void moveTo(String target) {
		folder = target;
	}

	public String subject() {
		return String.valueOf(json.getOrDefault("subject", "")); //$NON-NLS-1$ //$NON-NLS-2$
	}

	@SuppressWarnings("unchecked")
	public String body() {
		Object body = json.get("body"); //$NON-NLS-1$
		return body instanceof Map<?, ?> map ? String.valueOf(((Map<String, Object>) map).getOrDefault("content", "")) : ""; //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
	}

	/** The addresses of a recipient list: "toRecipients", "ccRecipients", "bccRecipients". */
	@SuppressWarnings("unchecked")
	public List<String> recipients(String kind) {
		Object list = json.get(kind);
		if (!(list instanceof List<?> entries)) {
			return List.of();
		}
		return entries.stream().map(e -> (Map<String, Object>) ((Map<String, Object>) e).get("emailAddress")) //$NON-NLS-1$
				.map(a -> String.valueOf(a.get("address"))).toList(); //$NON-NLS-1$
	}

	/** The value of a single-value extended property, or null. */
	@SuppressWarnings("unchecked")
	public @org.eclipse.jdt.annotation.Nullable String property(String propertyId) {
		Object list = json.get("singleValueExtendedProperties"); //$NON-NLS-1$
		if (list instanceof List<?> entries) {
			for (Object entry : entries) {
				Map<String, Object> property = (Map<String, Object>) entry;
				if (propertyId.equalsIgnoreCase(String.valueOf(property.get("id")))) { //$NON-NLS-1$
					return String.valueOf(property.get("value")); //$NON-NLS-1$
				}
			}
		}
		return null;
	}

	public List<Attachment> attachments() {
		return List.copyOf(attachments);
	}

	void attach(Attachment attachment) {
		attachments.add(attachment);
	}

	long size() {
		long size = body().length() + subject().length();
		for (Attachment attachment : attachments) {
			size += attachment.content().length;
		}
		return size;
	}

	/** A copy with a PATCH's changes, to check them before they are made. */
	EmulatedMessage patched(Map<String, Object> change) {
		EmulatedMessage copy = new EmulatedMessage(id, new java.util.LinkedHashMap<>(json));
		copy.apply(change);
		return copy;
	}

	/** A PATCH: the fields given replace those there; extended properties are set by their id, the others kept. */
	@SuppressWarnings("unchecked")
	synchronized void apply(Map<String, Object> change) {
		for (Map.Entry<String, Object> entry : change.entrySet()) {
			if (!entry.getKey().equals("singleValueExtendedProperties")) { //$NON-NLS-1$
				json.put(entry.getKey(), entry.getValue());
				continue;
			}
			List<Object> merged = new java.util.ArrayList<>();
			Object present = json.get("singleValueExtendedProperties"); //$NON-NLS-1$
			if (present instanceof List<?> entries) {
				merged.addAll(entries);
			}
			if (entry.getValue() instanceof List<?> given) {
				for (Object property : given) {
					Object propertyId = ((Map<String, Object>) property).get("id"); //$NON-NLS-1$
					merged.removeIf(p -> String.valueOf(((Map<String, Object>) p).get("id")) //$NON-NLS-1$
							.equalsIgnoreCase(String.valueOf(propertyId)));
					merged.add(property);
				}
			}
			json.put("singleValueExtendedProperties", merged); //$NON-NLS-1$
		}
	}

	/**
	 * The message as Graph's JSON (without attachment bytes), in the folder with this id; with the
	 * extended property of id {@code expanded} ("" for all), none when null.
	 */
	String json(String parentFolderId, @org.eclipse.jdt.annotation.Nullable String expanded) {
		StringBuilder props = new StringBuilder();
		Object list = json.get("singleValueExtendedProperties"); //$NON-NLS-1$
		if (expanded != null && list instanceof List<?> entries) {
			for (Object entry : entries) {
				Map<?, ?> property = (Map<?, ?>) entry;
				if (!expanded.isEmpty() && !expanded.equalsIgnoreCase(String.valueOf(property.get("id")))) { //$NON-NLS-1$
					continue;
				}
				if (!props.isEmpty()) {
					props.append(',');
				}
				props.append("{\"id\":").append(Exchanges.quote(String.valueOf(property.get("id")))).append(",\"value\":") //$NON-NLS-1$ //$NON-NLS-2$
						.append(Exchanges.quote(String.valueOf(property.get("value")))).append('}'); //$NON-NLS-1$
			}
		}
		StringBuilder to = new StringBuilder();
		for (String address : recipients("toRecipients")) { //$NON-NLS-1$
			if (!to.isEmpty()) {
				to.append(',');
			}
			to.append("{\"emailAddress\":{\"address\":").append(Exchanges.quote(address)).append("}}"); //$NON-NLS-1$ //$NON-NLS-2$
		}
		return "{\"id\":" + Exchanges.quote(id) + ",\"subject\":" + Exchanges.quote(subject()) + ",\"isDraft\":" //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
				+ folder.equals("drafts") + ",\"parentFolderId\":" + Exchanges.quote(parentFolderId) //$NON-NLS-1$ //$NON-NLS-2$
				+ ",\"hasAttachments\":" + !attachments.isEmpty() + ",\"toRecipients\":[" + to + "]" //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
				+ (expanded == null ? "" : ",\"singleValueExtendedProperties\":[" + props + "]") + "}"; //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$
	}
}
