package com.securemailmerge.licence.server;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code ./bench licence}: starts the server ({@link Main}, embedded SQLite, access log on, rate
 * limit raised out of the way) in its own JVM and loads it from 50 closed-loop clients on
 * loopback, each on one keep-alive connection, with raw HTTP/1.1 so that the client costs little
 * of the two cores. 90 % of the requests are free addresses (2,000 different ones), 10 %
 * commercial (40 seats under 20 domain licences). After a warm-up, prints
 * {@code licence.rps=NNNN req/s} and {@code licence.p99_ms=N.N ms}.
 *
 * <p>Arguments: {@code [clients [seconds [warm-up seconds]]]}, default 50 10 3.
 */
public final class LoadGenerator {

	private LoadGenerator() {
	}

	public static void main(String[] args) throws Exception {
		int clients = args.length > 0 ? Integer.parseInt(args[0]) : 50;
		int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 10;
		int warmup = args.length > 2 ? Integer.parseInt(args[2]) : 3;
		Path folder = Path.of("target", "bench").toAbsolutePath();
		deleteTree(folder);
		Files.createDirectories(folder);
		StringBuilder csv = new StringBuilder();
		for (int d = 0; d < 20; d++) {
			csv.append("paid").append(d).append(".example,2099-12-31\n");
		}
		Files.writeString(folder.resolve("licences.csv"), csv);
		List<byte[]> requests = new ArrayList<>();
		for (int i = 0; i < 2000; i++) {
			requests.add(request("user" + i + "@free" + (i % 97) + ".example"));
			if (i % 9 == 0) {
				requests.add(request("seat" + (i % 40) + "@paid" + (i % 20) + ".example"));
			}
		}
		try (ServerProcess server = ServerProcess.start(folder.resolve("server"), Main.class.getName(), List.of(),
				List.of("serve", "--port", "0", "--rate-burst", "1e12", "--licences", folder.resolve("licences.csv").toString(),
						"--db", "sqlite:" + folder.resolve("data/licences.db")))) {
			URI uri = server.http("/api/license");
			AtomicBoolean measuring = new AtomicBoolean(false);
			AtomicBoolean running = new AtomicBoolean(true);
			AtomicLong failures = new AtomicLong();
			long[][] latencies = new long[clients][];
			int[] counts = new int[clients];
			CountDownLatch done = new CountDownLatch(clients);
			for (int c = 0; c < clients; c++) {
				int client = c;
				Thread.ofPlatform().daemon().start(() -> {
					try {
						latencies[client] = run(uri, requests, client, measuring, running, counts, failures);
					} catch (IOException e) {
						failures.incrementAndGet();
						latencies[client] = new long[0];
					} finally {
						done.countDown();
					}
				});
			}
			Thread.sleep(warmup * 1000L);
			long start = System.nanoTime();
			measuring.set(true);
			Thread.sleep(seconds * 1000L);
			measuring.set(false);
			long elapsed = System.nanoTime() - start;
			running.set(false);
			done.await();
			long total = 0;
			for (int c = 0; c < clients; c++) {
				total += counts[c];
			}
			long[] all = new long[(int) total];
			int at = 0;
			for (int c = 0; c < clients; c++) {
				System.arraycopy(latencies[c], 0, all, at, counts[c]);
				at += counts[c];
			}
			Arrays.sort(all);
			double p99 = all.length == 0 ? Double.NaN : all[(int) Math.min(all.length - 1, Math.ceil(all.length * 0.99) - 1)] / 1e6;
			System.out.println("licence.rps=" + Math.round(total / (elapsed / 1e9)) + " req/s");
			System.out.println(String.format(Locale.ROOT, "licence.p99_ms=%.1f ms", p99));
			if (failures.get() > 0) {
				System.err.println("failed requests or connections: " + failures.get());
				System.exit(1);
			}
		}
	}

	private static byte[] request(String address) {
		byte[] body = address.getBytes(StandardCharsets.UTF_8);
		String head = "POST /api/license HTTP/1.1\r\nHost: 127.0.0.1\r\nUser-Agent: SecureMailMerge\r\n"
				+ "Content-Type: text/plain; charset=UTF-8\r\nContent-Length: " + body.length + "\r\n\r\n";
		byte[] headBytes = head.getBytes(StandardCharsets.US_ASCII);
		byte[] all = Arrays.copyOf(headBytes, headBytes.length + body.length);
		System.arraycopy(body, 0, all, headBytes.length, body.length);
		return all;
	}

	private static long[] run(URI uri, List<byte[]> requests, int client, AtomicBoolean measuring, AtomicBoolean running,
			int[] counts, AtomicLong failures) throws IOException {
		long[] latencies = new long[1 << 16];
		int n = 0;
		byte[] buffer = new byte[8192];
		try (Socket socket = new Socket()) {
			socket.setTcpNoDelay(true);
			socket.connect(new InetSocketAddress(uri.getHost(), uri.getPort()));
			OutputStream out = socket.getOutputStream();
			InputStream in = socket.getInputStream();
			int next = client * 37;
			while (running.get()) {
				byte[] request = requests.get(next++ % requests.size());
				long start = System.nanoTime();
				out.write(request);
				out.flush();
				if (readResponse(in, buffer) != 200) {
					failures.incrementAndGet();
				}
				long latency = System.nanoTime() - start;
				if (measuring.get()) {
					if (n == latencies.length) {
						latencies = Arrays.copyOf(latencies, n * 2);
					}
					latencies[n++] = latency;
				}
			}
		}
		counts[client] = n;
		return latencies;
	}

	/** Reads one response (headers plus Content-Length body); returns its status. */
	private static int readResponse(InputStream in, byte[] buffer) throws IOException {
		int length = 0;
		int headerEnd = -1;
		while (headerEnd < 0) {
			int read = in.read(buffer, length, buffer.length - length);
			if (read < 0) {
				throw new IOException("connection closed");
			}
			length += read;
			for (int i = 3; i < length; i++) {
				if (buffer[i - 3] == '\r' && buffer[i - 2] == '\n' && buffer[i - 1] == '\r' && buffer[i] == '\n') {
					headerEnd = i + 1;
					break;
				}
			}
		}
		String head = new String(buffer, 0, headerEnd, StandardCharsets.US_ASCII);
		int status = Integer.parseInt(head.substring(9, 12));
		int contentLength = 0;
		for (String line : head.split("\r\n")) {
			if (line.regionMatches(true, 0, "Content-Length:", 0, 15)) {
				contentLength = Integer.parseInt(line.substring(15).strip());
			}
		}
		int remaining = contentLength - (length - headerEnd);
		while (remaining > 0) {
			int read = in.read(buffer, 0, Math.min(buffer.length, remaining));
			if (read < 0) {
				throw new IOException("connection closed");
			}
			remaining -= read;
		}
		return status;
	}

	private static void deleteTree(Path folder) throws IOException {
		if (Files.exists(folder)) {
			try (var files = Files.walk(folder)) {
				files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
			}
		}
	}
}
