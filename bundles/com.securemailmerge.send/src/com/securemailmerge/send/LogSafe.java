package com.securemailmerge.send;

import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;

/**
 * A status for the Eclipse log. The job framework logs every job result that is a warning or an
 * error, and ours name recipients, addresses, subjects and paths: the log gets the same severity
 * with a text that names none of them and no exception (whose message may), the user the full one.
 */
public final class LogSafe {

	private static final String PLUGIN = "com.securemailmerge.send"; //$NON-NLS-1$

	private LogSafe() {
	}

	/** {@code shown} itself when it is not logged (OK, info, cancel), else {@code text} at its severity. */
	public static IStatus of(IStatus shown, String text) {
		if (!shown.matches(IStatus.ERROR | IStatus.WARNING)) {
			return shown;
		}
		return new Status(shown.getSeverity(), PLUGIN, text);
	}
}
