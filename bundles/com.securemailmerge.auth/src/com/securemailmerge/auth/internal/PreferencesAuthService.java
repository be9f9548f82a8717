package com.securemailmerge.auth.internal;

import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.preferences.DefaultScope;
import org.eclipse.core.runtime.preferences.InstanceScope;
import org.osgi.service.component.annotations.Component;

import com.securemailmerge.auth.Account;
import com.securemailmerge.auth.AuthConfiguration;
import com.securemailmerge.auth.AuthException;
import com.securemailmerge.auth.AuthService;
import com.securemailmerge.auth.DeviceCodePrompt;

/**
 * The workbench's auth service: MSAL4J configured from the preferences of
 * {@code com.securemailmerge.auth} ({@code clientId}, {@code authority}); an organisation can preset
 * them in plugin_customization.ini. Without a client id the workbench stays on the offline profile.
 */
@Component(service = AuthService.class)
public final class PreferencesAuthService implements AuthService {

	static final String NODE = "com.securemailmerge.auth"; //$NON-NLS-1$
	static final String CLIENT_ID = "clientId"; //$NON-NLS-1$
	static final String AUTHORITY = "authority"; //$NON-NLS-1$

	private final MsalAuthService delegate = new MsalAuthService(new AuthConfiguration(
			preference(CLIENT_ID, ""), preference(AUTHORITY, AuthConfiguration.DEFAULT_AUTHORITY), null, null)); //$NON-NLS-1$

	private static String preference(String key, String fallback) {
		String preset = DefaultScope.INSTANCE.getNode(NODE).get(key, fallback);
		return InstanceScope.INSTANCE.getNode(NODE).get(key, preset).strip();
	}

	@Override
	public boolean isConfigured() {
		return delegate.isConfigured();
	}

	@Override
	public Optional<Account> account() {
		return delegate.account();
	}

	@Override
	public Account signInInteractively(Set<String> scopes, IProgressMonitor monitor) throws AuthException {
		return delegate.signInInteractively(scopes, monitor);
	}

	@Override
	public Account signInWithDeviceCode(Set<String> scopes, Consumer<DeviceCodePrompt> prompt, IProgressMonitor monitor)
			throws AuthException {
		return delegate.signInWithDeviceCode(scopes, prompt, monitor);
	}

	@Override
	public String accessToken(Set<String> scopes, boolean forceRefresh) throws AuthException {
		return delegate.accessToken(scopes, forceRefresh);
	}

	@Override
	public Set<String> grantedScopes() {
		return delegate.grantedScopes();
	}

	@Override
	public void signOut() {
		delegate.signOut();
	}

	@Override
	public void addAccountListener(Consumer<Optional<Account>> listener) {
		delegate.addAccountListener(listener);
	}

	@Override
	public void removeAccountListener(Consumer<Optional<Account>> listener) {
		delegate.removeAccountListener(listener);
	}
}
