package com.securemailmerge.logging.slf4j1;

import org.eclipse.core.runtime.ILog;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.slf4j.helpers.FormattingTuple;
import org.slf4j.helpers.MarkerIgnoringBase;
import org.slf4j.helpers.MessageFormatter;

/**
 * Warnings and errors go to the Eclipse log (the workspace's .metadata/.log) with the logger's
 * name; trace, debug and info are dropped.
 */
@NonNullByDefault({}) // SLF4J's API carries no null annotations
final class EclipseLogger extends MarkerIgnoringBase {

	private static final long serialVersionUID = 1L;
	private static final String PLUGIN = "com.securemailmerge.logging.slf4j1"; //$NON-NLS-1$
	private static final int WARNING = IStatus.WARNING;
	private static final int ERROR = IStatus.ERROR;

	private final transient ILog log;

	EclipseLogger(String name, ILog log) {
		this.name = name;
		this.log = log;
	}

	private void write(int severity, FormattingTuple message) {
		write(severity, message.getMessage(), message.getThrowable());
	}

	private void write(int severity, String message, Throwable error) {
		log.log(new Status(severity, PLUGIN, name + ": " + message, error)); //$NON-NLS-1$
	}

	// trace, debug, info: off
	@Override public boolean isTraceEnabled() { return false; }
	@Override public void trace(String msg) { }
	@Override public void trace(String format, Object arg) { }
	@Override public void trace(String format, Object arg1, Object arg2) { }
	@Override public void trace(String format, Object... arguments) { }
	@Override public void trace(String msg, Throwable t) { }
	@Override public boolean isDebugEnabled() { return false; }
	@Override public void debug(String msg) { }
	@Override public void debug(String format, Object arg) { }
	@Override public void debug(String format, Object arg1, Object arg2) { }
	@Override public void debug(String format, Object... arguments) { }
	@Override public void debug(String msg, Throwable t) { }
	@Override public boolean isInfoEnabled() { return false; }
	@Override public void info(String msg) { }
	@Override public void info(String format, Object arg) { }
	@Override public void info(String format, Object arg1, Object arg2) { }
	@Override public void info(String format, Object... arguments) { }
	@Override public void info(String msg, Throwable t) { }

	@Override public boolean isWarnEnabled() { return true; }
	@Override public void warn(String msg) { write(WARNING, msg, null); }
	@Override public void warn(String format, Object arg) { write(WARNING, MessageFormatter.format(format, arg)); }
	@Override public void warn(String format, Object arg1, Object arg2) { write(WARNING, MessageFormatter.format(format, arg1, arg2)); }
	@Override public void warn(String format, Object... arguments) { write(WARNING, MessageFormatter.arrayFormat(format, arguments)); }
	@Override public void warn(String msg, Throwable t) { write(WARNING, msg, t); }
	@Override public boolean isErrorEnabled() { return true; }
	@Override public void error(String msg) { write(ERROR, msg, null); }
	@Override public void error(String format, Object arg) { write(ERROR, MessageFormatter.format(format, arg)); }
	@Override public void error(String format, Object arg1, Object arg2) { write(ERROR, MessageFormatter.format(format, arg1, arg2)); }
	@Override public void error(String format, Object... arguments) { write(ERROR, MessageFormatter.arrayFormat(format, arguments)); }
	@Override public void error(String msg, Throwable t) { write(ERROR, msg, t); }
}
