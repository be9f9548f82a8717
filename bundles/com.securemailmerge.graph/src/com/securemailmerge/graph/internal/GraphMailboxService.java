package com.securemailmerge.graph.internal;

import java.net.URI;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import javax.net.ssl.SSLContext;
import javax.net.ssl.X509TrustManager;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.OperationCanceledException;
import org.eclipse.jdt.annotation.Nullable;
import org.eclipse.osgi.util.NLS;

import com.microsoft.graph.core.requests.GraphClientFactory;
import com.microsoft.graph.models.ContactCollectionResponse;
import com.microsoft.graph.models.ContactFolderCollectionResponse;
import com.microsoft.graph.models.MailTips;
import com.microsoft.graph.models.MailTipsType;
import com.microsoft.graph.models.OutlookCategory;
import com.microsoft.graph.models.OutlookCategoryCollectionResponse;
import com.microsoft.graph.models.User;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import com.microsoft.graph.users.item.UserItemRequestBuilder;
import com.microsoft.graph.users.item.getmailtips.GetMailTipsPostRequestBody;
import com.microsoft.kiota.ApiException;
import com.microsoft.kiota.authentication.BaseBearerTokenAuthenticationProvider;
import com.securemailmerge.auth.AuthException;
import com.securemailmerge.auth.AuthService;
import com.securemailmerge.auth.Scopes;
import com.securemailmerge.graph.ContactFolder;
import com.securemailmerge.graph.GraphException;
import com.securemailmerge.graph.MailboxLimits;
import com.securemailmerge.graph.MailboxService;
import com.securemailmerge.graph.MailboxUser;
import com.securemailmerge.graph.OutlookContact;
import com.securemailmerge.model.Category;

import okhttp3.OkHttpClient;

/**
 * The mailbox service on the Graph SDK with our own token provider (no azure-identity). The SDK's
 * retry handler honours Retry-After for 429 and 503; on top of it a request is tried again a few
 * more times, also after a dropped connection (reads only), and once with a fresh token after a 401.
 */
public final class GraphMailboxService implements MailboxService {

	public static final String GRAPH = "https://graph.microsoft.com/v1.0"; //$NON-NLS-1$
	private static final int PAGE = 100;
	private static final int RETRIES = 5;
	private static final String[] CONTACT_FIELDS = { "id", "givenName", "surname", "displayName", "emailAddresses", //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$ //$NON-NLS-5$
			"companyName", "jobTitle", "businessAddress", "categories" }; //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$

	private final ThreadTokens tokens;
	private final String base;
	private final OkHttpClient http;

	/** Against Microsoft's Graph. */
	public GraphMailboxService(AuthService auth) {
		this(auth, GRAPH, null, null);
	}

	/** Against another base URL (the emulator) that presents a certificate the trust manager trusts. */
	public GraphMailboxService(AuthService auth, String base, @Nullable SSLContext ssl, @Nullable X509TrustManager trust) {
		this.tokens = new ThreadTokens(auth, URI.create(base).getHost());
		this.base = base;
		// the default handlers (redirect, the /users/me-token-to-replace rewrite...) plus ours, but no
		// silent retries: the SDK's retry handler and OkHttp's retry after a closed connection would
		// repeat a POST that may have been carried out (a second draft, a message sent twice). call()
		// retries what is safe to retry and leaves the rest to the campaign runner, which looks first.
		java.util.List<okhttp3.Interceptor> interceptors = new java.util.ArrayList<>();
		for (okhttp3.Interceptor interceptor : GraphClientFactory
				.createDefaultGraphInterceptors(new com.microsoft.kiota.RequestOption[0])) {
			if (!interceptor.getClass().getSimpleName().equals("RetryHandler")) { //$NON-NLS-1$
				interceptors.add(interceptor);
			}
		}
		interceptors.add(new ImmutableIds());
		OkHttpClient.Builder builder = GraphClientFactory.create(interceptors).retryOnConnectionFailure(false);
		if (ssl != null && trust != null) {
			builder.sslSocketFactory(ssl.getSocketFactory(), trust);
		}
		this.http = builder.build();
	}

	/** The HTTP client (for upload sessions, whose URLs carry their own authorisation). */
	OkHttpClient http() {
		return http;
	}

	@FunctionalInterface
	interface Call<T> {
		@Nullable
		T apply(GraphServiceClient client);
	}

	private @Nullable GraphServiceClient client;

	/**
	 * One client for every request: constructing one touches the Graph SDK's process-wide serializer
	 * registries, and clients made concurrently per request corrupted them (messages serialized
	 * without their properties). The token a request needs is chosen per thread.
	 */
	private GraphServiceClient client() {
		synchronized (GraphMailboxService.class) {
			GraphServiceClient existing = client;
			if (existing != null) {
				return existing;
			}
			GraphServiceClient created = new GraphServiceClient(new BaseBearerTokenAuthenticationProvider(tokens), http);
			created.getRequestAdapter().setBaseUrl(base);
			client = created;
			return created;
		}
	}

	<T> T call(Set<String> scopes, @Nullable String mailbox, String what, String permission, Call<T> call)
			throws GraphException, AuthException {
		return call(scopes, mailbox, what, permission, call, true);
	}

	/**
	 * For a request that must not be repeated blindly (creating a draft or an attachment, sending): a
	 * 429 is retried (Graph did not take the request), but a lost answer or a 503/504 is not, because
	 * the request may have been carried out; the caller looks first and then decides.
	 */
	<T> T callOnce(Set<String> scopes, @Nullable String mailbox, String what, String permission, Call<T> call)
			throws GraphException, AuthException {
		return call(scopes, mailbox, what, permission, call, false);
	}

	private <T> T call(Set<String> scopes, @Nullable String mailbox, String what, String permission, Call<T> call,
			boolean repeatable) throws GraphException, AuthException {
		boolean freshToken = false;
		int attempt = 0;
		while (true) {
			try {
				T result;
				tokens.use(scopes, freshToken);
				try {
					result = call.apply(client());
				} finally {
					tokens.done();
				}
				if (result == null) {
					throw new GraphException(204, NLS.bind(Messages.Graph_failed, new Object[] { what, 204, "" }), //$NON-NLS-1$
							new IllegalStateException("no content")); //$NON-NLS-1$
				}
				return result;
			} catch (ThreadTokens.NoToken e) {
				throw e.reason;
			} catch (ApiException e) {
				int status = e.getResponseStatusCode();
				if (status == 401 && !freshToken) {
					freshToken = true; // the token expired under way: once more with a new one
					continue;
				}
				if ((status == 429 || repeatable && (status == 503 || status == 504)) && attempt++ < RETRIES) {
					GraphFailures.pause(GraphFailures.retryAfter(e, attempt));
					continue;
				}
				throw GraphFailures.failure(e, status, mailbox, what, permission);
			} catch (RuntimeException e) {
				Throwable io = GraphFailures.ioCause(e);
				if (io == null) {
					throw e;
				}
				if (repeatable && attempt++ < RETRIES) {
					GraphFailures.pause(200L * attempt);
					continue;
				}
				throw new GraphException(0, NLS.bind(Messages.Graph_unreachable, what, io.getMessage()), e);
			}
		}
	}

	private static UserItemRequestBuilder user(GraphServiceClient client, @Nullable String mailbox) {
		return mailbox == null ? client.me() : client.users().byUserId(mailbox);
	}

	@Override
	public MailboxUser me() throws GraphException, AuthException {
		User user = call(Set.of(Scopes.USER_READ), null, Messages.Graph_profile, Scopes.USER_READ, c -> c.me().get());
		String address = user.getMail() != null ? user.getMail() : String.valueOf(user.getUserPrincipalName());
		return new MailboxUser(String.valueOf(user.getId()), String.valueOf(user.getDisplayName()), address);
	}

	@Override
	public List<ContactFolder> contactFolders(@Nullable String mailbox) throws GraphException, AuthException {
		String scope = mailbox == null ? Scopes.CONTACTS_READ : Scopes.CONTACTS_READ_SHARED;
		ContactFolderCollectionResponse response = call(Set.of(scope), mailbox, Messages.Graph_contacts, scope,
				c -> user(c, mailbox).contactFolders().get());
		List<ContactFolder> folders = new ArrayList<>();
		if (response.getValue() != null) {
			response.getValue().forEach(f -> folders.add(new ContactFolder(String.valueOf(f.getId()), String.valueOf(f.getDisplayName()))));
		}
		return folders;
	}

	@Override
	public List<OutlookContact> contacts(@Nullable String mailbox, @Nullable String folderId, IProgressMonitor monitor)
			throws GraphException, AuthException {
		String scope = mailbox == null ? Scopes.CONTACTS_READ : Scopes.CONTACTS_READ_SHARED;
		List<OutlookContact> contacts = new ArrayList<>();
		ContactCollectionResponse page = call(Set.of(scope), mailbox, Messages.Graph_contacts, scope, c -> folderId == null
				? user(c, mailbox).contacts().get(r -> {
					r.queryParameters.top = Integer.valueOf(PAGE);
					r.queryParameters.select = CONTACT_FIELDS;
				})
				: user(c, mailbox).contactFolders().byContactFolderId(folderId).contacts().get(r -> {
					r.queryParameters.top = Integer.valueOf(PAGE);
					r.queryParameters.select = CONTACT_FIELDS;
				}));
		while (true) {
			if (monitor.isCanceled()) {
				throw new OperationCanceledException();
			}
			if (page.getValue() != null) {
				page.getValue().forEach(contact -> contacts.add(OutlookContacts.of(contact)));
			}
			monitor.subTask(String.valueOf(contacts.size()));
			String next = page.getOdataNextLink();
			if (next == null || next.isBlank()) {
				return contacts;
			}
			page = call(Set.of(scope), mailbox, Messages.Graph_contacts, scope, c -> c.me().contacts().withUrl(next).get());
		}
	}

	@Override
	public List<Category> categories(@Nullable String mailbox) throws GraphException, AuthException {
		String scope = mailbox == null ? Scopes.MAILBOX_SETTINGS_READ : Scopes.CALENDARS_READ_SHARED;
		OutlookCategoryCollectionResponse response = call(Set.of(scope), mailbox, Messages.Graph_categories, scope,
				c -> user(c, mailbox).outlook().masterCategories().get());
		List<Category> categories = new ArrayList<>();
		if (response.getValue() != null) {
			for (OutlookCategory category : response.getValue()) {
				categories.add(new Category(OutlookContacts.text(category.getDisplayName()),
						category.getColor() == null ? "none" : category.getColor().getValue(), //$NON-NLS-1$
						mailbox == null ? "" : mailbox)); //$NON-NLS-1$
			}
		}
		return categories;
	}

	@Override
	public MailboxLimits limits() throws GraphException, AuthException {
		Set<String> scopes = Set.of(Scopes.MAILBOX_SETTINGS_READ);
		String timeZone = String.valueOf(call(scopes, null, Messages.Graph_settings, Scopes.MAILBOX_SETTINGS_READ,
				c -> c.me().mailboxSettings().get()).getTimeZone());
		String address = me().primaryAddress();
		List<MailTips> tips = call(scopes, null, Messages.Graph_settings, Scopes.MAILBOX_SETTINGS_READ, c -> {
			// a new body for every attempt: a model posted twice sends only what changed in between
			GetMailTipsPostRequestBody request = new GetMailTipsPostRequestBody();
			request.setEmailAddresses(List.of(address));
			request.setMailTipsOptions(EnumSet.of(MailTipsType.MaxMessageSize));
			return c.me().getMailTips().post(request);
		}).getValue();
		long max = tips == null || tips.isEmpty() || tips.get(0).getMaxMessageSize() == null ? 0
				: tips.get(0).getMaxMessageSize().longValue();
		return new MailboxLimits(max, timeZone);
	}
}
