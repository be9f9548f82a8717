package org.slf4j.impl;

import org.slf4j.helpers.NOPMDCAdapter;
import org.slf4j.spi.MDCAdapter;

/** SLF4J 1.7's MDC hook: no diagnostic context is kept. */
public final class StaticMDCBinder {

	public static final StaticMDCBinder SINGLETON = new StaticMDCBinder();

	private StaticMDCBinder() {
	}

	public static StaticMDCBinder getSingleton() {
		return SINGLETON;
	}

	public MDCAdapter getMDCA() {
		return new NOPMDCAdapter();
	}

	public String getMDCAdapterClassStr() {
		return NOPMDCAdapter.class.getName();
	}
}
