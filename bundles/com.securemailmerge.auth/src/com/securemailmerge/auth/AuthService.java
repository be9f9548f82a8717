package com.securemailmerge.auth;

import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

import org.eclipse.core.runtime.IProgressMonitor;

/**
 * The one sign-in of the workbench, shared by every feature that talks to Microsoft 365. Tokens are
 * kept in memory only. Each call names the scopes its feature needs; the user is asked for a scope
 * only when it is first needed.
 */
public interface AuthService {

	/** True when a client id is configured; otherwise the workbench runs on the offline profile. */
	boolean isConfigured();

	/** The signed-in account, if any. */
	Optional<Account> account();

	/** Signs in in the system browser with a redirect to this computer; blocks until done or cancelled. */
	Account signInInteractively(Set<String> scopes, IProgressMonitor monitor) throws AuthException;

	/** Signs in with a code entered on any device's browser (when no browser can be opened here). */
	Account signInWithDeviceCode(Set<String> scopes, Consumer<DeviceCodePrompt> prompt, IProgressMonitor monitor)
			throws AuthException;

	/**
	 * An access token for the scopes, silently: from memory, or refreshed. With {@code forceRefresh}
	 * a new one is fetched even if the one in memory looks valid (after Graph said 401).
	 */
	String accessToken(Set<String> scopes, boolean forceRefresh) throws AuthException;

	/** The scopes granted so far in this session. */
	Set<String> grantedScopes();

	/** Forgets the account and its tokens. */
	void signOut();

	/** Told (on any thread) whenever the signed-in account changes. */
	void addAccountListener(Consumer<Optional<Account>> listener);

	void removeAccountListener(Consumer<Optional<Account>> listener);
}
