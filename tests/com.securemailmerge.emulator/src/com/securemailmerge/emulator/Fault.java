package com.securemailmerge.emulator;

/** What can go wrong on the way to Graph, injected by tests. */
public enum Fault {
	/** The connection is closed without an answer. */
	DROP,
	/** 503 Service Unavailable with Retry-After. */
	UNAVAILABLE,
	/** The answer comes late (see {@link Emulator#setLatency}). */
	SLOW
}
