package com.securemailmerge.auth.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.net.ssl.HttpsURLConnection;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.securemailmerge.auth.Account;
import com.securemailmerge.auth.AuthConfiguration;
import com.securemailmerge.auth.AuthException;
import com.securemailmerge.auth.DeviceCodePrompt;
import com.securemailmerge.auth.Scopes;
import com.securemailmerge.auth.internal.MsalAuthService;
import com.securemailmerge.emulator.Emulator;
import com.securemailmerge.emulator.Mailbox;

/**
 * The real MSAL4J code paths against the local emulator: device code and interactive sign-in,
 * tokens served from memory, silent refresh after expiry, a revoked session, scopes asked for one
 * feature at a time.
 */
final class SignInTest {

	private static final String CLIENT_ID = "3f0c2b7e-1d2a-4c5b-8e9f-0a1b2c3d4e5f";
	private static final Mailbox ANNA = Mailbox.of("anna@verein.example", "Anna Weber");

	private Emulator emulator;
	private MsalAuthService auth;

	@BeforeEach
	void start() throws Exception {
		emulator = Emulator.start();
		auth = new MsalAuthService(new AuthConfiguration(CLIENT_ID, emulator.authority(), emulator.sslSocketFactory(),
				this::followSignInPage));
	}

	@AfterEach
	void stop() {
		emulator.close();
	}

	private Account signInWithDeviceCode(Set<String> scopes) throws AuthException {
		List<DeviceCodePrompt> prompts = new CopyOnWriteArrayList<>();
		Account account = auth.signInWithDeviceCode(scopes, prompt -> {
			prompts.add(prompt);
			emulator.approveDeviceCodes(ANNA); // the user enters the code in a browser and signs in
		}, new NullProgressMonitor());
		assertEquals(1, prompts.size());
		assertTrue(prompts.get(0).message().contains(prompts.get(0).userCode()), prompts.get(0).message());
		return account;
	}

	@Test
	void signsInWithADeviceCodeAndCallsGraphWithTheToken() throws Exception {
		List<Optional<Account>> changes = new CopyOnWriteArrayList<>();
		auth.addAccountListener(changes::add);
		Account account = signInWithDeviceCode(Set.of(Scopes.USER_READ));
		assertEquals("anna@verein.example", account.username());
		assertEquals(Optional.of(account), auth.account());
		assertEquals(List.of(Optional.of(account)), changes);
		assertEquals(Set.of(Scopes.USER_READ), auth.grantedScopes());
		String token = auth.accessToken(Set.of(Scopes.USER_READ), false);
		assertEquals(200, graph("/me", token));
		assertEquals(0, emulator.refreshCount(), "the token came from memory");
	}

	@Test
	void signsInInteractivelyThroughTheBrowserRedirect() throws Exception {
		emulator.signInInteractivelyAs(ANNA);
		Account account = auth.signInInteractively(Set.of(Scopes.USER_READ), new NullProgressMonitor());
		assertEquals("anna@verein.example", account.username());
		assertEquals(200, graph("/me", auth.accessToken(Set.of(Scopes.USER_READ), false)));
		assertTrue(emulator.requests().stream().anyMatch(r -> r.endsWith("/oauth2/v2.0/authorize")), emulator.requests().toString());
	}

	@Test
	void refreshesSilentlyWhenTheTokenExpires() throws Exception {
		signInWithDeviceCode(Set.of(Scopes.USER_READ));
		String first = auth.accessToken(Set.of(Scopes.USER_READ), false);
		emulator.advanceClock(Duration.ofHours(2)); // the token expired while a campaign ran
		assertEquals(401, graph("/me", first), "Graph refuses the expired token");
		String second = auth.accessToken(Set.of(Scopes.USER_READ), true); // after a 401: refresh
		assertNotEquals(first, second);
		assertEquals(1, emulator.refreshCount());
		assertEquals(200, graph("/me", second));

		emulator.setTokenLifetime(Duration.ofSeconds(60)); // MSAL4J refreshes tokens that expire within 5 minutes
		auth.accessToken(Set.of(Scopes.USER_READ), true);
		String refreshedByItself = auth.accessToken(Set.of(Scopes.USER_READ), false);
		assertEquals(3, emulator.refreshCount(), "a token about to expire is refreshed without being told");
		assertEquals(200, graph("/me", refreshedByItself));
	}

	@Test
	void aRevokedSessionAsksToSignInAgain() throws Exception {
		signInWithDeviceCode(Set.of(Scopes.USER_READ));
		emulator.revokeRefreshTokens(ANNA);
		AuthException e = assertThrows(AuthException.class, () -> auth.accessToken(Set.of(Scopes.USER_READ), true));
		assertEquals(AuthException.Reason.SIGN_IN_REQUIRED, e.reason());
		assertTrue(e.getMessage().contains("sign in again") || e.getMessage().contains("erneut an"), e.getMessage());
	}

	@Test
	void eachFeatureAsksForItsScopeWhenFirstUsed() throws Exception {
		signInWithDeviceCode(Set.of(Scopes.USER_READ));
		assertFalse(auth.grantedScopes().contains(Scopes.CONTACTS_READ), "contacts are not asked for at sign-in");
		auth.accessToken(Set.of(Scopes.CONTACTS_READ), false);
		assertTrue(auth.grantedScopes().contains(Scopes.CONTACTS_READ));
		assertTrue(emulator.issuedTokens().stream().anyMatch(g -> g.scopes().equals(Set.of(Scopes.CONTACTS_READ))),
				"a token for the contacts scope alone");
	}

	@Test
	void signingOutForgetsAccountAndTokens() throws Exception {
		signInWithDeviceCode(Set.of(Scopes.USER_READ));
		auth.signOut();
		assertEquals(Optional.empty(), auth.account());
		assertEquals(AuthException.Reason.SIGN_IN_REQUIRED,
				assertThrows(AuthException.class, () -> auth.accessToken(Set.of(Scopes.USER_READ), false)).reason());
	}

	@Test
	void withoutAClientIdTheOfflineProfileStays() {
		MsalAuthService offline = new MsalAuthService(AuthConfiguration.of(""));
		assertFalse(offline.isConfigured());
		assertEquals(AuthException.Reason.NOT_CONFIGURED, assertThrows(AuthException.class,
				() -> offline.signInInteractively(Set.of(Scopes.USER_READ), new NullProgressMonitor())).reason());
	}

	private int graph(String path, String token) throws IOException {
		HttpsURLConnection connection = (HttpsURLConnection) URI.create(emulator.graphBase() + path).toURL().openConnection();
		connection.setSSLSocketFactory(emulator.sslSocketFactory());
		connection.setRequestProperty("Authorization", "Bearer " + token);
		int status = connection.getResponseCode();
		connection.disconnect();
		return status;
	}

	/** The user's browser: opens the sign-in page and submits its form to MSAL4J's local redirect. */
	private void followSignInPage(URI authorize) {
		try {
			HttpsURLConnection page = (HttpsURLConnection) authorize.toURL().openConnection();
			page.setSSLSocketFactory(emulator.sslSocketFactory());
			String html;
			try (InputStream in = page.getInputStream()) {
				html = new String(in.readAllBytes(), StandardCharsets.UTF_8);
			}
			String action = between(html, "action=\"", "\"");
			Map<String, String> fields = new LinkedHashMap<>();
			int at = 0;
			while ((at = html.indexOf("name=\"", at)) >= 0) {
				String name = between(html.substring(at), "name=\"", "\"");
				String value = between(html.substring(at), "value=\"", "\"").replace("&quot;", "\"").replace("&amp;", "&");
				fields.put(name, value);
				at += 6;
			}
			List<String> pairs = new ArrayList<>();
			fields.forEach((k, v) -> pairs.add(URLEncoder.encode(k, StandardCharsets.UTF_8) + '='
					+ URLEncoder.encode(v, StandardCharsets.UTF_8)));
			HttpURLConnection post = (HttpURLConnection) URI.create(action.replace("&amp;", "&")).toURL().openConnection();
			post.setRequestMethod("POST");
			post.setDoOutput(true);
			post.setRequestProperty("Content-Type", "application/x-www-form-urlencoded");
			try (OutputStream out = post.getOutputStream()) {
				out.write(String.join("&", pairs).getBytes(StandardCharsets.UTF_8));
			}
			post.getResponseCode();
			post.disconnect();
		} catch (IOException e) {
			throw new IllegalStateException(e);
		}
	}

	private static String between(String text, String start, String end) {
		int from = text.indexOf(start) + start.length();
		return text.substring(from, text.indexOf(end, from));
	}
}
