package com.securemailmerge.graph.internal;

import java.net.URI;
import java.util.Map;
import java.util.Set;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;

import com.microsoft.kiota.authentication.AccessTokenProvider;
import com.microsoft.kiota.authentication.AllowedHostsValidator;
import com.securemailmerge.auth.AuthException;
import com.securemailmerge.auth.AuthService;

/**
 * The Graph client's token provider: one client serves every request, so the scopes a request
 * needs (and whether its token must be new, after a 401) are set per thread around the request.
 * Tokens go to the Graph host only.
 */
final class ThreadTokens implements AccessTokenProvider {

	/** Thrown through the SDK when the auth service has no token; unwrapped by the caller. */
	static final class NoToken extends RuntimeException {

		private static final long serialVersionUID = 1L;

		final AuthException reason;

		NoToken(AuthException reason) {
			super(reason.getMessage(), reason, false, false);
			this.reason = reason;
		}
	}

	/** The scopes the request on this thread needs, and whether its token must be new. */
	private record Request(Set<String> scopes, boolean[] refresh) {
	}

	private final AuthService auth;
	private final String host;
	private final ThreadLocal<@Nullable Request> request = new ThreadLocal<>();

	ThreadTokens(AuthService auth, String host) {
		this.auth = auth;
		this.host = host;
	}

	/** Before a request on this thread. */
	void use(Set<String> scopes, boolean fresh) {
		request.set(new Request(scopes, new boolean[] { fresh }));
	}

	/** After it. */
	void done() {
		request.remove();
	}

	@Override
	@NonNullByDefault({})
	public String getAuthorizationToken(URI uri, Map<String, Object> context) {
		Request current = request.get();
		if (current == null) {
			throw new IllegalStateException("A Graph request outside call()"); //$NON-NLS-1$
		}
		boolean fresh = current.refresh()[0];
		current.refresh()[0] = false; // a new token once, not for every redirect of the request
		try {
			return auth.accessToken(current.scopes(), fresh);
		} catch (AuthException e) {
			throw new NoToken(e);
		}
	}

	@Override
	public AllowedHostsValidator getAllowedHostsValidator() {
		return new AllowedHostsValidator(host);
	}
}
