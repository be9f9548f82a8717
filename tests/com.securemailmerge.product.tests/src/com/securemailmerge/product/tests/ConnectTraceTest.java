package com.securemailmerge.product.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The connection record that JourneyTest relies on: what strace's lines mean, and that a Java
 * process started under strace, and the process it starts in turn, are seen connecting outside.
 */
final class ConnectTraceTest {

	@TempDir
	Path folder;

	@Test
	void localSocketsAndLoopbackAreOnThisComputerEverythingElseIsOutside() {
		ConnectTrace trace = ConnectTrace.parse(List.of(
				"101 connect(4, {sa_family=AF_UNIX, sun_path=\"/tmp/.X11-unix/X99\"}, 110) = 0",
				"101 connect(5, {sa_family=AF_UNIX, sun_path=@\"/tmp/dbus-abc\"}, 20) = 0",
				"101 connect(6, {sa_family=AF_INET, sin_port=htons(40123), sin_addr=inet_addr(\"127.0.0.1\")}, 16 <unfinished ...>",
				"102 <... connect resumed>) = 0",
				"101 connect(7, {sa_family=AF_INET6, sin6_port=htons(443), sin6_flowinfo=htonl(0), inet_pton(AF_INET6, \"::1\", &sin6_addr), sin6_scope_id=0}, 28) = 0",
				"101 connect(8, {sa_family=AF_NETLINK, nl_pid=0, nl_groups=00000000}, 12) = 0",
				"101 connect(9, {sa_family=AF_UNSPEC, sa_data=\"\\0\\0\\0\\0\"}, 16) = 0",
				"103 connect(10, {sa_family=AF_INET, sin_port=htons(80), sin_addr=inet_addr(\"192.0.2.1\")}, 16) = -1 EINPROGRESS",
				"103 connect(11, {sa_family=AF_INET6, sin6_port=htons(443), sin6_flowinfo=htonl(0), inet_pton(AF_INET6, \"2001:db8::1\", &sin6_addr), sin6_scope_id=0}, 28) = -1 ENETUNREACH",
				"103 connect(12, {sa_family=AF_INET, sin_port=htons(53), sin_addr=inet_addr(\"10.255.255.53\")}, 16) = 0",
				"103 connect(15, {sa_family=AF_INET, sin_port=htons(53), sin_addr=inet_addr(\"127.0.0.53\")}, 16) = 0",
				"105 bind(16, {sa_family=AF_INET, sin_port=htons(0), sin_addr=inet_addr(\"127.0.0.1\")}, 16) = 0",
				"105 bind(17, {sa_family=AF_INET6, sin6_port=htons(8080), sin6_flowinfo=htonl(0), inet_pton(AF_INET6, \"::\", &sin6_addr), sin6_scope_id=0}, 28) = 0",
				"105 bind(18, {sa_family=AF_NETLINK, nl_pid=0, nl_groups=00000000}, 12) = 0",
				"103 connect(13, 0x7ffd1234, 16) = -1 EFAULT (Bad address)",
				"103 connect(14, {sa_family=AF_INET6, sin6_port=htons(80), sin6_flowinfo=htonl(0), inet_pton(AF_INET6, \"::ffff:8.8.8.8\", &sin6_addr), sin6_scope_id=0}, 28) = 0",
				"104 execve(\"/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/WebKitNetworkProcess\", [\"x\"], 0x0 /* 3 vars */) = 0",
				"104 execve(\"/usr/local/bin/nothing\", [\"x\"], 0x0 /* 3 vars */) = -1 ENOENT (No such file or directory)",
				"104 +++ exited with 0 +++"));
		assertEquals(15, trace.connections().size(), trace.connections().toString());
		assertEquals(List.of("192.0.2.1", "2001:db8::1", "10.255.255.53", "127.0.0.53", "::", "?", "::ffff:8.8.8.8"),
				trace.outside().stream().map(ConnectTrace.Connection::address).toList());
		assertEquals(40123, trace.connections().get(2).port());
		assertTrue(trace.connections().stream().filter(ConnectTrace.Connection::bound).count() == 3, "three binds");
		assertEquals(List.of("/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/WebKitNetworkProcess"), trace.programs(),
				"a program that was not found did not run");
	}

	@Test
	void aJavaProcessAndItsChildConnectingOutsideAreRecorded() throws Exception {
		Path source = folder.resolve("Connect.java");
		Files.writeString(source, String.join("\n",
				"public class Connect {",
				"  public static void main(String[] args) throws Exception {",
				"    if (args.length == 0) {",
				"      Process child = new ProcessBuilder(ProcessHandle.current().info().command().get(), \"" + source + "\", \"child\")",
				"          .inheritIO().start();",
				"      System.exit(child.waitFor());",
				"    }",
				"    try (java.nio.channels.SocketChannel channel = java.nio.channels.SocketChannel.open()) {",
				"      channel.configureBlocking(false);",
				"      channel.connect(new java.net.InetSocketAddress(java.net.InetAddress.getByAddress(new byte[] { (byte) 192, 0, 2, 1 }), 9));",
				"    }",
				"  }",
				"}", ""));
		Path record = folder.resolve("connect.strace");
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		Process process = new ProcessBuilder(ProductRun.traced(record, List.of(java, source.toString()))).redirectErrorStream(true)
				.redirectOutput(folder.resolve("out.txt").toFile()).start();
		assertTrue(process.waitFor(120, TimeUnit.SECONDS), "the traced Java ended");
		assertEquals(0, process.exitValue(), Files.readString(folder.resolve("out.txt")));
		ConnectTrace trace = ConnectTrace.read(record);
		assertEquals(List.of("::ffff:192.0.2.1"), trace.outside().stream().map(ConnectTrace.Connection::address).toList(),
				"the child's connection is in the record:\n" + Files.readString(record));
		assertTrue(trace.programs().stream().filter(p -> p.endsWith("/java")).count() >= 2, "both Java processes: " + trace.programs());
	}
}
