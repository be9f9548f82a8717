package com.securemailmerge.auth.internal;

import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

import org.eclipse.core.runtime.IProgressMonitor;
import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.net.ssl.SSLSocketFactory;

import org.eclipse.core.runtime.ILog;
import org.eclipse.jdt.annotation.Nullable;
import org.osgi.service.component.annotations.Component;

import com.securemailmerge.auth.Account;
import com.securemailmerge.auth.AuthConfiguration;
import com.securemailmerge.auth.AuthException;
import com.securemailmerge.auth.AuthService;
import com.securemailmerge.auth.DeviceCodePrompt;
import com.securemailmerge.auth.LoopbackTrust;
import com.securemailmerge.auth.M365Settings;

/**
 * The workbench's auth service: MSAL4J configured from the Microsoft 365 preferences
 * ({@link M365Settings}). When they change, the next call starts over with the new settings (and no
 * signed-in account). Without a client id the workbench stays on the offline profile.
 */
@Component(service = AuthService.class)
public final class PreferencesAuthService implements AuthService {

	private final CopyOnWriteArrayList<Consumer<Optional<Account>>> listeners = new CopyOnWriteArrayList<>();
	private @Nullable M365Settings settings;
	private @Nullable MsalAuthService current;

	private synchronized MsalAuthService delegate() {
		M365Settings now = M365Settings.read();
		MsalAuthService existing = current;
		if (existing != null && java.util.Objects.equals(now, settings)) {
			return existing;
		}
		SSLSocketFactory sockets = null;
		Path certificate = now.loopbackCertificate();
		if (certificate != null) {
			try {
				sockets = LoopbackTrust.of(certificate).context().getSocketFactory();
			} catch (IOException | GeneralSecurityException e) {
				ILog.of(getClass()).warn(e.getMessage(), e);
			}
		}
		MsalAuthService created = new MsalAuthService(new AuthConfiguration(now.clientId(), now.authority(), sockets, null));
		listeners.forEach(created::addAccountListener);
		settings = now;
		current = created;
		return created;
	}

	@Override
	public boolean isConfigured() {
		return delegate().isConfigured();
	}

	@Override
	public Optional<Account> account() {
		return delegate().account();
	}

	@Override
	public Account signInInteractively(Set<String> scopes, IProgressMonitor monitor) throws AuthException {
		return delegate().signInInteractively(scopes, monitor);
	}

	@Override
	public Account signInWithDeviceCode(Set<String> scopes, Consumer<DeviceCodePrompt> prompt, IProgressMonitor monitor)
			throws AuthException {
		return delegate().signInWithDeviceCode(scopes, prompt, monitor);
	}

	@Override
	public String accessToken(Set<String> scopes, boolean forceRefresh) throws AuthException {
		return delegate().accessToken(scopes, forceRefresh);
	}

	@Override
	public Set<String> grantedScopes() {
		return delegate().grantedScopes();
	}

	@Override
	public void signOut() {
		delegate().signOut();
	}

	@Override
	public void addAccountListener(Consumer<Optional<Account>> listener) {
		listeners.add(listener);
		delegate().addAccountListener(listener);
	}

	@Override
	public void removeAccountListener(Consumer<Optional<Account>> listener) {
		listeners.remove(listener);
		delegate().removeAccountListener(listener);
	}
}
