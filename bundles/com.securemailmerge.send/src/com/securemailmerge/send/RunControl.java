package com.securemailmerge.send;

/**
 * Pause and resume for a running campaign, from any thread. While paused the runner starts no new
 * message; those under way finish and are recorded.
 */
public final class RunControl {

	private boolean paused;

	public synchronized void pause() {
		paused = true;
	}

	public synchronized void resume() {
		paused = false;
		notifyAll();
	}

	public synchronized boolean isPaused() {
		return paused;
	}

	/** Waits while paused; returns at once otherwise. Checks {@code cancelled} every half second. */
	synchronized void awaitResumed(java.util.function.BooleanSupplier cancelled) throws InterruptedException {
		while (paused && !cancelled.getAsBoolean()) {
			wait(500);
		}
	}
}
