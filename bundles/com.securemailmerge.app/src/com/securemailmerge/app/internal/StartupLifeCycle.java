package com.securemailmerge.app.internal;

import org.eclipse.e4.ui.workbench.lifecycle.PostContextCreate;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;

/**
 * The workbench's life cycle hook (product property {@code lifeCycleURI}): as soon as the
 * workbench context exists, before the application model is read, starts the {@link ClassPreload}.
 */
public final class StartupLifeCycle {

	@PostContextCreate
	void contextCreated() {
		Bundle bundle = FrameworkUtil.getBundle(StartupLifeCycle.class);
		if (bundle != null && !Boolean.getBoolean(ClassPreload.DISABLE_PROPERTY)) {
			ClassPreload.start(bundle);
		}
	}
}
