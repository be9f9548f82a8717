package com.securemailmerge.ui.p2.internal;

import org.eclipse.core.runtime.IStatus;

/**
 * How an installation went: OK, cancelled or a problem with a message naming its cause; and
 * whether the installed software needs a restart to take effect.
 */
public record InstallResult(IStatus status, boolean restartNeeded) {

	static InstallResult failed(IStatus status) {
		return new InstallResult(status, false);
	}
}
