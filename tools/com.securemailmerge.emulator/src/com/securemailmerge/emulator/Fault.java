package com.securemailmerge.emulator;

/** What can go wrong on the way to Graph, injected by tests. */
public enum Fault {
	/** The connection is closed without an answer. */
	DROP,
	/** 503 Service Unavailable with Retry-After. */
	UNAVAILABLE,
	/** The request is carried out, then the connection is closed before the answer: the outcome is unknown. */
	LOST_ANSWER,
	/** The answer comes late (see {@link Emulator#setLatency}). */
	SLOW
}
