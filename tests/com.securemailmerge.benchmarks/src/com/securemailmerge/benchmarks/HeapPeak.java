package com.securemailmerge.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;

/**
 * Samples the used heap every millisecond on a daemon thread while a benchmark runs; the peak is
 * what the code under test needed at most (garbage not yet collected included, so it is an upper
 * bound at the given -Xmx).
 */
final class HeapPeak implements AutoCloseable {

	private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
	private final Thread sampler;
	private volatile boolean running = true;
	private volatile long peak;

	HeapPeak() {
		System.gc();
		peak = memory.getHeapMemoryUsage().getUsed();
		sampler = new Thread(this::sample, "heap-peak");
		sampler.setDaemon(true);
		sampler.start();
	}

	private void sample() {
		while (running) {
			peak = Math.max(peak, memory.getHeapMemoryUsage().getUsed());
			try {
				Thread.sleep(1);
			} catch (InterruptedException e) {
				return;
			}
		}
	}

	double peakMiB() {
		return Math.max(peak, memory.getHeapMemoryUsage().getUsed()) / (1024.0 * 1024.0);
	}

	@Override
	public void close() throws InterruptedException {
		running = false;
		sampler.join();
	}
}
