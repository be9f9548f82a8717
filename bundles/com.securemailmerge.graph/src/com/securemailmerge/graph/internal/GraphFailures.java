package com.securemailmerge.graph.internal;

import java.io.IOException;
import java.util.Set;

import org.eclipse.jdt.annotation.Nullable;
import org.eclipse.osgi.util.NLS;

import com.microsoft.graph.models.odataerrors.ODataError;
import com.microsoft.kiota.ApiException;
import com.securemailmerge.graph.GraphException;

/**
 * What a failed Graph request becomes: a message for the user naming what failed and the permission
 * it needs, and how long to wait before a retry (Retry-After as Graph sends it, else backing off).
 */
final class GraphFailures {

	private GraphFailures() {
	}

	static GraphException failure(ApiException e, int status, @Nullable String mailbox, String what,
			String permission) {
		String detail = e instanceof ODataError error && error.getError() != null
				&& error.getError().getMessage() != null ? error.getError().getMessage() : String.valueOf(e.getMessage());
		String message = switch (status) {
		case 403 -> mailbox != null ? NLS.bind(Messages.Graph_sharedDenied, new Object[] { what, mailbox, permission })
				: NLS.bind(Messages.Graph_denied, new Object[] { what, detail, permission });
		case 404 -> NLS.bind(Messages.Graph_noMailbox, mailbox == null ? "" : mailbox); //$NON-NLS-1$
		case 429, 503, 504 -> NLS.bind(Messages.Graph_throttled, what);
		default -> NLS.bind(Messages.Graph_failed, new Object[] { what, status, detail });
		};
		return new GraphException(status, message, e, status == 429 || status == 503 ? retryAfter(e, 1) : -1);
	}

	static long retryAfter(ApiException e, int attempt) {
		Set<String> values = e.getResponseHeaders() == null ? null : e.getResponseHeaders().get("Retry-After"); //$NON-NLS-1$
		if (values != null) {
			for (String value : values) {
				try {
					return Math.min(120_000L, Long.parseLong(value.trim()) * 1000L);
				} catch (NumberFormatException ignored) {
					// a date: fall back to backing off
				}
			}
		}
		return Math.min(60_000L, 1000L << Math.min(attempt, 6));
	}

	static @Nullable Throwable ioCause(Throwable e) {
		for (Throwable cause = e; cause != null; cause = cause.getCause()) {
			if (cause instanceof IOException) {
				return cause;
			}
		}
		return null;
	}

	static void pause(long millis) throws GraphException {
		try {
			Thread.sleep(millis);
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new GraphException(0, e.toString(), e);
		}
	}
}
