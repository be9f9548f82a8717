package com.securemailmerge.licence.server;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * Runs {@code serve} with a clock the test sets through standard input: the system property
 * {@code smm.test.clock} is the start, a line {@code clock INSTANT} moves it (answered with
 * {@code CLOCK INSTANT} on standard output); the end of input stops the server.
 */
public final class TestServerLauncher {

	private TestServerLauncher() {
	}

	public static void main(String[] args) throws Exception {
		Main.configureProcess(args);
		MutableClock clock = new MutableClock(Instant.parse(System.getProperty("smm.test.clock", Instant.now().toString())));
		try (Main.Running running = Main.serve(args, clock, System.out)) {
			BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
			for (String line = in.readLine(); line != null; line = in.readLine()) {
				if (line.startsWith("clock ")) {
					clock.set(Instant.parse(line.substring(6).strip()));
					System.out.println("CLOCK " + clock.instant());
					System.out.flush();
				}
			}
		}
		System.exit(0);
	}
}
