package com.securemailmerge.emulator;

import java.io.IOException;

import org.eclipse.jdt.annotation.Nullable;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;

/**
 * Graph v1.0 as far as the workbench uses it, behind the emulator's own tokens: a request without
 * a valid token gets 401, one whose token lacks the scope gets 403, as Graph answers.
 */
final class GraphApi implements HttpHandler {

	private final Emulator emulator;

	GraphApi(Emulator emulator) {
		this.emulator = emulator;
	}

	@Override
	@org.eclipse.jdt.annotation.NonNullByDefault({}) // the JDK's interface carries no null annotations
	public void handle(HttpExchange exchange) throws IOException {
		String path = exchange.getRequestURI().getPath();
		emulator.record(exchange.getRequestMethod() + ' ' + path);
		Grant grant = emulator.grant(bearer(exchange));
		if (grant == null) {
			error(exchange, 401, "InvalidAuthenticationToken", "Access token is empty, invalid or expired."); //$NON-NLS-1$ //$NON-NLS-2$
			return;
		}
		if (path.equals("/v1.0/me")) { //$NON-NLS-1$
			if (!grant.scopes().contains("User.Read")) { //$NON-NLS-1$
				error(exchange, 403, "Authorization_RequestDenied", "Insufficient privileges: User.Read is needed."); //$NON-NLS-1$ //$NON-NLS-2$
				return;
			}
			Mailbox user = grant.user();
			Exchanges.json(exchange, 200, "{\"@odata.context\":\"https://graph.microsoft.com/v1.0/$metadata#users/$entity\"," //$NON-NLS-1$
					+ "\"id\":" + Exchanges.quote(user.id()) + ",\"displayName\":" + Exchanges.quote(user.displayName()) //$NON-NLS-1$ //$NON-NLS-2$
					+ ",\"mail\":" + Exchanges.quote(user.address()) + ",\"userPrincipalName\":" //$NON-NLS-1$ //$NON-NLS-2$
					+ Exchanges.quote(user.address()) + "}"); //$NON-NLS-1$
			return;
		}
		error(exchange, 404, "ResourceNotFound", "Resource not found for the segment: " + path); //$NON-NLS-1$ //$NON-NLS-2$
	}

	private static @Nullable String bearer(HttpExchange exchange) {
		String header = exchange.getRequestHeaders().getFirst("Authorization"); //$NON-NLS-1$
		return header != null && header.startsWith("Bearer ") ? header.substring(7) : null; //$NON-NLS-1$
	}

	static void error(HttpExchange exchange, int status, String code, String message) throws IOException {
		Exchanges.json(exchange, status, "{\"error\":{\"code\":" + Exchanges.quote(code) + ",\"message\":" //$NON-NLS-1$ //$NON-NLS-2$
				+ Exchanges.quote(message) + ",\"innerError\":{\"request-id\":\"00000000-0000-0000-0000-000000000000\"}}}"); //$NON-NLS-1$
	}
}
