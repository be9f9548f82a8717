package com.securemailmerge.auth.internal;

import java.net.MalformedURLException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.jdt.annotation.Nullable;
import org.eclipse.osgi.util.NLS;

import com.microsoft.aad.msal4j.DeviceCodeFlowParameters;
import com.microsoft.aad.msal4j.IAccount;
import com.microsoft.aad.msal4j.IAuthenticationResult;
import com.microsoft.aad.msal4j.InteractiveRequestParameters;
import com.microsoft.aad.msal4j.MsalInteractionRequiredException;
import com.microsoft.aad.msal4j.MsalServiceException;
import com.microsoft.aad.msal4j.PublicClientApplication;
import com.microsoft.aad.msal4j.SilentParameters;
import com.microsoft.aad.msal4j.SystemBrowserOptions;
import com.securemailmerge.auth.Account;
import com.securemailmerge.auth.AuthConfiguration;
import com.securemailmerge.auth.AuthException;
import com.securemailmerge.auth.AuthException.Reason;
import com.securemailmerge.auth.AuthService;
import com.securemailmerge.auth.DeviceCodePrompt;

/**
 * The auth service on MSAL4J's public client. MSAL4J's token cache is in memory by default and no
 * cache persistence is plugged in, so tokens never touch the disk. The authority is passed again on
 * every silent call: MSAL4J otherwise drops a non-default port when it refreshes. The bundle imports
 * {@code org.slf4j.impl} so that MSAL4J's SLF4J 1.7 logging is bound by com.securemailmerge.logging.slf4j1
 * (and builds that select modules with -am include it).
 */
public final class MsalAuthService implements AuthService {

	private static final long POLL_MS = 200;

	private final AuthConfiguration configuration;
	private final Set<String> granted = new LinkedHashSet<>();
	private final CopyOnWriteArrayList<Consumer<Optional<Account>>> listeners = new CopyOnWriteArrayList<>();
	private @Nullable PublicClientApplication application;
	private @Nullable IAccount account;

	public MsalAuthService(AuthConfiguration configuration) {
		this.configuration = configuration;
	}

	@Override
	public boolean isConfigured() {
		return configuration.isConfigured();
	}

	private static final java.util.concurrent.ExecutorService EXECUTOR = java.util.concurrent.Executors
			.newCachedThreadPool(runnable -> {
				Thread thread = new Thread(runnable, "smm-msal"); //$NON-NLS-1$
				thread.setDaemon(true);
				return thread;
			});

	private final Object silently = new Object();

	private synchronized PublicClientApplication application() throws AuthException {
		PublicClientApplication existing = application;
		if (existing != null) {
			return existing;
		}
		if (!configuration.isConfigured()) {
			throw new AuthException(Reason.NOT_CONFIGURED, Messages.Auth_notConfigured);
		}
		try {
			// MSAL4J runs its requests on the common fork-join pool unless told otherwise; with two cores
			// that pool has one thread, and a caller waiting on it from that thread would wait forever
			PublicClientApplication.Builder builder = PublicClientApplication.builder(configuration.clientId())
					.authority(configuration.authority()).executorService(EXECUTOR);
			if (configuration.isLocal()) {
				builder.instanceDiscovery(false);
			}
			if (configuration.sslSocketFactory() != null) {
				builder.sslSocketFactory(configuration.sslSocketFactory());
			}
			PublicClientApplication created = builder.build();
			application = created;
			return created;
		} catch (MalformedURLException | IllegalArgumentException e) {
			throw new AuthException(Reason.NOT_CONFIGURED, NLS.bind(Messages.Auth_failed, e.getMessage()), e);
		}
	}

	@Override
	public synchronized Optional<Account> account() {
		IAccount current = account;
		return current == null ? Optional.empty()
				: Optional.of(new Account(current.username(), current.homeAccountId(), current.environment()));
	}

	@Override
	public Account signInInteractively(Set<String> scopes, IProgressMonitor monitor) throws AuthException {
		PublicClientApplication app = application();
		try {
			InteractiveRequestParameters.InteractiveRequestParametersBuilder parameters = InteractiveRequestParameters
					.builder(new URI("http://localhost")).scopes(scopes); //$NON-NLS-1$
			Consumer<URI> browser = configuration.browser();
			if (browser != null) {
				parameters.systemBrowserOptions(SystemBrowserOptions.builder()
						.openBrowserAction(url -> browser.accept(URI.create(url.toString()))).build());
			}
			return signedIn(await(app.acquireToken(parameters.build()), monitor));
		} catch (URISyntaxException e) {
			throw new IllegalStateException(e); // a constant
		}
	}

	@Override
	public Account signInWithDeviceCode(Set<String> scopes, Consumer<DeviceCodePrompt> prompt, IProgressMonitor monitor)
			throws AuthException {
		PublicClientApplication app = application();
		DeviceCodeFlowParameters parameters = DeviceCodeFlowParameters.builder(scopes,
				code -> prompt.accept(new DeviceCodePrompt(code.userCode(), code.verificationUri(), code.message())))
				.build();
		for (int attempt = 1;; attempt++) {
			try {
				return signedIn(await(app.acquireToken(parameters), monitor));
			} catch (AuthException e) {
				// MSAL4J's device code flow reads the future it runs in from a field that
				// acquireToken sets only after handing the task to the executor: when the task is
				// quicker, it fails with a NullPointerException before asking anything. Ask again.
				if (attempt >= 3 || !(e.getCause() instanceof NullPointerException npe)
						|| !java.util.Arrays.stream(npe.getStackTrace()).anyMatch(
								f -> f.getClassName().endsWith("AcquireTokenByDeviceCodeFlowSupplier"))) { //$NON-NLS-1$
					throw e;
				}
			}
		}
	}

	private Account signedIn(IAuthenticationResult result) {
		Account signedIn;
		synchronized (this) {
			account = result.account();
			granted.addAll(scopesOf(result));
			signedIn = account().orElseThrow();
		}
		listeners.forEach(l -> l.accept(Optional.of(signedIn)));
		return signedIn;
	}

	@Override
	public String accessToken(Set<String> scopes, boolean forceRefresh) throws AuthException {
		PublicClientApplication app = application();
		IAccount current;
		synchronized (this) {
			current = account;
		}
		if (current == null) {
			throw new AuthException(Reason.SIGN_IN_REQUIRED, Messages.Auth_signInRequired);
		}
		try {
			SilentParameters parameters = SilentParameters.builder(scopes, current)
					.authorityUrl(configuration.authority()).forceRefresh(forceRefresh).build();
			IAuthenticationResult result;
			// one at a time: four requests of a campaign finding the token expired together would
			// otherwise redeem the same refresh token four times, and a rotated one only works once
			synchronized (silently) {
				result = await(app.acquireTokenSilently(parameters), null);
			}
			synchronized (this) {
				granted.addAll(scopesOf(result));
			}
			return result.accessToken();
		} catch (MalformedURLException e) {
			throw new AuthException(Reason.NOT_CONFIGURED, NLS.bind(Messages.Auth_failed, e.getMessage()), e);
		}
	}

	private static Set<String> scopesOf(IAuthenticationResult result) {
		String scopes = result.scopes();
		Set<String> all = new LinkedHashSet<>();
		if (scopes != null) {
			for (String scope : scopes.trim().split("\\s+")) { //$NON-NLS-1$
				if (!scope.isBlank()) {
					all.add(scope.substring(scope.lastIndexOf('/') + 1));
				}
			}
		}
		return all;
	}

	/** Waits for MSAL4J, polling the monitor; MSAL4J's exceptions become AuthExceptions with a reason. */
	private static IAuthenticationResult await(CompletableFuture<IAuthenticationResult> future,
			@Nullable IProgressMonitor monitor) throws AuthException {
		try {
			while (true) {
				if (monitor != null && monitor.isCanceled()) {
					future.cancel(true);
					throw new AuthException(Reason.CANCELLED, Messages.Auth_cancelled);
				}
				try {
					return future.get(POLL_MS, TimeUnit.MILLISECONDS);
				} catch (TimeoutException e) {
					// poll the monitor again
				}
			}
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new AuthException(Reason.CANCELLED, Messages.Auth_cancelled, e);
		} catch (CancellationException e) {
			throw new AuthException(Reason.CANCELLED, Messages.Auth_cancelled, e);
		} catch (ExecutionException e) {
			Throwable cause = e.getCause() == null ? e : e.getCause();
			if (cause instanceof MsalInteractionRequiredException required) {
				throw new AuthException(Reason.SIGN_IN_REQUIRED,
						NLS.bind(Messages.Auth_sessionExpired, required.errorCode()), required);
			}
			if (cause instanceof MsalServiceException service && "invalid_grant".equals(service.errorCode())) { //$NON-NLS-1$
				throw new AuthException(Reason.SIGN_IN_REQUIRED, NLS.bind(Messages.Auth_sessionExpired, service.errorCode()),
						service);
			}
			throw new AuthException(Reason.FAILED, NLS.bind(Messages.Auth_failed, cause.getMessage()), cause);
		}
	}

	@Override
	public synchronized Set<String> grantedScopes() {
		return Set.copyOf(granted);
	}

	@Override
	public void signOut() {
		PublicClientApplication app;
		IAccount current;
		synchronized (this) {
			app = application;
			current = account;
			account = null;
			granted.clear();
		}
		if (app != null && current != null) {
			app.removeAccount(current).join();
		}
		listeners.forEach(l -> l.accept(Optional.empty()));
	}

	@Override
	public void addAccountListener(Consumer<Optional<Account>> listener) {
		listeners.add(listener);
	}

	@Override
	public void removeAccountListener(Consumer<Optional<Account>> listener) {
		listeners.remove(listener);
	}
}
