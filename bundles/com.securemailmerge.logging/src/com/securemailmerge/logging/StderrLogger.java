package com.securemailmerge.logging;

import java.io.PrintStream;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.slf4j.helpers.FormattingTuple;
import org.slf4j.helpers.MarkerIgnoringBase;
import org.slf4j.helpers.MessageFormatter;

/**
 * Warnings and errors go to standard error with the time, level and logger name, as SLF4J's simple
 * binding writes them; trace, debug and info are dropped.
 */
@NonNullByDefault({}) // SLF4J's API carries no null annotations
final class StderrLogger extends MarkerIgnoringBase {

	private static final long serialVersionUID = 1L;
	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS"); //$NON-NLS-1$
	private static final String WARNING = "WARN"; //$NON-NLS-1$
	private static final String ERROR = "ERROR"; //$NON-NLS-1$

	StderrLogger(String name) {
		this.name = name;
	}

	private void write(String level, FormattingTuple message) {
		write(level, message.getMessage(), message.getThrowable());
	}

	private void write(String level, String message, Throwable error) {
		PrintStream err = System.err;
		synchronized (err) {
			err.println(TIME.format(LocalTime.now()) + ' ' + level + ' ' + name + " - " + message); //$NON-NLS-1$
			if (error != null) {
				error.printStackTrace(err);
			}
		}
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
