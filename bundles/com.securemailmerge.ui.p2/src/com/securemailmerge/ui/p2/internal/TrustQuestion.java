package com.securemailmerge.ui.p2.internal;

import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

import org.eclipse.equinox.p2.core.UIServices;
import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.osgi.util.NLS;

/**
 * What p2's certificate check asks during an installation (registered on the agent for that time):
 * content that is not signed, or signed by publishers nobody trusts yet, is listed in one question;
 * a yes trusts it for this installation only, a no stops the installation. Sign-ins are not
 * supported: sites that ask for a password fail with their own message.
 */
final class TrustQuestion extends UIServices {

	private final UnsignedContentPrompt prompt;
	private volatile boolean declined;

	TrustQuestion(UnsignedContentPrompt prompt) {
		this.prompt = prompt;
	}

	/** Whether the user said no to content that is not signed. */
	boolean declined() {
		return declined;
	}

	@Override
	@NonNullByDefault({}) // p2 passes null for "none"
	@SuppressWarnings("deprecation") // the newer TrustInfo constructors take BouncyCastle PGP types
	public TrustInfo getTrustInfo(Certificate[][] untrustedChains, String[] unsignedDetail) {
		List<Certificate[]> chains = untrustedChains == null ? List.of() : Arrays.asList(untrustedChains);
		List<String> unsigned = unsignedDetail == null ? List.of() : Arrays.asList(unsignedDetail);
		List<String> parts = new ArrayList<>();
		if (!unsigned.isEmpty()) {
			parts.add(NLS.bind(Messages.Trust_unsigned, lines(unsigned)));
		}
		if (!chains.isEmpty()) {
			parts.add(NLS.bind(Messages.Trust_untrusted,
					lines(chains.stream().filter(Objects::nonNull).map(TrustQuestion::publisher).toList())));
		}
		if (parts.isEmpty()) {
			return new TrustInfo(new Certificate[0], false, true);
		}
		parts.add(Messages.Trust_question);
		boolean yes = prompt.installAnyway(String.join("\n\n", parts)); //$NON-NLS-1$
		declined = !yes;
		Certificate[] trusted = yes ? chains.stream().filter(c -> c != null && c.length > 0).map(c -> c[0])
				.toArray(Certificate[]::new) : new Certificate[0];
		return new TrustInfo(trusted, false, yes);
	}

	private static String lines(List<String> items) {
		return items.stream().map(item -> "  " + item).collect(Collectors.joining("\n")); //$NON-NLS-1$ //$NON-NLS-2$
	}

	private static String publisher(Certificate[] chain) {
		Certificate first = chain.length == 0 ? null : chain[0];
		return first instanceof X509Certificate x509 ? x509.getSubjectX500Principal().getName() : String.valueOf(first);
	}

	@Override
	@NonNullByDefault({})
	public AuthenticationInfo getUsernamePassword(String location) {
		return AUTHENTICATION_PROMPT_CANCELED;
	}

	@Override
	@NonNullByDefault({})
	public AuthenticationInfo getUsernamePassword(String location, AuthenticationInfo previousInfo) {
		return AUTHENTICATION_PROMPT_CANCELED;
	}
}
