#!/bin/sh
# Writes bundles/com.securemailmerge.app/preload.txt, the classes the workbench's main thread loads
# from the moment the application starts until its first window is shown, in that order (see
# ClassPreload in com.securemailmerge.app). Run it after ./bench startup (or ./mvnw verify) has
# built the product, whenever the first window or the target platform changes; the product test
# PreloadListTest fails when the list names a class the product no longer has.
#
# It starts the built product once (under Xvfb without a display) with the preload off and the JVM's
# class-load log on, and keeps the classes that the main thread loaded from bundles between the
# start of E4Application and the start-up probe's time (lambdas and other hidden classes left out).
set -eu
root=$(cd "$(dirname "$0")/../.." && pwd)
# the start-up probe, never shipped: added to each start as the product tests add their driver
probe_jar=$(ls "$root"/tools/com.securemailmerge.startup/target/com.securemailmerge.startup-*.jar 2>/dev/null | head -n 1)
[ -n "$probe_jar" ] || { echo "the start-up probe is not built: ./mvnw verify -pl tools/com.securemailmerge.startup -am" >&2; exit 1; }
self=$root/tests/com.securemailmerge.benchmarks/preload-list.sh
product=$root/releng/com.securemailmerge.product/target/products/com.securemailmerge.product/linux/gtk/x86_64/SecureMailMerge
list=$root/bundles/com.securemailmerge.app/preload.txt
[ -d "$product/plugins" ] || { echo "preload-list: $product is missing: build the product first" >&2; exit 1; }
if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
	exec xvfb-run -a -s "-screen 0 1600x1000x24" "$self" "$@"
fi
. "$root/.mvn/find-jdk.sh"
work=$(mktemp -d "${TMPDIR:-/tmp}/smm-preload.XXXXXX")
trap 'rm -rf "$work"' EXIT
vmargs="$(sed -n 's/^options=//p' "$product/jvm.properties") -Xmx$(sed -n 's/^heap=//p' "$product/jvm.properties")"
launcher=$(ls "$product"/plugins/org.eclipse.equinox.launcher_*.jar | head -n 1)
# shellcheck disable=SC2086 # $vmargs is a list of options
(cd "$product" && "$JAVA_HOME/bin/java" $vmargs -Dosgi.requiredJavaVersion=21 \
	-Xlog:class+load:file="$work/classes.log":timemillis,tid -Dsmm.preload.disable=true \
	-Dosgi.bundles=org.eclipse.equinox.simpleconfigurator@1:start,reference:file:"$probe_jar"@4:start \
		-Dsmm.startup.probe="$work/shown" -Dsmm.startup.exit=true \
	-jar "$launcher" -nosplash -data "$work/data") >"$work/output.log" 2>&1
[ -f "$work/shown" ] || { echo "preload-list: the product showed no window; its output:" >&2; cat "$work/output.log" >&2; exit 1; }
shown=$(cat "$work/shown")
# lines: [<millis>ms][<tid>] <class> source: <location>
awk -v shown="$shown" '
	{ millis = $1; sub(/^\[/, "", millis); sub(/ms\].*/, "", millis); tid = $1; sub(/^.*\]\[/, "", tid); sub(/\]$/, "", tid) }
	$2 == "org.eclipse.e4.ui.internal.workbench.swt.E4Application" { main = tid; on = 1 }
	on && millis + 0 > shown + 0 { exit }
	on && tid == main && $4 ~ /\/plugins\/[^\/]*\.jar$/ && $2 !~ /\$\$Lambda|\/0x/ {
		bundle = $4; sub(/^.*\/plugins\//, "", bundle); sub(/_[0-9]+\.[0-9]+\.[0-9]+[^\/]*\.jar$/, "", bundle)
		if (bundle != "com.securemailmerge.app" && bundle != "com.securemailmerge.startup") print bundle, $2
	}' "$work/classes.log" >"$work/list"
count=$(wc -l <"$work/list")
[ "$count" -gt 100 ] || { echo "preload-list: only $count classes found; the log is in $work (kept)" >&2; trap - EXIT; exit 1; }
{
	echo "# The classes the main thread loads while the first window is built, in that order: a bundle's"
	echo "# symbolic name and a class name a line. Read by ClassPreload on a second thread at start-up."
	echo "# Written by tests/com.securemailmerge.benchmarks/preload-list.sh; do not edit by hand."
	cat "$work/list"
} >"$list"
echo "preload-list: $count classes written to $list"
