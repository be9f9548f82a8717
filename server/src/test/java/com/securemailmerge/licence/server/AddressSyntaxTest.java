package com.securemailmerge.licence.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

final class AddressSyntaxTest {

	private static final String AT = "@";
	private final AddressSyntax syntax = new AddressSyntax();

	@Test
	void lowerCasesTheWholeAddress() {
		assertEquals(Optional.of("anna.schmidt" + AT + "firma-gmbh.de"), syntax.normalizeAddress("Anna.Schmidt" + AT + "Firma-GmbH.DE"));
	}

	@ParameterizedTest
	@ValueSource(strings = { "a@b.de", "first.last+tag@sub.example.co.uk", "o'brien@example.ie", "x_y-z=1!#$%&*/?^`{|}~@ex.com",
			"a@xn--mnchen-3ya.de" })
	void accepts(String address) {
		assertTrue(syntax.normalizeAddress(address).isPresent(), address);
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "plain", "@example.com", "a@", "a@b", "a@@b.de", "a@b@c.de", "a b@c.de", " a@b.de", "a@b.de ",
			"a@b.de\n", ".a@b.de", "a.@b.de", "a..b@c.de", "a@-b.de", "a@b-.de", "a@b..de", "a@.b.de", "a@b.de.", "a@b.123",
			"\"quoted\"@b.de", "j\u00f6rg@b.de", "a@m\u00fcnchen.de", "a\u0000@b.de", "a@[127.0.0.1]", "a(comment)@b.de" })
	void refuses(String text) {
		assertTrue(syntax.normalizeAddress(text).isEmpty(), text);
	}

	@Test
	void limitsTheLengths() {
		String label = "l".repeat(63);
		String domain = label + "." + label + "." + label + ".de"; // 194 characters
		assertTrue(syntax.normalizeAddress("x".repeat(59) + AT + domain).isPresent(), "254 in all");
		assertTrue(syntax.normalizeAddress("x".repeat(60) + AT + domain).isEmpty(), "255 in all");
		assertTrue(syntax.normalizeAddress("x".repeat(64) + AT + "b.de").isPresent());
		assertTrue(syntax.normalizeAddress("x".repeat(65) + AT + "b.de").isEmpty(), "65 before the @");
		assertTrue(syntax.normalizeAddress("a" + AT + "l".repeat(64) + ".de").isEmpty(), "a 64-character label");
	}

	@Test
	void readsDomains() {
		assertEquals(Optional.of("example.com"), syntax.normalizeDomain("Example.COM"));
		assertTrue(syntax.normalizeDomain("localhost").isEmpty());
		assertTrue(syntax.normalizeDomain("a@example.com").isEmpty());
	}
}
