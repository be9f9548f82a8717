package com.securemailmerge.product.tests;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What {@code strace -f -e trace=connect,bind,execve} recorded of a process and all its children:
 * every {@code connect()} and {@code bind()} by address, and the programs they ran (so a test can
 * show that the browser's own processes were under the record too). A connection is "on this
 * computer" when it goes to a local socket (AF_UNIX: the X server, D-Bus; AF_NETLINK: the kernel;
 * AF_UNSPEC: a UDP socket let go) or to a loopback address other than a name server's port (a
 * local resolver forwards the name it is asked for); anything else, an address strace could not read
 * among it, is outside, and so is a socket bound to anything but loopback (a listener others could
 * reach). Not seen: datagrams sent with an address and no connect() (sendto), which glibc's resolver
 * does not use; a test that must see them traces %network.
 */
final class ConnectTrace {

	/** One connect() call. {@code address} is the IP (or the socket path), port 0 where there is none. */
	record Connection(String family, String address, int port, String line) {

		boolean onThisComputer() {
			return switch (family) {
			case "AF_UNIX", "AF_NETLINK", "AF_UNSPEC" -> true;
			case "AF_INET" -> address.startsWith("127.") && port != 53;
			case "AF_INET6" -> (address.equals("::1") || address.startsWith("::ffff:127.")) && port != 53;
			default -> false;
			};
		}

		boolean bound() {
			return line.contains("bind(");
		}
	}

	private static final Pattern FAMILY = Pattern.compile("sa_family=(AF_[A-Z0-9]+)");
	private static final Pattern INET = Pattern.compile("sin_port=htons\\((\\d+)\\), sin_addr=inet_addr\\(\"([^\"]*)\"\\)");
	private static final Pattern INET6 = Pattern.compile("sin6_port=htons\\((\\d+)\\).*?inet_pton\\(AF_INET6, \"([^\"]*)\"");
	private static final Pattern UNIX = Pattern.compile("sun_path=(@?\"[^\"]*\")");
	private static final Pattern EXECVE = Pattern.compile("execve\\(\"([^\"]*)\"");

	private final List<Connection> connections;
	private final List<String> programs;

	private ConnectTrace(List<Connection> connections, List<String> programs) {
		this.connections = List.copyOf(connections);
		this.programs = List.copyOf(programs);
	}

	static ConnectTrace read(Path file) throws IOException {
		return parse(Files.readAllLines(file, StandardCharsets.UTF_8));
	}

	static ConnectTrace parse(List<String> lines) {
		List<Connection> connections = new ArrayList<>();
		List<String> programs = new ArrayList<>();
		for (String line : lines) {
			Matcher program = EXECVE.matcher(line);
			if (program.find() && !line.contains("= -1 ")) {
				programs.add(program.group(1));
				continue;
			}
			int call = line.indexOf("connect(");
			if (call < 0) {
				call = line.indexOf(" bind(");
			}
			if (call < 0 || line.contains(" resumed>")) {
				continue; // the second half of an interrupted call: the first half has the address
			}
			Matcher family = FAMILY.matcher(line);
			if (!family.find(call)) {
				connections.add(new Connection("?", "?", 0, line)); // an address strace could not read
				continue;
			}
			String name = family.group(1);
			Matcher address = switch (name) {
			case "AF_INET" -> INET.matcher(line);
			case "AF_INET6" -> INET6.matcher(line);
			case "AF_UNIX" -> UNIX.matcher(line);
			default -> null;
			};
			if (address == null) {
				connections.add(new Connection(name, "", 0, line));
			} else if (!address.find(call)) {
				connections.add(new Connection(name + "?", "?", 0, line));
			} else if (name.equals("AF_UNIX")) {
				connections.add(new Connection(name, address.group(1), 0, line));
			} else {
				connections.add(new Connection(name, address.group(2), Integer.parseInt(address.group(1)), line));
			}
		}
		return new ConnectTrace(connections, programs);
	}

	List<Connection> connections() {
		return connections;
	}

	/** The connections that left this computer (or might have): none is allowed. */
	List<Connection> outside() {
		return connections.stream().filter(c -> !c.onThisComputer()).toList();
	}

	/** The programs that were started under the record (their paths). */
	List<String> programs() {
		return programs;
	}
}
