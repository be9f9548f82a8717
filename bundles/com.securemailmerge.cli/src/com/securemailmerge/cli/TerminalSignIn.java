package com.securemailmerge.cli;

import java.io.PrintStream;
import java.util.Set;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.osgi.util.NLS;

import com.securemailmerge.auth.AuthException;
import com.securemailmerge.auth.AuthService;
import com.securemailmerge.auth.Scopes;

/**
 * Signing in on the terminal: a device code, entered in any browser (the system browser may be on
 * another computer). Loaded only when Microsoft 365 is installed and a command needs it.
 */
final class TerminalSignIn implements Services.SignIn {

	private final AuthService auth;

	TerminalSignIn(AuthService auth) {
		this.auth = auth;
	}

	@Override
	public void signIn(PrintStream prompt) throws CliException {
		if (!auth.isConfigured()) {
			throw new CliException(Messages.SignIn_notConfigured);
		}
		if (auth.account().isPresent()) {
			return;
		}
		try {
			auth.signInWithDeviceCode(Set.of(Scopes.USER_READ), code -> {
				prompt.println(NLS.bind(Messages.SignIn_code, code.verificationUri(), code.userCode()));
				prompt.flush();
			}, new NullProgressMonitor());
			prompt.println(NLS.bind(Messages.SignIn_done, auth.account().map(a -> a.username()).orElse("?"))); //$NON-NLS-1$
		} catch (AuthException e) {
			throw new CliException(NLS.bind(Messages.SignIn_failed, e.getMessage()));
		}
	}
}
