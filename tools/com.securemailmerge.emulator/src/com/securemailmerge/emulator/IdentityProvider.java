package com.securemailmerge.emulator;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import org.eclipse.jdt.annotation.Nullable;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;

/**
 * The OAuth 2.0 endpoints under {@code /{tenant}/oauth2/v2.0/}: device code, token (device code,
 * authorization code, refresh token grants) and authorize (answers with an auto-submitting
 * form_post page, as Microsoft's does after a sign-in). Who signs in is decided by the test:
 * {@link Emulator#approveDeviceCodes(Mailbox)} or {@link Emulator#signInInteractivelyAs(Mailbox)}.
 */
final class IdentityProvider implements HttpHandler {

	private static final Set<String> OIDC = Set.of("openid", "profile", "offline_access"); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$

	private record DeviceCode(String deviceCode, String userCode, Set<String> scopes, String clientId, Instant expires) {
	}

	private record Code(String code, Mailbox user, Set<String> scopes, String clientId) {
	}

	private final Emulator emulator;
	private final SecureRandom random = new SecureRandom();
	private final Map<String, DeviceCode> deviceCodes = new ConcurrentHashMap<>();
	private final Map<String, Mailbox> approvedDeviceCodes = new ConcurrentHashMap<>();
	private final Map<String, Code> codes = new ConcurrentHashMap<>();
	private final Map<String, Grant> refreshTokens = new ConcurrentHashMap<>();

	IdentityProvider(Emulator emulator) {
		this.emulator = emulator;
	}

	@Override
	@org.eclipse.jdt.annotation.NonNullByDefault({}) // the JDK's interface carries no null annotations
	public void handle(HttpExchange exchange) throws IOException {
		String path = exchange.getRequestURI().getPath();
		emulator.record(exchange.getRequestMethod() + ' ' + path);
		try {
			if (path.endsWith("/oauth2/v2.0/devicecode")) { //$NON-NLS-1$
				deviceCode(exchange, Exchanges.form(Exchanges.body(exchange)));
			} else if (path.endsWith("/oauth2/v2.0/token")) { //$NON-NLS-1$
				token(exchange, Exchanges.form(Exchanges.body(exchange)));
			} else if (path.endsWith("/oauth2/v2.0/authorize")) { //$NON-NLS-1$
				authorize(exchange, Exchanges.query(exchange));
			} else {
				Exchanges.oauthError(exchange, 404, "invalid_request", "No such endpoint: " + path); //$NON-NLS-1$ //$NON-NLS-2$
			}
		} catch (RuntimeException e) {
			Exchanges.oauthError(exchange, 500, "server_error", String.valueOf(e)); //$NON-NLS-1$
		}
	}

	private void deviceCode(HttpExchange exchange, Map<String, String> form) throws IOException {
		String device = token(32);
		String user = token(6).toUpperCase(java.util.Locale.ROOT).replaceAll("[^A-Z0-9]", "X").substring(0, 8); //$NON-NLS-1$ //$NON-NLS-2$
		DeviceCode code = new DeviceCode(device, user, scopes(form.get("scope")), form.getOrDefault("client_id", ""), //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
				emulator.now().plus(Duration.ofMinutes(15)));
		deviceCodes.put(device, code);
		String verification = emulator.identityBase() + "/devicelogin"; //$NON-NLS-1$
		Exchanges.json(exchange, 200, "{\"user_code\":" + Exchanges.quote(user) + ",\"device_code\":" //$NON-NLS-1$ //$NON-NLS-2$
				+ Exchanges.quote(device) + ",\"verification_uri\":" + Exchanges.quote(verification) //$NON-NLS-1$
				+ ",\"expires_in\":900,\"interval\":1,\"message\":" //$NON-NLS-1$
				+ Exchanges.quote("To sign in, open " + verification + " and enter the code " + user + ".") + "}"); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$
	}

	/** The user codes waiting for a sign-in. */
	Set<String> pendingUserCodes() {
		return deviceCodes.values().stream().filter(c -> !approvedDeviceCodes.containsKey(c.deviceCode()))
				.map(DeviceCode::userCode).collect(Collectors.toSet());
	}

	void approveAll(Mailbox user) {
		deviceCodes.keySet().forEach(code -> approvedDeviceCodes.putIfAbsent(code, user));
	}

	void revokeRefreshTokens(Mailbox user) {
		refreshTokens.values().removeIf(grant -> grant.user().equals(user));
	}

	private void token(HttpExchange exchange, Map<String, String> form) throws IOException {
		String grantType = form.getOrDefault("grant_type", ""); //$NON-NLS-1$ //$NON-NLS-2$
		String clientId = form.getOrDefault("client_id", ""); //$NON-NLS-1$ //$NON-NLS-2$
		switch (grantType) {
		case "urn:ietf:params:oauth:grant-type:device_code", "device_code" -> { //$NON-NLS-1$ //$NON-NLS-2$
			DeviceCode code = deviceCodes.get(form.getOrDefault("device_code", "")); //$NON-NLS-1$ //$NON-NLS-2$
			if (code == null) {
				Exchanges.oauthError(exchange, 400, "invalid_grant", "AADSTS70019: unknown device code."); //$NON-NLS-1$ //$NON-NLS-2$
			} else if (code.expires().isBefore(emulator.now())) {
				Exchanges.oauthError(exchange, 400, "expired_token", "AADSTS70019: the device code expired."); //$NON-NLS-1$ //$NON-NLS-2$
			} else if (!approvedDeviceCodes.containsKey(code.deviceCode()) && emulator.autoApprove() != null) {
				deviceCodes.remove(code.deviceCode());
				issue(exchange, java.util.Objects.requireNonNull(emulator.autoApprove()), code.scopes(), code.clientId());
			} else if (!approvedDeviceCodes.containsKey(code.deviceCode())) {
				Exchanges.oauthError(exchange, 400, "authorization_pending", //$NON-NLS-1$
						"AADSTS70016: OAuth 2.0 device flow error. Authorization is pending."); //$NON-NLS-1$
			} else {
				deviceCodes.remove(code.deviceCode());
				issue(exchange, approvedDeviceCodes.remove(code.deviceCode()), code.scopes(), code.clientId());
			}
		}
		case "authorization_code" -> { //$NON-NLS-1$
			Code code = codes.remove(form.getOrDefault("code", "")); //$NON-NLS-1$ //$NON-NLS-2$
			if (code == null) {
				Exchanges.oauthError(exchange, 400, "invalid_grant", "AADSTS70000: the code is unknown or used."); //$NON-NLS-1$ //$NON-NLS-2$
			} else {
				issue(exchange, code.user(), union(code.scopes(), scopes(form.get("scope"))), code.clientId()); //$NON-NLS-1$
			}
		}
		case "refresh_token" -> { //$NON-NLS-1$
			Grant refresh = refreshTokens.remove(form.getOrDefault("refresh_token", "")); //$NON-NLS-1$ //$NON-NLS-2$
			emulator.countRefresh();
			if (refresh == null) {
				Exchanges.oauthError(exchange, 400, "invalid_grant", //$NON-NLS-1$
						"AADSTS700082: The refresh token has expired or was revoked. Sign in again."); //$NON-NLS-1$
			} else {
				Set<String> asked = scopes(form.get("scope")); //$NON-NLS-1$
				issue(exchange, refresh.user(), asked.isEmpty() ? refresh.scopes() : asked, clientId);
			}
		}
		default -> Exchanges.oauthError(exchange, 400, "unsupported_grant_type", "Unsupported grant: " + grantType); //$NON-NLS-1$ //$NON-NLS-2$
		}
	}

	private void authorize(HttpExchange exchange, Map<String, String> query) throws IOException {
		Mailbox user = emulator.interactiveUser();
		String redirect = query.getOrDefault("redirect_uri", ""); //$NON-NLS-1$ //$NON-NLS-2$
		if (user == null) {
			Exchanges.send(exchange, 200, "text/html; charset=utf-8", //$NON-NLS-1$
					"<html><body><p>No user is signed in at the emulator.</p></body></html>"); //$NON-NLS-1$
			return;
		}
		String code = token(24);
		codes.put(code, new Code(code, user, scopes(query.get("scope")), query.getOrDefault("client_id", ""))); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
		String state = query.getOrDefault("state", ""); //$NON-NLS-1$ //$NON-NLS-2$
		Exchanges.send(exchange, 200, "text/html; charset=utf-8", "<html><body onload=\"document.forms[0].submit()\">" //$NON-NLS-1$ //$NON-NLS-2$
				+ "<form method=\"POST\" action=\"" + html(redirect) + "\">" //$NON-NLS-1$ //$NON-NLS-2$
				+ "<input type=\"hidden\" name=\"code\" value=\"" + html(code) + "\">" //$NON-NLS-1$ //$NON-NLS-2$
				+ "<input type=\"hidden\" name=\"state\" value=\"" + html(state) + "\">" //$NON-NLS-1$ //$NON-NLS-2$
				+ "<input type=\"hidden\" name=\"client_info\" value=\"" + html(clientInfo(user)) + "\">" //$NON-NLS-1$ //$NON-NLS-2$
				+ "</form></body></html>"); //$NON-NLS-1$
	}

	private void issue(HttpExchange exchange, Mailbox user, Set<String> asked, String clientId) throws IOException {
		Set<String> granted = new LinkedHashSet<>(asked);
		granted.removeAll(OIDC);
		Instant now = emulator.now();
		Duration lifetime = emulator.tokenLifetime();
		Grant access = new Grant(token(40), user, granted, now.plus(lifetime));
		emulator.issued(access);
		Grant refresh = new Grant(token(40), user, granted, now.plus(Duration.ofDays(90)));
		refreshTokens.put(refresh.token(), refresh);
		String scope = String.join(" ", granted); //$NON-NLS-1$
		Exchanges.json(exchange, 200, "{\"token_type\":\"Bearer\",\"scope\":" + Exchanges.quote(scope) //$NON-NLS-1$
				+ ",\"expires_in\":" + lifetime.toSeconds() + ",\"ext_expires_in\":" + lifetime.toSeconds() //$NON-NLS-1$ //$NON-NLS-2$
				+ ",\"access_token\":" + Exchanges.quote(access.token()) + ",\"refresh_token\":" //$NON-NLS-1$ //$NON-NLS-2$
				+ Exchanges.quote(refresh.token()) + ",\"id_token\":" + Exchanges.quote(idToken(user, clientId, now)) //$NON-NLS-1$
				+ ",\"client_info\":" + Exchanges.quote(clientInfo(user)) + "}"); //$NON-NLS-1$ //$NON-NLS-2$
	}

	private String idToken(Mailbox user, String clientId, Instant now) {
		String header = base64("{\"typ\":\"JWT\",\"alg\":\"RS256\",\"kid\":\"emulator\"}"); //$NON-NLS-1$
		String payload = base64("{\"aud\":" + Exchanges.quote(clientId) + ",\"iss\":" //$NON-NLS-1$ //$NON-NLS-2$
				+ Exchanges.quote(emulator.identityBase() + '/' + Emulator.TENANT + "/v2.0") + ",\"iat\":" //$NON-NLS-1$ //$NON-NLS-2$
				+ now.getEpochSecond() + ",\"nbf\":" + now.getEpochSecond() + ",\"exp\":" //$NON-NLS-1$ //$NON-NLS-2$
				+ now.plus(Duration.ofHours(1)).getEpochSecond() + ",\"name\":" + Exchanges.quote(user.displayName()) //$NON-NLS-1$
				+ ",\"oid\":" + Exchanges.quote(user.id()) + ",\"preferred_username\":" + Exchanges.quote(user.address()) //$NON-NLS-1$ //$NON-NLS-2$
				+ ",\"sub\":" + Exchanges.quote(user.id()) + ",\"tid\":" + Exchanges.quote(Emulator.TENANT) //$NON-NLS-1$ //$NON-NLS-2$
				+ ",\"ver\":\"2.0\"}"); //$NON-NLS-1$
		return header + '.' + payload + '.' + base64("not-signed"); //$NON-NLS-1$
	}

	private static String clientInfo(Mailbox user) {
		return base64("{\"uid\":" + Exchanges.quote(user.id()) + ",\"utid\":" + Exchanges.quote(Emulator.TENANT) + "}"); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
	}

	private static String base64(String json) {
		return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
	}

	private static Set<String> scopes(@Nullable String scope) {
		if (scope == null || scope.isBlank()) {
			return Set.of();
		}
		Set<String> scopes = new LinkedHashSet<>();
		for (String one : scope.trim().split("\\s+")) { //$NON-NLS-1$
			// Graph scopes may come as https://graph.microsoft.com/Contacts.Read
			scopes.add(one.substring(one.lastIndexOf('/') + 1));
		}
		return scopes;
	}

	private static Set<String> union(Set<String> a, Set<String> b) {
		Set<String> all = new LinkedHashSet<>(a);
		all.addAll(b);
		return all;
	}

	private String token(int bytes) {
		byte[] raw = new byte[bytes];
		random.nextBytes(raw);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
	}

	private static String html(String text) {
		return text.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;"); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$ //$NON-NLS-5$ //$NON-NLS-6$
	}
}
