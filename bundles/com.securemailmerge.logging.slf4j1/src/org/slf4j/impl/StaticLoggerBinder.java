package org.slf4j.impl;

import org.slf4j.ILoggerFactory;
import org.slf4j.spi.LoggerFactoryBinder;

import com.securemailmerge.logging.slf4j1.EclipseLoggerFactory;

/** SLF4J 1.7's binding hook (a static lookup the API prescribes): warnings and errors to the Eclipse log. */
public final class StaticLoggerBinder implements LoggerFactoryBinder {

	/** The SLF4J API version this binding is compiled against (read by SLF4J by reflection). */
	public static String REQUESTED_API_VERSION = "1.7.36"; //$NON-NLS-1$

	private static final StaticLoggerBinder BINDER = new StaticLoggerBinder();

	private final ILoggerFactory factory = new EclipseLoggerFactory();

	private StaticLoggerBinder() {
	}

	public static StaticLoggerBinder getSingleton() {
		return BINDER;
	}

	@Override
	public ILoggerFactory getLoggerFactory() {
		return factory;
	}

	@Override
	public String getLoggerFactoryClassStr() {
		return EclipseLoggerFactory.class.getName();
	}
}
