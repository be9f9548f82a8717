package com.securemailmerge.startup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.atomic.AtomicBoolean;

import org.eclipse.core.runtime.ILog;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.ui.di.UIEventTopic;
import org.eclipse.e4.ui.di.UISynchronize;
import org.eclipse.e4.ui.workbench.IWorkbench;
import org.eclipse.e4.ui.workbench.UIEvents;

import jakarta.inject.Inject;

/**
 * The start-up probe of {@code ./bench startup}, an add-on of the product and of the bare E4
 * application it is compared with. Idle unless the system property {@code smm.startup.probe}
 * names a file: then, once the first window is shown and the event loop has had one turn to
 * paint it, it writes {@link System#currentTimeMillis()} to that file (a temporary file moved into
 * place) and, with {@code -Dsmm.startup.exit=true}, closes the workbench.
 */
public final class StartupProbe {

	static final String PROBE_PROPERTY = "smm.startup.probe"; //$NON-NLS-1$
	static final String EXIT_PROPERTY = "smm.startup.exit"; //$NON-NLS-1$

	private final AtomicBoolean fired = new AtomicBoolean();

	@Inject
	@Optional
	void windowShown(@UIEventTopic(UIEvents.UILifeCycle.APP_STARTUP_COMPLETE) Object application,
			UISynchronize sync, IWorkbench workbench) {
		String file = System.getProperty(PROBE_PROPERTY);
		if (file == null || file.isBlank() || !fired.compareAndSet(false, true)) {
			return;
		}
		Path target = Path.of(file).toAbsolutePath();
		sync.asyncExec(() -> {
			record(target, System.currentTimeMillis());
			if (Boolean.getBoolean(EXIT_PROPERTY)) {
				workbench.close();
			}
		});
	}

	/** Writes the time so that a reader sees either no file or the whole number. */
	static void record(Path target, long millis) {
		Path folder = target.getParent();
		try {
			Path temp = Files.createTempFile(folder, target.getFileName() + ".", ".tmp"); //$NON-NLS-1$ //$NON-NLS-2$
			try {
				Files.writeString(temp, Long.toString(millis));
				Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
			} finally {
				Files.deleteIfExists(temp);
			}
		} catch (IOException e) {
			ILog.of(StartupProbe.class).error("Start-up probe: cannot write " + target, e); //$NON-NLS-1$
		}
	}
}
