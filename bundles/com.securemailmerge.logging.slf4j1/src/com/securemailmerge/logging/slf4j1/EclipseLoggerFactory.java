package com.securemailmerge.logging.slf4j1;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.eclipse.core.runtime.ILog;
import org.osgi.framework.FrameworkUtil;
import org.slf4j.ILoggerFactory;
import org.slf4j.Logger;

/** Hands out one {@link EclipseLogger} per name, all writing to this bundle's Eclipse log. */
public final class EclipseLoggerFactory implements ILoggerFactory {

	private final Map<String, Logger> loggers = new ConcurrentHashMap<>();
	private final ILog log = ILog.of(FrameworkUtil.getBundle(EclipseLoggerFactory.class));

	@Override
	public Logger getLogger(@org.eclipse.jdt.annotation.Nullable String name) {
		String key = name == null ? "" : name; //$NON-NLS-1$
		return loggers.computeIfAbsent(key, n -> new EclipseLogger(n, log));
	}
}
