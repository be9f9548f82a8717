package com.securemailmerge.logging.slf4j2;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.eclipse.core.runtime.ILog;
import org.osgi.framework.FrameworkUtil;
import org.slf4j.ILoggerFactory;
import org.slf4j.Logger;

/** One logger per name, all writing to the Eclipse log of the SLF4J API bundle (this fragment's host). */
final class EclipseLoggers implements ILoggerFactory {

	private final Map<String, Logger> loggers = new ConcurrentHashMap<>();
	private final ILog log = ILog.of(FrameworkUtil.getBundle(EclipseLoggers.class));

	@Override
	public Logger getLogger(@org.eclipse.jdt.annotation.Nullable String name) {
		String key = name == null ? "" : name; //$NON-NLS-1$
		return loggers.computeIfAbsent(key, n -> new EclipseLogger(n, log));
	}
}
