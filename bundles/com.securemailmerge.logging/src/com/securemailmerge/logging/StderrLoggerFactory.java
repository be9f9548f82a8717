package com.securemailmerge.logging;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.ILoggerFactory;
import org.slf4j.Logger;

/** Hands out one {@link StderrLogger} per name. */
public final class StderrLoggerFactory implements ILoggerFactory {

	private final Map<String, Logger> loggers = new ConcurrentHashMap<>();

	@Override
	public Logger getLogger(@org.eclipse.jdt.annotation.Nullable String name) {
		String key = name == null ? "" : name; //$NON-NLS-1$
		return loggers.computeIfAbsent(key, n -> new StderrLogger(n));
	}
}
