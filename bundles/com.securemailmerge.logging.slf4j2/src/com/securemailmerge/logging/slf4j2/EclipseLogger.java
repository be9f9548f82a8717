package com.securemailmerge.logging.slf4j2;

import org.eclipse.core.runtime.ILog;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.jdt.annotation.NonNullByDefault;
import org.slf4j.Marker;
import org.slf4j.event.Level;
import org.slf4j.helpers.LegacyAbstractLogger;
import org.slf4j.helpers.MessageFormatter;

/**
 * Warnings and errors to the Eclipse log (the workspace's .metadata/.log) with the logger's name;
 * trace, debug and info are off.
 */
@NonNullByDefault({}) // SLF4J's API carries no null annotations
final class EclipseLogger extends LegacyAbstractLogger {

	private static final long serialVersionUID = 1L;
	private static final String PLUGIN = "com.securemailmerge.logging.slf4j2"; //$NON-NLS-1$

	private final transient ILog log;

	EclipseLogger(String name, ILog log) {
		this.name = name;
		this.log = log;
	}

	@Override
	public boolean isTraceEnabled() {
		return false;
	}

	@Override
	public boolean isDebugEnabled() {
		return false;
	}

	@Override
	public boolean isInfoEnabled() {
		return false;
	}

	@Override
	public boolean isWarnEnabled() {
		return true;
	}

	@Override
	public boolean isErrorEnabled() {
		return true;
	}

	@Override
	protected String getFullyQualifiedCallerName() {
		return null;
	}

	@Override
	protected void handleNormalizedLoggingCall(Level level, Marker marker, String pattern, Object[] arguments,
			Throwable error) {
		int severity = level == Level.ERROR ? IStatus.ERROR : level == Level.WARN ? IStatus.WARNING : IStatus.INFO;
		String message = MessageFormatter.basicArrayFormat(pattern, arguments);
		log.log(new Status(severity, PLUGIN, name + ": " + message, error)); //$NON-NLS-1$
	}
}
