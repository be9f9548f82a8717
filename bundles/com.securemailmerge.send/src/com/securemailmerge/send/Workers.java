package com.securemailmerge.send;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * The messages under way at once: a slot is taken before a message starts and given back when its
 * outcome is recorded. Closing waits for every message under way, whatever ended the run (cancel, a
 * stop, an exception), so no outcome goes unrecorded.
 */
final class Workers implements AutoCloseable {

	private final int size;
	private final Semaphore slots;
	private final ExecutorService threads;

	Workers(int size) {
		this.size = size;
		this.slots = new Semaphore(size);
		this.threads = Executors.newFixedThreadPool(size, runnable -> {
			Thread thread = new Thread(runnable, "smm-send"); //$NON-NLS-1$
			thread.setDaemon(true);
			return thread;
		});
	}

	/** Waits for a free slot; false when the run was cancelled meanwhile. */
	boolean acquire(BooleanSupplier cancelled) throws InterruptedException {
		while (!slots.tryAcquire(200, TimeUnit.MILLISECONDS)) {
			if (cancelled.getAsBoolean()) {
				return false;
			}
		}
		if (cancelled.getAsBoolean()) {
			slots.release();
			return false;
		}
		return true;
	}

	void release() {
		slots.release();
	}

	/** Runs a message in the slot taken by {@link #acquire}; the slot is given back when it ends. */
	void start(Runnable message) {
		threads.execute(() -> {
			try {
				message.run();
			} finally {
				slots.release();
			}
		});
	}

	/** Waits until no message is under way. */
	void awaitIdle() {
		boolean interrupted = false;
		while (true) {
			try {
				slots.acquire(size);
				slots.release(size);
				break;
			} catch (InterruptedException e) {
				interrupted = true; // the outcomes under way must still be recorded
			}
		}
		if (interrupted) {
			Thread.currentThread().interrupt();
		}
	}

	@Override
	public void close() {
		awaitIdle();
		threads.shutdown();
	}
}
