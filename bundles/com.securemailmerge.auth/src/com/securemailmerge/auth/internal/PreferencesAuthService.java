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

	/**
	 * The MSAL4J service of the current settings if one was made, else null. Questions the window asks
	 * at start-up (configured? who is signed in?) are answered without loading MSAL4J at all.
	 */
	private synchronized @Nullable MsalAuthService existing() {
		MsalAuthService existing = current;
		return existing != null && java.util.Objects.equals(M365Settings.read(), settings) ? existing : null;
	}

	@Override
	public boolean isConfigured() {
		return !M365Settings.read().clientId().isBlank();
	}

	@Override
	public Optional<Account> account() {
		MsalAuthService existing = existing();
		return existing == null ? Optional.empty() : existing.account();
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
		MsalAuthService existing = existing();
		return existing == null ? Set.of() : existing.grantedScopes();
	}

	@Override
	public void signOut() {
		MsalAuthService existing = existing();
		if (existing != null) {
			existing.signOut();
		}
	}

	@Override
	public synchronized void addAccountListener(Consumer<Optional<Account>> listener) {
		listeners.add(listener); // handed to every MSAL service made from now on
		MsalAuthService existing = current;
		if (existing != null) {
			existing.addAccountListener(listener);
		}
	}

	@Override
	public synchronized void removeAccountListener(Consumer<Optional<Account>> listener) {
		listeners.remove(listener);
		MsalAuthService existing = current;
		if (existing != null) {
			existing.removeAccountListener(listener);
		}
	}
}
