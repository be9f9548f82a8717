package com.securemailmerge.logging.slf4j2;

import org.slf4j.ILoggerFactory;
import org.slf4j.IMarkerFactory;
import org.slf4j.helpers.BasicMarkerFactory;
import org.slf4j.helpers.NOPMDCAdapter;
import org.slf4j.spi.MDCAdapter;
import org.slf4j.spi.SLF4JServiceProvider;

/** What SLF4J 2's LoggerFactory finds through META-INF/services of this fragment. */
public final class EclipseServiceProvider implements SLF4JServiceProvider {

	private final IMarkerFactory markers = new BasicMarkerFactory();
	private final MDCAdapter mdc = new NOPMDCAdapter();
	private @org.eclipse.jdt.annotation.Nullable ILoggerFactory loggers;

	@Override
	public ILoggerFactory getLoggerFactory() {
		ILoggerFactory factory = loggers;
		if (factory == null) {
			throw new IllegalStateException("SLF4J initializes the provider first"); //$NON-NLS-1$
		}
		return factory;
	}

	@Override
	public IMarkerFactory getMarkerFactory() {
		return markers;
	}

	@Override
	public MDCAdapter getMDCAdapter() {
		return mdc;
	}

	@Override
	public String getRequestedApiVersion() {
		return "2.0.99"; //$NON-NLS-1$
	}

	@Override
	public void initialize() {
		loggers = new EclipseLoggers();
	}
}
