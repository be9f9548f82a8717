package com.securemailmerge.emulator;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import org.eclipse.jdt.annotation.Nullable;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;

/**
 * Graph v1.0 as far as the workbench uses it, behind the emulator's own tokens: a request without a
 * valid token gets 401, one whose token lacks the scope (or whose user lacks the right on a shared
 * mailbox) gets 403, too many requests get 429 with Retry-After, as Graph answers.
 */
final class GraphApi implements HttpHandler {

	private static final int DEFAULT_PAGE = 10;

	private final Emulator emulator;
	private final MailApi mail;

	GraphApi(Emulator emulator) {
		this.emulator = emulator;
		this.mail = new MailApi(emulator);
	}

	@Override
	@org.eclipse.jdt.annotation.NonNullByDefault({}) // the JDK's interface carries no null annotations
	public void handle(HttpExchange exchange) throws IOException {
		String path = exchange.getRequestURI().getPath();
		if (path.equals("/v1.0/$batch") && exchange.getRequestMethod().equals("POST")) { //$NON-NLS-1$ //$NON-NLS-2$
			batch(exchange);
			return;
		}
		String query = exchange.getRequestURI().getRawQuery() == null ? "" : exchange.getRequestURI().getRawQuery(); //$NON-NLS-1$
		String prefer = String.valueOf(exchange.getRequestHeaders().getFirst("Prefer")); //$NON-NLS-1$
		emulator.record(exchange.getRequestMethod() + ' ' + path);
		int status = 0;
		try {
			status = route(exchange, path);
		} catch (RuntimeException e) {
			status = error(exchange, 500, "InternalServerError", String.valueOf(e)); //$NON-NLS-1$
		} finally {
			emulator.recordGraph(new GraphRequest(exchange.getRequestMethod(), path, query, prefer, status));
		}
	}

	private int route(HttpExchange exchange, String path) throws IOException {
		Grant grant = emulator.grant(bearer(exchange));
		if (grant == null) {
			return error(exchange, 401, "InvalidAuthenticationToken", "Access token is empty, invalid or expired."); //$NON-NLS-1$ //$NON-NLS-2$
		}
		List<String> segments = new ArrayList<>(List.of(path.substring("/v1.0/".length()).split("/"))); //$NON-NLS-1$ //$NON-NLS-2$
		MailboxData mailbox;
		boolean own;
		if (segments.get(0).equals("me")) { //$NON-NLS-1$
			mailbox = emulator.ownMailbox(grant.user());
			own = true;
			segments.remove(0);
		} else if (segments.get(0).equals("users") && segments.size() > 1) { //$NON-NLS-1$
			mailbox = emulator.mailbox(java.net.URLDecoder.decode(segments.get(1), java.nio.charset.StandardCharsets.UTF_8));
			own = mailbox != null && mailbox.owner.address().equalsIgnoreCase(grant.user().address());
			segments.remove(0);
			segments.remove(0);
		} else {
			return error(exchange, 400, "BadRequest", "Unsupported segment: " + path); //$NON-NLS-1$ //$NON-NLS-2$
		}
		if (mailbox == null) {
			return error(exchange, 404, "ErrorInvalidUser", "The requested user is invalid."); //$NON-NLS-1$ //$NON-NLS-2$
		}
		Integer throttled = emulator.admit(mailbox.owner.address());
		if (throttled != null) {
			exchange.getResponseHeaders().set("Retry-After", String.valueOf(throttled)); //$NON-NLS-1$
			return error(exchange, 429, "ApplicationThrottled", //$NON-NLS-1$
					"Application is over its MailboxConcurrency or rate limit for " + mailbox.owner.address() + '.'); //$NON-NLS-1$
		}
		try {
			Fault fault = emulator.nextFault();
			if (fault == Fault.DROP) {
				exchange.close(); // no answer: the client sees the connection end
				return 0;
			}
			if (fault == Fault.UNAVAILABLE) {
				exchange.getResponseHeaders().set("Retry-After", "1"); //$NON-NLS-1$ //$NON-NLS-2$
				return error(exchange, 503, "ServiceUnavailable", "The service is temporarily unavailable."); //$NON-NLS-1$ //$NON-NLS-2$
			}
			if (fault == Fault.SLOW) {
				emulator.sleepLatency();
			}
			if (fault == Fault.LOST_ANSWER) {
				Exchanges.LOSE_ANSWER.set(Boolean.TRUE);
				try {
					answer(exchange, grant, mailbox, own, String.join("/", segments)); //$NON-NLS-1$
					return 0;
				} finally {
					Exchanges.LOSE_ANSWER.set(Boolean.FALSE);
				}
			}
			return answer(exchange, grant, mailbox, own, String.join("/", segments)); //$NON-NLS-1$
		} finally {
			emulator.release(mailbox.owner.address());
		}
	}

	private int answer(HttpExchange exchange, Grant grant, MailboxData mailbox, boolean own, String rest)
			throws IOException {
		String method = exchange.getRequestMethod();
		if (rest.isEmpty() && own && method.equals("GET")) { //$NON-NLS-1$
			if (!grant.scopes().contains("User.Read")) { //$NON-NLS-1$
				return denied(exchange, "User.Read"); //$NON-NLS-1$
			}
			Mailbox user = mailbox.owner;
			return ok(exchange, "{\"@odata.context\":\"https://graph.microsoft.com/v1.0/$metadata#users/$entity\"," //$NON-NLS-1$
					+ "\"id\":" + Exchanges.quote(user.id()) + ",\"displayName\":" + Exchanges.quote(user.displayName()) //$NON-NLS-1$ //$NON-NLS-2$
					+ ",\"mail\":" + Exchanges.quote(user.address()) + ",\"userPrincipalName\":" //$NON-NLS-1$ //$NON-NLS-2$
					+ Exchanges.quote(user.address()) + "}"); //$NON-NLS-1$
		}
		if (rest.equals("contacts") || rest.startsWith("contactFolders")) { //$NON-NLS-1$ //$NON-NLS-2$
			String missing = own ? need(grant, "Contacts.Read") //$NON-NLS-1$
					: needShared(grant, mailbox, "Contacts.Read.Shared", MailboxRight.CONTACTS); //$NON-NLS-1$
			if (missing != null) {
				return denied(exchange, missing);
			}
			if (rest.equals("contactFolders")) { //$NON-NLS-1$
				List<String> items = new ArrayList<>();
				mailbox.folders.forEach((id, name) -> items.add("{\"id\":" + Exchanges.quote(id) + ",\"displayName\":" //$NON-NLS-1$ //$NON-NLS-2$
						+ Exchanges.quote(name) + "}")); //$NON-NLS-1$
				return ok(exchange, "{\"value\":[" + String.join(",", items) + "]}"); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
			}
			String folder = rest.startsWith("contactFolders/") ? rest.split("/")[1] : null; //$NON-NLS-1$ //$NON-NLS-2$
			Predicate<EmulatedContact> inFolder = c -> folder == null || c.folderId().equals(folder);
			return page(exchange, mailbox.contacts.stream().filter(inFolder).map(EmulatedContact::json).toList());
		}
		if (rest.equals("outlook/masterCategories")) { //$NON-NLS-1$
			String missing = own ? need(grant, "MailboxSettings.Read") //$NON-NLS-1$
					: needShared(grant, mailbox, "Calendars.Read.Shared", MailboxRight.CALENDAR); //$NON-NLS-1$
			if (missing != null) {
				return denied(exchange, missing);
			}
			List<String> items = new ArrayList<>();
			for (Map.Entry<String, String> category : mailbox.categories.entrySet()) {
				items.add("{\"id\":" + Exchanges.quote(Integer.toHexString(category.getKey().hashCode())) //$NON-NLS-1$
						+ ",\"displayName\":" + Exchanges.quote(category.getKey()) + ",\"color\":" //$NON-NLS-1$ //$NON-NLS-2$
						+ Exchanges.quote(category.getValue()) + "}"); //$NON-NLS-1$
			}
			return ok(exchange, "{\"value\":[" + String.join(",", items) + "]}"); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
		}
		if (rest.equals("mailboxSettings") && own) { //$NON-NLS-1$
			String missing = need(grant, "MailboxSettings.Read"); //$NON-NLS-1$
			if (missing != null) {
				return denied(exchange, missing);
			}
			return ok(exchange, "{\"timeZone\":" + Exchanges.quote(mailbox.timeZone) + ",\"language\":{\"locale\":\"de-DE\"}}"); //$NON-NLS-1$ //$NON-NLS-2$
		}
		if (rest.equals("getMailTips") && own && method.equals("POST")) { //$NON-NLS-1$ //$NON-NLS-2$
			String missing = need(grant, "MailboxSettings.Read"); //$NON-NLS-1$
			if (missing != null) {
				return denied(exchange, missing);
			}
			Exchanges.body(exchange);
			return ok(exchange, "{\"value\":[{\"emailAddress\":{\"address\":" + Exchanges.quote(mailbox.owner.address()) //$NON-NLS-1$
					+ "},\"maxMessageSize\":" + mailbox.maxMessageSize + "}]}"); //$NON-NLS-1$ //$NON-NLS-2$
		}
		if (rest.equals("messages") || rest.startsWith("messages/") || rest.startsWith("mailFolders/") //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
				|| rest.equals("sendMail")) { //$NON-NLS-1$
			if (!own) {
				return denied(exchange, "own mailbox only"); //$NON-NLS-1$
			}
			return mail.handle(exchange, grant, mailbox, rest);
		}
		return error(exchange, 404, "ResourceNotFound", "Resource not found for the segment: " + rest); //$NON-NLS-1$ //$NON-NLS-2$
	}

	/**
	 * JSON batching: each request runs through the same handler with the batch's token, and answers
	 * with its own status (a 429 inside a batch is the caller's to retry, as with Graph).
	 */
	@SuppressWarnings("unchecked")
	private void batch(HttpExchange exchange) throws IOException {
		emulator.record("POST /v1.0/$batch"); //$NON-NLS-1$
		String authorization = exchange.getRequestHeaders().getFirst("Authorization"); //$NON-NLS-1$
		Map<String, Object> request = Json.object(Exchanges.body(exchange));
		List<String> responses = new ArrayList<>();
		for (Object item : (List<Object>) request.getOrDefault("requests", List.of())) { //$NON-NLS-1$
			Map<String, Object> one = (Map<String, Object>) item;
			String url = String.valueOf(one.get("url")); //$NON-NLS-1$
			Object body = one.get("body"); //$NON-NLS-1$
			BatchExchange inner = new BatchExchange(String.valueOf(one.getOrDefault("method", "GET")), //$NON-NLS-1$ //$NON-NLS-2$
					java.net.URI.create("/v1.0" + (url.startsWith("/") ? url : '/' + url)), authorization, //$NON-NLS-1$ //$NON-NLS-2$
					body == null ? "" : body instanceof Map || body instanceof List ? Exchanges.toJson(body) : String.valueOf(body)); //$NON-NLS-1$
			handle(inner);
			String answer = inner.responseBody();
			String retryAfter = inner.getResponseHeaders().getFirst("Retry-After"); //$NON-NLS-1$
			responses.add("{\"id\":" + Exchanges.quote(String.valueOf(one.get("id"))) + ",\"status\":" + inner.status() //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
					+ ",\"headers\":{" + (retryAfter == null ? "" : "\"Retry-After\":" + Exchanges.quote(retryAfter)) + "}" //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$
					+ (answer.isEmpty() ? "" : ",\"body\":" + answer) + "}"); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
		}
		Exchanges.json(exchange, 200, "{\"responses\":[" + String.join(",", responses) + "]}"); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
	}

	/** One page of a collection, with @odata.nextLink while more follow ($top, $skip). */
	private int page(HttpExchange exchange, List<String> items) throws IOException {
		Map<String, String> query = Exchanges.query(exchange);
		int top = Math.min(1000, Integer.parseInt(query.getOrDefault("$top", String.valueOf(DEFAULT_PAGE)))); //$NON-NLS-1$
		int skip = Integer.parseInt(query.getOrDefault("$skip", "0")); //$NON-NLS-1$ //$NON-NLS-2$
		List<String> page = items.subList(Math.min(skip, items.size()), Math.min(skip + top, items.size()));
		String next = ""; //$NON-NLS-1$
		if (skip + top < items.size()) {
			StringBuilder link = new StringBuilder(emulator.identityBase()).append(exchange.getRequestURI().getPath())
					.append("?$top=").append(top).append("&$skip=").append(skip + top); //$NON-NLS-1$ //$NON-NLS-2$
			query.forEach((k, v) -> {
				if (!k.equals("$top") && !k.equals("$skip")) { //$NON-NLS-1$ //$NON-NLS-2$
					link.append('&').append(k).append('=').append(java.net.URLEncoder.encode(v, java.nio.charset.StandardCharsets.UTF_8));
				}
			});
			next = ",\"@odata.nextLink\":" + Exchanges.quote(link.toString()); //$NON-NLS-1$
		}
		return ok(exchange, "{\"value\":[" + String.join(",", page) + "]" + next + "}"); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$
	}

	private static @Nullable String need(Grant grant, String scope) {
		return grant.scopes().contains(scope) ? null : scope;
	}

	private static @Nullable String needShared(Grant grant, MailboxData mailbox, String scope, MailboxRight right) {
		if (!grant.scopes().contains(scope)) {
			return scope;
		}
		Set<MailboxRight> rights = mailbox.delegates.getOrDefault(grant.user().address(), Set.of());
		return rights.contains(right) ? null : "right:" + right; //$NON-NLS-1$
	}

	private static int denied(HttpExchange exchange, String missing) throws IOException {
		return error(exchange, 403, "ErrorAccessDenied", //$NON-NLS-1$
				"Access is denied. Check credentials and try again. (" + missing + ")"); //$NON-NLS-1$ //$NON-NLS-2$
	}

	private static int ok(HttpExchange exchange, String json) throws IOException {
		Exchanges.json(exchange, 200, json);
		return 200;
	}

	private static @Nullable String bearer(HttpExchange exchange) {
		String header = exchange.getRequestHeaders().getFirst("Authorization"); //$NON-NLS-1$
		return header != null && header.startsWith("Bearer ") ? header.substring(7) : null; //$NON-NLS-1$
	}

	static int error(HttpExchange exchange, int status, String code, String message) throws IOException {
		Exchanges.json(exchange, status, "{\"error\":{\"code\":" + Exchanges.quote(code) + ",\"message\":" //$NON-NLS-1$ //$NON-NLS-2$
				+ Exchanges.quote(message) + ",\"innerError\":{\"request-id\":\"00000000-0000-0000-0000-000000000000\"}}}"); //$NON-NLS-1$
		return status;
	}
}
