package com.securemailmerge.libraries.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.osgi.framework.FrameworkUtil;

import com.microsoft.graph.models.User;
import com.microsoft.graph.models.odataerrors.ODataError;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import com.microsoft.kiota.authentication.AccessTokenProvider;
import com.microsoft.kiota.authentication.AllowedHostsValidator;
import com.microsoft.kiota.authentication.BaseBearerTokenAuthenticationProvider;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * The whole Graph SDK stack (graph, graph-core, kiota with its serialization fragments, OkHttp,
 * Kotlin) resolves inside OSGi and talks to a local server with a token from our own provider.
 */
final class GraphSdkInOsgiTest {

	private HttpServer server;
	private final CopyOnWriteArrayList<String> seen = new CopyOnWriteArrayList<>();

	@BeforeEach
	void startServer() throws IOException {
		server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		server.createContext("/v1.0/me", this::me);
		server.start();
	}

	@AfterEach
	void stopServer() {
		server.stop(0);
	}

	private void me(HttpExchange exchange) throws IOException {
		String authorization = exchange.getRequestHeaders().getFirst("Authorization");
		seen.add(exchange.getRequestMethod() + " " + exchange.getRequestURI() + " " + authorization);
		boolean ok = "Bearer test-token".equals(authorization);
		String body = ok
				? "{\"id\":\"1\",\"displayName\":\"Anna Müller\",\"mail\":\"anna@contoso.example\"}"
				: "{\"error\":{\"code\":\"InvalidAuthenticationToken\",\"message\":\"Access token is empty.\"}}";
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().add("Content-Type", "application/json; charset=utf-8");
		exchange.sendResponseHeaders(ok ? 200 : 401, bytes.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(bytes);
		}
	}

	private GraphServiceClient client(String token) {
		AccessTokenProvider provider = new AccessTokenProvider() {
			@Override
			public String getAuthorizationToken(URI uri, Map<String, Object> context) {
				return token;
			}

			@Override
			public AllowedHostsValidator getAllowedHostsValidator() {
				return new AllowedHostsValidator("127.0.0.1");
			}
		};
		GraphServiceClient client = new GraphServiceClient(new BaseBearerTokenAuthenticationProvider(provider));
		client.getRequestAdapter().setBaseUrl("http://127.0.0.1:" + server.getAddress().getPort() + "/v1.0");
		return client;
	}

	@Test
	void readsTheSignedInUserWithOurToken() {
		User me = client("test-token").me().get();
		assertEquals("anna@contoso.example", me.getMail());
		assertEquals("Anna Müller", me.getDisplayName());
		assertEquals("GET /v1.0/me Bearer test-token", seen.get(0));
		assertEquals("com.microsoft.graph", FrameworkUtil.getBundle(GraphServiceClient.class).getSymbolicName());
	}

	@Test
	void mapsAnErrorResponseToODataError() {
		ODataError error = assertThrows(ODataError.class, () -> client("wrong").me().get());
		assertEquals("InvalidAuthenticationToken", error.getError().getCode());
		assertEquals(401, error.getResponseStatusCode());
	}
}
