package com.securemailmerge.ui.p2.internal;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Pattern;

import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.MultiStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.equinox.p2.core.ProvisionException;
import org.eclipse.jdt.annotation.Nullable;
import org.eclipse.osgi.util.NLS;

/**
 * Update site locations: what the user typed or chose turned into the URI p2 loads (a folder into
 * a file: URI, a .zip into jar:file:...!/), and p2's load failures turned into messages that name
 * the site and say what to do.
 */
public final class Sites {

	static final String BUNDLE = "com.securemailmerge.ui.p2"; //$NON-NLS-1$
	/** A scheme of two or more letters, so that C:\ stays a Windows path. */
	private static final Pattern SCHEME = Pattern.compile("[a-zA-Z][a-zA-Z0-9+.-]+:.*"); //$NON-NLS-1$

	private Sites() {
	}

	/**
	 * The location of an update site: an address (https:, http:, file:, jar:), a local folder or a
	 * .zip archive of a site.
	 *
	 * @throws CoreException when the text is neither
	 */
	public static URI location(String text) throws CoreException {
		String trimmed = text.strip();
		try {
			if (trimmed.isEmpty()) {
				throw new IllegalArgumentException(text);
			}
			if (!SCHEME.matcher(trimmed).matches()) {
				return local(Path.of(trimmed.startsWith("~/") ? System.getProperty("user.home") + trimmed.substring(1) : trimmed)); //$NON-NLS-1$ //$NON-NLS-2$
			}
			URI uri = new URI(trimmed);
			return "file".equalsIgnoreCase(uri.getScheme()) ? local(Path.of(uri)) : uri; //$NON-NLS-1$
		} catch (IllegalArgumentException | URISyntaxException | FileSystemNotFoundException e) {
			throw new CoreException(new Status(IStatus.ERROR, BUNDLE, NLS.bind(Messages.UpdateSites_invalidLocation, text), e));
		}
	}

	private static URI local(Path path) {
		Path absolute = path.toAbsolutePath().normalize();
		String name = String.valueOf(absolute.getFileName()).toLowerCase(Locale.ROOT);
		if ((name.endsWith(".zip") || name.endsWith(".jar")) && Files.isRegularFile(absolute)) { //$NON-NLS-1$ //$NON-NLS-2$
			return URI.create("jar:" + absolute.toUri() + "!/"); //$NON-NLS-1$ //$NON-NLS-2$
		}
		return absolute.toUri();
	}

	/** The folder or archive of a local site (file: or jar:file:...!/), or null for a remote one. */
	static @Nullable Path localPath(URI site) {
		try {
			if ("file".equalsIgnoreCase(site.getScheme())) { //$NON-NLS-1$
				return Path.of(site);
			}
			String inner = site.getRawSchemeSpecificPart();
			if ("jar".equalsIgnoreCase(site.getScheme()) && inner != null && inner.startsWith("file:") && inner.contains("!/")) { //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
				return Path.of(URI.create(inner.substring(0, inner.indexOf("!/")))); //$NON-NLS-1$
			}
		} catch (IllegalArgumentException | FileSystemNotFoundException e) {
			// not a path this machine understands (e.g. another file system): treat it as remote
		}
		return null;
	}

	/** p2 could not load the site: a status whose message names it and the cause. */
	static CoreException loadProblem(URI site, ProvisionException e) {
		IStatus cause = e.getStatus();
		int code = cause.getCode();
		Path local = localPath(site);
		String message;
		if (local != null && !Files.exists(local)) {
			message = NLS.bind(Messages.UpdateSites_noFolder, local);
		} else if (local != null && code == ProvisionException.REPOSITORY_NOT_FOUND) {
			message = NLS.bind(Messages.UpdateSites_notARepository, local);
		} else if (local == null && (code == ProvisionException.REPOSITORY_NOT_FOUND
				|| code == ProvisionException.REPOSITORY_FAILED_READ)) {
			message = NLS.bind(Messages.UpdateSites_unreachable, site, detail(cause));
		} else {
			message = NLS.bind(Messages.UpdateSites_unreadable, site, detail(cause));
		}
		return new CoreException(error(message, code, cause));
	}

	/** The status's message, with the root cause when that says more (such as "Connection refused"). */
	static String detail(IStatus status) {
		String message = status.getMessage();
		Throwable root = status.getException();
		while (root != null && root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		String cause = root == null ? null : root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
		return cause == null || message.contains(cause) ? message : message + " (" + cause + ")"; //$NON-NLS-1$ //$NON-NLS-2$
	}

	/** An error with that message, and the statuses that explain it as its details. */
	static IStatus error(String message, int code, IStatus... children) {
		MultiStatus status = new MultiStatus(BUNDLE, code, children, message, null);
		return status.getSeverity() == IStatus.ERROR ? status : new Status(IStatus.ERROR, BUNDLE, code, message, null);
	}
}
