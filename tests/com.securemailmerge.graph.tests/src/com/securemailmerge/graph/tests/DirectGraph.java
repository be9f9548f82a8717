package com.securemailmerge.graph.tests;

import java.net.URI;
import java.util.Map;
import java.util.Set;

import com.microsoft.graph.core.requests.GraphClientFactory;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import com.microsoft.kiota.authentication.AccessTokenProvider;
import com.microsoft.kiota.authentication.AllowedHostsValidator;
import com.microsoft.kiota.authentication.BaseBearerTokenAuthenticationProvider;
import com.securemailmerge.auth.Scopes;
import com.securemailmerge.auth.internal.MsalAuthService;
import com.securemailmerge.emulator.Emulator;

/**
 * A Graph SDK client of its own against the emulator, for tests that make requests the workbench
 * does not (a message prepared by hand), with the workbench's settings: immutable ids, and no
 * silent repetition of a POST whose answer was lost.
 */
@org.eclipse.jdt.annotation.NonNullByDefault({})
final class DirectGraph {

	private DirectGraph() {
	}

	static GraphServiceClient client(MsalAuthService auth, Emulator emulator) {
		AccessTokenProvider tokens = new AccessTokenProvider() {
			@Override
			public String getAuthorizationToken(URI uri, Map<String, Object> context) {
				try {
					return auth.accessToken(Set.of(Scopes.MAIL_READWRITE, Scopes.MAIL_SEND), false);
				} catch (Exception e) {
					throw new IllegalStateException(e);
				}
			}

			@Override
			public AllowedHostsValidator getAllowedHostsValidator() {
				return new AllowedHostsValidator("127.0.0.1");
			}
		};
		GraphServiceClient graph = new GraphServiceClient(new BaseBearerTokenAuthenticationProvider(tokens),
				GraphClientFactory.create()
						.addInterceptor(chain -> chain.proceed(
								chain.request().newBuilder().header("Prefer", "IdType=\"ImmutableId\"").build()))
						.retryOnConnectionFailure(false)
						.sslSocketFactory(emulator.clientSslContext().getSocketFactory(), emulator.trustManager())
						.build());
		graph.getRequestAdapter().setBaseUrl(emulator.graphBase());
		return graph;
	}
}
