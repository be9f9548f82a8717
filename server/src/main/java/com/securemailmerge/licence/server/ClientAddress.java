package com.securemailmerge.licence.server;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Set;

/**
 * The client a request is counted against: the peer's IP, or, when the peer is one of the
 * configured trusted proxies, the right-most X-Forwarded-For entry that is not a trusted proxy.
 * IPv6 clients are counted per /64, since one host usually owns a whole /64.
 */
public final class ClientAddress {

	private final Set<InetAddress> trustedProxies;

	public ClientAddress(Set<InetAddress> trustedProxies) {
		this.trustedProxies = Set.copyOf(trustedProxies);
	}

	/** The rate-limit key of a request from {@code peer} with these X-Forwarded-For headers. */
	public String key(InetAddress peer, List<String> forwardedFor) {
		InetAddress client = peer;
		if (trustedProxies.contains(peer) && forwardedFor != null) {
			List<String> hops = forwardedFor.stream().flatMap(h -> java.util.Arrays.stream(h.split(","))).map(String::strip)
					.toList();
			for (int i = hops.size() - 1; i >= 0; i--) {
				InetAddress hop = literal(hops.get(i));
				if (hop == null) {
					break; // garbage: count the request against the proxy's last good hop
				}
				client = hop;
				if (!trustedProxies.contains(hop)) {
					break;
				}
			}
		}
		return keyOf(client);
	}

	private static String keyOf(InetAddress address) {
		if (address instanceof Inet6Address) {
			byte[] bytes = address.getAddress();
			StringBuilder prefix = new StringBuilder("v6:");
			for (int i = 0; i < 8; i++) {
				prefix.append(String.format("%02x", bytes[i] & 0xff));
			}
			return prefix.toString();
		}
		return address.getHostAddress();
	}

	/** An IP literal, or null: never a name, so never a DNS look-up. */
	static InetAddress literal(String text) {
		if (text.isEmpty() || text.length() > 45) {
			return null;
		}
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			boolean ok = c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F' || c == '.' || c == ':';
			if (!ok) {
				return null;
			}
		}
		if (text.indexOf(':') < 0 && (text.chars().anyMatch(c -> c != '.' && (c < '0' || c > '9'))
				|| text.chars().filter(c -> c == '.').count() != 3)) {
			return null; // not a dotted quad: InetAddress would take it for a name
		}
		try {
			return InetAddress.getByName(text);
		} catch (UnknownHostException e) {
			return null;
		}
	}
}
