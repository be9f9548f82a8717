package com.securemailmerge.ui.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.core.runtime.preferences.IEclipsePreferences;
import org.osgi.service.prefs.BackingStoreException;

/** The campaign files opened or saved last, newest first, in the instance preferences. */
public final class RecentCampaigns {

	private static final String KEY = "recentCampaigns"; //$NON-NLS-1$
	private static final int MAX = 8;

	private final IEclipsePreferences preferences;

	public RecentCampaigns(IEclipsePreferences preferences) {
		this.preferences = preferences;
	}

	/** The files that still exist. */
	public List<Path> list() {
		List<Path> files = new ArrayList<>();
		for (String line : preferences.get(KEY, "").split("\n")) { //$NON-NLS-1$ //$NON-NLS-2$
			if (!line.isBlank() && Files.isRegularFile(Path.of(line))) {
				files.add(Path.of(line));
			}
		}
		return files;
	}

	public void add(Path file) {
		List<Path> files = list();
		files.remove(file);
		files.add(0, file);
		List<String> lines = files.stream().limit(MAX).map(Path::toString).toList();
		preferences.put(KEY, String.join("\n", lines)); //$NON-NLS-1$
		try {
			preferences.flush();
		} catch (BackingStoreException e) {
			// the list is kept for this session; it is a convenience, not data
		}
	}
}
