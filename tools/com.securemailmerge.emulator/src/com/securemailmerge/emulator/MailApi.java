package com.securemailmerge.emulator;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.eclipse.jdt.annotation.Nullable;

import com.sun.net.httpserver.HttpExchange;

/**
 * The mail part of Graph for the signed-in user's own mailbox: drafts with single-value extended
 * properties and {@code $filter} on them, attachments (up to 3 MB in one request, larger through
 * upload sessions), the well-known mail folders by name or id, sending a draft and sendMail (both
 * submitted asynchronously: the Sent Items copy comes later, see {@link Emulator#submit}).
 */
final class MailApi {

	static final int INLINE_LIMIT = 3 * 1024 * 1024;

	/** The well-known mail folders there are (empty but for Drafts and Sent Items), with their names. */
	private static final Map<String, String> FOLDERS = new java.util.LinkedHashMap<>();

	static {
		FOLDERS.put("inbox", "Posteingang"); //$NON-NLS-1$ //$NON-NLS-2$
		FOLDERS.put("drafts", "Entw\u00fcrfe"); //$NON-NLS-1$ //$NON-NLS-2$
		FOLDERS.put("sentitems", "Gesendete Elemente"); //$NON-NLS-1$ //$NON-NLS-2$
		FOLDERS.put("outbox", "Postausgang"); //$NON-NLS-1$ //$NON-NLS-2$
		FOLDERS.put("deleteditems", "Gel\u00f6schte Elemente"); //$NON-NLS-1$ //$NON-NLS-2$
	}

	private final Emulator emulator;

	MailApi(Emulator emulator) {
		this.emulator = emulator;
	}

	int handle(HttpExchange exchange, Grant grant, MailboxData mailbox, String rest) throws IOException {
		String method = exchange.getRequestMethod();
		boolean sending = rest.equals("sendMail") || rest.endsWith("/send"); //$NON-NLS-1$ //$NON-NLS-2$
		String scope = sending ? "Mail.Send" : "Mail.ReadWrite"; //$NON-NLS-1$ //$NON-NLS-2$
		if (!grant.scopes().contains(scope)) {
			return GraphApi.error(exchange, 403, "ErrorAccessDenied", "Access is denied. (" + scope + ")"); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
		}
		String[] parts = rest.split("/"); //$NON-NLS-1$
		if (rest.equals("messages") && method.equals("POST")) { //$NON-NLS-1$ //$NON-NLS-2$
			EmulatedMessage draft = new EmulatedMessage("AAkALg" + UUID.randomUUID().toString().replace("-", ""), //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
					Json.object(Exchanges.body(exchange)));
			Integer refused = refuseBadTime(exchange, draft);
			if (refused != null) {
				return refused.intValue();
			}
			mailbox.messages.put(draft.id(), draft);
			Exchanges.json(exchange, 201, json(mailbox, draft, exchange));
			return 201;
		}
		if (method.equals("GET") && parts.length == 2 && parts[0].equals("mailFolders")) { //$NON-NLS-1$ //$NON-NLS-2$
			String folder = wellKnown(mailbox, parts[1]);
			if (folder == null) {
				return GraphApi.error(exchange, 404, "ErrorItemNotFound", "The specified object was not found in the store."); //$NON-NLS-1$ //$NON-NLS-2$
			}
			long total = mailbox.messages.values().stream().filter(m -> m.folder().equals(folder)).count();
			Exchanges.json(exchange, 200, "{\"id\":" + Exchanges.quote(folderId(mailbox.owner, folder)) //$NON-NLS-1$
					+ ",\"displayName\":" + Exchanges.quote(String.valueOf(FOLDERS.get(folder))) //$NON-NLS-1$
					+ ",\"parentFolderId\":" + Exchanges.quote(folderId(mailbox.owner, "msgfolderroot")) //$NON-NLS-1$ //$NON-NLS-2$
					+ ",\"childFolderCount\":0,\"unreadItemCount\":0,\"totalItemCount\":" + total //$NON-NLS-1$
					+ ",\"isHidden\":false}"); //$NON-NLS-1$
			return 200;
		}
		if (method.equals("GET") && (rest.equals("messages") || (parts.length == 3 && parts[0].equals("mailFolders") //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
				&& parts[2].equals("messages")))) { //$NON-NLS-1$
			String folder = parts.length == 3 ? wellKnown(mailbox, parts[1]) : null;
			if (parts.length == 3 && folder == null) {
				return GraphApi.error(exchange, 404, "ErrorItemNotFound", "The specified object was not found in the store."); //$NON-NLS-1$ //$NON-NLS-2$
			}
			String filter = Exchanges.query(exchange).getOrDefault("$filter", ""); //$NON-NLS-1$ //$NON-NLS-2$
			List<String> found = new ArrayList<>();
			for (EmulatedMessage message : mailbox.messages.values()) {
				if ((folder == null || folder.equals(message.folder())) && matches(message, filter)) {
					found.add(json(mailbox, message, exchange));
				}
			}
			Exchanges.json(exchange, 200, "{\"value\":[" + String.join(",", found) + "]}"); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
			return 200;
		}
		if (rest.equals("sendMail") && method.equals("POST")) { //$NON-NLS-1$ //$NON-NLS-2$
			Map<String, Object> request = Json.object(Exchanges.body(exchange));
			@SuppressWarnings("unchecked")
			EmulatedMessage sent = new EmulatedMessage("AAkALg" + UUID.randomUUID().toString().replace("-", ""), //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
					(Map<String, Object>) java.util.Objects.requireNonNull(ignoringCase(request, "message"), "message")); //$NON-NLS-1$ //$NON-NLS-2$
			// the SDK writes action parameters in PascalCase (Message, SaveToSentItems)
			emulator.submit(mailbox, sent, !Boolean.FALSE.equals(ignoringCase(request, "saveToSentItems"))); //$NON-NLS-1$
			Exchanges.send(exchange, 202, "text/plain", ""); //$NON-NLS-1$ //$NON-NLS-2$
			return 202;
		}
		if (parts.length >= 2 && parts[0].equals("messages")) { //$NON-NLS-1$
			EmulatedMessage message = mailbox.messages.get(parts[1]);
			if (message == null) {
				return GraphApi.error(exchange, 404, "ErrorItemNotFound", "The specified object was not found in the store."); //$NON-NLS-1$ //$NON-NLS-2$
			}
			if (parts.length == 2 && method.equals("GET")) { //$NON-NLS-1$
				Exchanges.json(exchange, 200, json(mailbox, message, exchange));
				return 200;
			}
			if (parts.length == 2 && method.equals("PATCH")) { //$NON-NLS-1$
				// the properties given are set (extended ones by their id), the others are kept
				Map<String, Object> change = Json.object(Exchanges.body(exchange));
				EmulatedMessage changed = message.patched(change);
				Integer refused = refuseBadTime(exchange, changed);
				if (refused != null) {
					return refused.intValue();
				}
				message.apply(change);
				Exchanges.json(exchange, 200, json(mailbox, message, exchange));
				return 200;
			}
			if (parts.length == 2 && method.equals("DELETE")) { //$NON-NLS-1$
				emulator.deferred().deleted(message.id()); // out of the Outbox before its time: never sent
				mailbox.messages.remove(message.id());
				Exchanges.send(exchange, 204, "text/plain", ""); //$NON-NLS-1$ //$NON-NLS-2$
				return 204;
			}
			if (parts.length == 3 && parts[2].equals("attachments") && method.equals("GET")) { //$NON-NLS-1$ //$NON-NLS-2$
				List<String> items = new ArrayList<>();
				for (EmulatedMessage.Attachment attachment : message.attachments()) {
					items.add("{\"@odata.type\":\"#microsoft.graph.fileAttachment\",\"name\":" //$NON-NLS-1$
							+ Exchanges.quote(attachment.name()) + ",\"size\":" + attachment.content().length + "}"); //$NON-NLS-1$ //$NON-NLS-2$
				}
				Exchanges.json(exchange, 200, "{\"value\":[" + String.join(",", items) + "]}"); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
				return 200;
			}
			if (parts.length == 3 && parts[2].equals("attachments") && method.equals("POST")) { //$NON-NLS-1$ //$NON-NLS-2$
				Map<String, Object> attachment = Json.object(Exchanges.body(exchange));
				byte[] content = Base64.getDecoder().decode(String.valueOf(attachment.get("contentBytes"))); //$NON-NLS-1$
				if (content.length > INLINE_LIMIT) {
					return GraphApi.error(exchange, 413, "RequestEntityTooLarge", //$NON-NLS-1$
							"Attachments over 3 MB need an upload session."); //$NON-NLS-1$
				}
				message.attach(new EmulatedMessage.Attachment(String.valueOf(attachment.get("name")), //$NON-NLS-1$
						String.valueOf(attachment.getOrDefault("contentType", "application/octet-stream")), content)); //$NON-NLS-1$ //$NON-NLS-2$
				Exchanges.json(exchange, 201, "{\"id\":" + Exchanges.quote(UUID.randomUUID().toString()) + "}"); //$NON-NLS-1$ //$NON-NLS-2$
				return 201;
			}
			if (parts.length == 4 && parts[3].equals("createUploadSession") && method.equals("POST")) { //$NON-NLS-1$ //$NON-NLS-2$
				@SuppressWarnings("unchecked")
				Map<String, Object> item = (Map<String, Object>) ignoringCase(Json.object(Exchanges.body(exchange)), "attachmentItem"); //$NON-NLS-1$
				String session = emulator.openUpload(message, String.valueOf(item.get("name")), //$NON-NLS-1$
						((Number) item.get("size")).longValue()); //$NON-NLS-1$
				Exchanges.json(exchange, 201, "{\"uploadUrl\":" + Exchanges.quote(emulator.identityBase() + "/upload/" + session) //$NON-NLS-1$ //$NON-NLS-2$
						+ ",\"expirationDateTime\":\"2099-01-01T00:00:00Z\",\"nextExpectedRanges\":[\"0-\"]}"); //$NON-NLS-1$
				return 201;
			}
			if (parts.length == 3 && parts[2].equals("send") && method.equals("POST")) { //$NON-NLS-1$ //$NON-NLS-2$
				if (!message.folder().equals("drafts")) { //$NON-NLS-1$
					// only a draft can be sent: one held in the Outbox has been sent already
					return GraphApi.error(exchange, 400, "ErrorInvalidOperation", "The item is not a draft."); //$NON-NLS-1$ //$NON-NLS-2$
				}
				if (message.size() > mailbox.maxMessageSize) {
					return GraphApi.error(exchange, 413, "ErrorMessageSizeExceeded", //$NON-NLS-1$
							"The message exceeds the maximum supported size."); //$NON-NLS-1$
				}
				Integer wait = emulator.admitSend(mailbox.owner.address());
				if (wait != null) {
					exchange.getResponseHeaders().set("Retry-After", String.valueOf(wait)); //$NON-NLS-1$
					return GraphApi.error(exchange, 429, "ApplicationThrottled", "Too many messages sent; slow down."); //$NON-NLS-1$ //$NON-NLS-2$
				}
				// accepted: out of Drafts at once; held in the Outbox until a deferred send time, or
				// submitted now: in Sent Items (same id) once that is done
				if (!emulator.deferred().hold(mailbox, message) && mailbox.messages.remove(message.id(), message)) {
					emulator.submit(mailbox, message, true);
				}
				Exchanges.send(exchange, 202, "text/plain", ""); //$NON-NLS-1$ //$NON-NLS-2$
				return 202;
			}
		}
		return GraphApi.error(exchange, 400, "BadRequest", "Unsupported mail request: " + method + ' ' + rest); //$NON-NLS-1$ //$NON-NLS-2$
	}

	/**
	 * A mail folder's id as Graph shows it (in parentFolderId, and accepted in place of the
	 * well-known name): opaque, the same for the same mailbox and folder in every run.
	 */
	static String folderId(Mailbox owner, String wellKnownName) {
		return "AQMkAD" + UUID.nameUUIDFromBytes((owner.id() + '/' + wellKnownName) //$NON-NLS-1$
				.getBytes(java.nio.charset.StandardCharsets.UTF_8)).toString().replace("-", ""); //$NON-NLS-1$ //$NON-NLS-2$
	}

	/** The well-known name of a mail folder given by that name (any case) or by its id, or null. */
	private static @Nullable String wellKnown(MailboxData mailbox, String nameOrId) {
		for (String name : FOLDERS.keySet()) {
			if (name.equalsIgnoreCase(nameOrId) || folderId(mailbox.owner, name).equals(nameOrId)) {
				return name;
			}
		}
		return null;
	}

	/**
	 * The message as Graph writes it. Extended properties come only when {@code $expand} asks for
	 * them ({@code singleValueExtendedProperties($filter=id eq '...')}), as in Graph, and only those.
	 */
	private static String json(MailboxData mailbox, EmulatedMessage message, HttpExchange exchange) {
		String expand = Exchanges.query(exchange).getOrDefault("$expand", ""); //$NON-NLS-1$ //$NON-NLS-2$
		String expanded = null;
		if (expand.contains("singleValueExtendedProperties")) { //$NON-NLS-1$
			String id = quoted(expand, "id eq '"); //$NON-NLS-1$
			expanded = id == null ? "" : id; //$NON-NLS-1$
		}
		return message.json(folderId(mailbox.owner, message.folder()), expanded);
	}

	/** 400 for a deferred send time Graph cannot read (null: none, or a good one). */
	private static @Nullable Integer refuseBadTime(HttpExchange exchange, EmulatedMessage message) throws IOException {
		try {
			DeferredDelivery.time(message);
			return null;
		} catch (IllegalArgumentException e) {
			return Integer.valueOf(GraphApi.error(exchange, 400, "ErrorInvalidExtendedPropertyValue", //$NON-NLS-1$
					String.valueOf(e.getMessage())));
		}
	}

	private static @Nullable Object ignoringCase(Map<String, Object> map, String key) {
		for (Map.Entry<String, Object> entry : map.entrySet()) {
			if (entry.getKey().equalsIgnoreCase(key)) {
				return entry.getValue();
			}
		}
		return null;
	}

	/** {@code singleValueExtendedProperties/Any(ep: ep/id eq 'ID' and ep/value eq 'VALUE')}, or no filter. */
	private static boolean matches(EmulatedMessage message, String filter) {
		if (filter.isBlank()) {
			return true;
		}
		String id = quoted(filter, "ep/id eq '"); //$NON-NLS-1$
		String value = quoted(filter, "ep/value eq '"); //$NON-NLS-1$
		if (id == null) {
			return true;
		}
		String actual = message.property(id);
		return actual != null && (value == null || value.equals(actual));
	}

	private static @Nullable String quoted(String filter, String prefix) {
		int start = filter.indexOf(prefix);
		if (start < 0) {
			return null;
		}
		start += prefix.length();
		StringBuilder value = new StringBuilder();
		for (int i = start; i < filter.length(); i++) {
			char c = filter.charAt(i);
			if (c == '\'') {
				if (i + 1 < filter.length() && filter.charAt(i + 1) == '\'') {
					value.append('\'');
					i++;
					continue;
				}
				break;
			}
			value.append(c);
		}
		return value.toString();
	}

	/** An upload session's state: where the bytes go and which come next. */
	static final class Upload {

		final EmulatedMessage message;
		final String name;
		final long size;
		final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

		Upload(EmulatedMessage message, String name, long size) {
			this.message = message;
			this.name = name;
			this.size = size;
		}
	}
}
