package com.securemailmerge.emulator;

import java.io.IOException;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;

/**
 * The product's licence endpoint under {@code /licence}: records every request body (which should be
 * the primary address and nothing else) and answers {@code commercial} for the addresses registered
 * with {@link Emulator#addCommercialLicence(String)}, else {@code free}.
 */
final class LicenceEndpoint implements HttpHandler {

	private final Emulator emulator;

	LicenceEndpoint(Emulator emulator) {
		this.emulator = emulator;
	}

	@Override
	@org.eclipse.jdt.annotation.NonNullByDefault({}) // the JDK's interface carries no null annotations
	public void handle(HttpExchange exchange) throws IOException {
		emulator.record(exchange.getRequestMethod() + ' ' + exchange.getRequestURI().getPath());
		String body = Exchanges.body(exchange);
		emulator.recordLicenceRequest(body);
		if (!exchange.getRequestMethod().equals("POST")) { //$NON-NLS-1$
			Exchanges.send(exchange, 405, "text/plain; charset=utf-8", "POST only"); //$NON-NLS-1$ //$NON-NLS-2$
			return;
		}
		String tier = emulator.hasCommercialLicence(body.strip()) ? "commercial" : "free"; //$NON-NLS-1$ //$NON-NLS-2$
		Exchanges.send(exchange, 200, "text/plain; charset=utf-8", tier); //$NON-NLS-1$
	}
}
