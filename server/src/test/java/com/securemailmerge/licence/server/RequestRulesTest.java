package com.securemailmerge.licence.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.InetAddress;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** Content type, client key, the in-memory match and the answer's JSON. */
final class RequestRulesTest {

	private static final String AT = "@";

	@Test
	void contentTypes() {
		assertEquals(PlainTextType.Verdict.ACCEPTED, PlainTextType.of(List.of("text/plain; charset=UTF-8")));
		assertEquals(PlainTextType.Verdict.ACCEPTED, PlainTextType.of(List.of("Text/Plain;charset=\"utf-8\"")));
		assertEquals(PlainTextType.Verdict.ACCEPTED, PlainTextType.of(List.of("text/plain")));
		assertEquals(PlainTextType.Verdict.WRONG_CHARSET, PlainTextType.of(List.of("text/plain; charset=iso-8859-1")));
		assertEquals(PlainTextType.Verdict.UNSUPPORTED, PlainTextType.of(List.of("application/json")));
		assertEquals(PlainTextType.Verdict.UNSUPPORTED, PlainTextType.of(List.of("text/plain", "text/plain")));
		assertEquals(PlainTextType.Verdict.UNSUPPORTED, PlainTextType.of(null));
	}

	@Test
	void clientKeys() throws Exception {
		InetAddress proxy = InetAddress.getByName("10.0.0.5");
		ClientAddress clients = new ClientAddress(Set.of(proxy));
		InetAddress peer = InetAddress.getByName("192.0.2.1");
		assertEquals("192.0.2.1", clients.key(peer, List.of("203.0.113.1")), "an untrusted peer's header is ignored");
		assertEquals("203.0.113.1", clients.key(proxy, List.of("198.51.100.7, 203.0.113.1")));
		assertEquals("10.0.0.5", clients.key(proxy, List.of("not-an-ip.example")), "no name is looked up");
		assertEquals("v6:20010db800010002", clients.key(InetAddress.getByName("2001:db8:1:2::99"), null), "IPv6 per /64");
	}

	@Test
	void matchesExactAddressesAndWholeDomainsOnly() {
		LocalDate end = LocalDate.of(2027, 12, 31);
		LicenceIndex index = new LicenceIndex(1, List.of(new Licence(1, "firma.de", end, ""),
				new Licence(2, "chef" + AT + "firma.de", end.plusYears(1), ""), new Licence(3, "alt.de", LocalDate.of(2020, 1, 1), "")));
		LocalDate day = LocalDate.of(2027, 6, 1);
		assertEquals(Optional.of(1L), index.match("anna" + AT + "firma.de", day).map(Licence::id));
		assertEquals(Optional.of(2L), index.match("chef" + AT + "firma.de", day).map(Licence::id), "the longer one");
		assertEquals(Optional.empty(), index.match("anna" + AT + "sub.firma.de", day), "not subdomains");
		assertEquals(Optional.empty(), index.match("anna" + AT + "alt.de", day), "ended");
		assertEquals(Optional.of(1L), index.match("anna" + AT + "firma.de", end).map(Licence::id), "the last day is valid");
		assertEquals(Optional.empty(), index.match("anna" + AT + "firma.de", end.plusDays(1)));
	}

	@Test
	void answers() {
		assertEquals("{\"tier\":\"free\"}", Tier.FREE.json());
		assertEquals("{\"tier\":\"commercial\",\"until\":\"2027-12-31\"}", Tier.commercial(LocalDate.of(2027, 12, 31)).json());
	}
}
