package com.securemailmerge.send;

/**
 * Pause and resume for a running campaign, from any thread. While paused the runner starts no new
 * message; those under way finish and are recorded. Also carries the user's explicit choice to send
 * again the messages that stayed unconfirmed (submitted, but never seen in Sent Items).
 */
public final class RunControl {

	private boolean paused;
	private volatile boolean retryUnconfirmed;

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

	/**
	 * The user checked (in Sent Items, or with the recipients) that the unconfirmed messages did not
	 * arrive and wants them sent again. Each is still looked up once more before it is.
	 */
	public RunControl retryUnconfirmed(boolean retry) {
		retryUnconfirmed = retry;
		return this;
	}

	public boolean retriesUnconfirmed() {
		return retryUnconfirmed;
	}

	/** Waits while paused; returns at once otherwise. Checks {@code cancelled} every half second. */
	synchronized void awaitResumed(java.util.function.BooleanSupplier cancelled) throws InterruptedException {
		while (paused && !cancelled.getAsBoolean()) {
			wait(500);
		}
	}
}
