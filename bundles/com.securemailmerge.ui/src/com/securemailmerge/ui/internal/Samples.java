package com.securemailmerge.ui.internal;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

import org.eclipse.core.runtime.Platform;
import org.eclipse.osgi.service.datalocation.Location;

/** The sample campaigns that ship in the product's {@code samples} folder. */
public final class Samples {

	private Samples() {
	}

	/** The sample campaign in the user's language (German or English). */
	public static Optional<Path> campaign(Locale locale) {
		String name = "de".equals(locale.getLanguage()) ? "Sommerfest.smmc" : "Summer-party.smmc"; //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
		return folder().map(folder -> folder.resolve(name));
	}

	public static Optional<Path> folder() {
		Location install = Platform.getInstallLocation();
		if (install == null || install.getURL() == null) {
			return Optional.empty();
		}
		try {
			return Optional.of(Path.of(install.getURL().toURI()).resolve("samples")); //$NON-NLS-1$
		} catch (URISyntaxException | IllegalArgumentException e) {
			return Optional.of(Path.of(install.getURL().getPath()).resolve("samples")); //$NON-NLS-1$
		}
	}
}
