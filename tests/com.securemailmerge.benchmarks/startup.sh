#!/bin/sh
# Start-up benchmark, run by `./bench startup` after it has built both products: the time from
# starting the product to its workbench window being shown, against the bare E4 application
# (releng/com.securemailmerge.bare.product) built from the same target platform.
#
# Both are started the same way: `java -jar plugins/org.eclipse.equinox.launcher_*.jar` from the
# product folder with the product's JVM options (its jvm.properties, which securemailmerge.sh
# reads too) and a
# fresh -data folder per run. A run ends when the start-up probe (bundle com.securemailmerge.startup,
# in tools/, added to both with -Dosgi.bundles) writes the time after the first window has painted; it then closes the
# workbench. One unmeasured warm-up of each, then product and bare application alternately,
# SMM_STARTUP_RUNS times each (default 5); prints the medians and their ratio. Without a display it
# runs under Xvfb, like ./test.
# A run that shows no window within SMM_STARTUP_TIMEOUT seconds (default 120) is killed and the
# benchmark fails.
set -eu
root=$(cd "$(dirname "$0")/../.." && pwd)
# the start-up probe, never shipped: added to each start as the product tests add their driver
probe_jar=$(ls "$root"/tools/com.securemailmerge.startup/target/com.securemailmerge.startup-*.jar 2>/dev/null | head -n 1)
[ -n "$probe_jar" ] || { echo "the start-up probe is not built: ./mvnw verify -pl tools/com.securemailmerge.startup -am" >&2; exit 1; }
self=$root/tests/com.securemailmerge.benchmarks/startup.sh
runs=${SMM_STARTUP_RUNS:-5}
timeout=${SMM_STARTUP_TIMEOUT:-120}
product=$root/releng/com.securemailmerge.product/target/products/com.securemailmerge.product/linux/gtk/x86_64/SecureMailMerge
bare=$root/releng/com.securemailmerge.bare.product/target/products/com.securemailmerge.bare.product/linux/gtk/x86_64/BareE4

fail() {
	echo "startup: $*" >&2
	exit 1
}

if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
	command -v xvfb-run >/dev/null 2>&1 || fail "no display and no xvfb-run (run .ci/install-deps as root)"
	if command -v dbus-run-session >/dev/null 2>&1; then
		exec xvfb-run -a -s "-screen 0 1600x1000x24" dbus-run-session -- "$self" "$@"
	fi
	exec xvfb-run -a -s "-screen 0 1600x1000x24" "$self" "$@"
fi

. "$root/.mvn/find-jdk.sh"
java=$JAVA_HOME/bin/java

for dir in "$product" "$bare"; do
	[ -d "$dir/plugins" ] || fail "$dir is missing: ./bench startup builds it"
done
# The product's JVM options: those its launcher scripts pass, from its jvm.properties.
[ -f "$product/jvm.properties" ] || fail "$product/jvm.properties is missing"
vmargs="$(sed -n 's/^options=//p' "$product/jvm.properties") -Xmx$(sed -n 's/^heap=//p' "$product/jvm.properties")"
[ "$vmargs" != " -Xmx" ] || fail "$product/jvm.properties names no options"
echo "startup: JVM options of both: $vmargs" >&2
case $(date +%s%3N) in
*[!0-9]*) fail "needs GNU date (date +%s%3N)" ;;
esac
now_ms() {
	date +%s%3N
}

# Wait for the X server before the first start (a start too early fails in gtk_init_check).
if [ -n "${DISPLAY:-}" ] && command -v xdpyinfo >/dev/null 2>&1; then
	tries=0
	until xdpyinfo >/dev/null 2>&1; do
		tries=$((tries + 1))
		[ "$tries" -lt 100 ] || fail "the X server on $DISPLAY does not answer"
		sleep 0.1
	done
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/smm-startup.XXXXXX")
pid=""
cleanup() {
	if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
		kill "$pid" 2>/dev/null || true
	fi
	rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# Keeps a failed run's output in target/ (the work folder is removed on exit).
keep_log() {
	mkdir -p "$root/target"
	cp "$1" "$root/target/bench-startup-failed-run.log" 2>/dev/null || true
	echo "$root/target/bench-startup-failed-run.log"
}

# start_once NAME DIR: starts the product in DIR once and sets $elapsed to the milliseconds from
# the start of the process to the time the probe wrote.
count=0
start_once() {
	name=$1
	dir=$2
	count=$((count + 1))
	run=$work/$count-$name
	mkdir -p "$run/data"
	probe=$run/window-shown
	launcher=$(ls "$dir"/plugins/org.eclipse.equinox.launcher_*.jar 2>/dev/null | head -n 1)
	[ -n "$launcher" ] || fail "$dir/plugins/org.eclipse.equinox.launcher_*.jar is missing"
	started=$(now_ms)
	# shellcheck disable=SC2086 # $vmargs is a list of options
	(cd "$dir" && exec "$java" $vmargs -Dosgi.requiredJavaVersion=21 \
		-Dosgi.bundles=org.eclipse.equinox.simpleconfigurator@1:start,reference:file:"$probe_jar"@4:start \
		-Dsmm.startup.probe="$probe" -Dsmm.startup.exit=true \
		-jar "$launcher" -nosplash -data "$run/data") >"$run/output.log" 2>&1 &
	pid=$!
	polls=0
	while [ ! -f "$probe" ]; do
		if ! kill -0 "$pid" 2>/dev/null; then
			code=0
			wait "$pid" || code=$?
			pid=""
			[ -f "$probe" ] && break
			fail "$name exited (code $code) without showing its window; its output: $(keep_log "$run/output.log")"
		fi
		polls=$((polls + 1))
		if [ "$polls" -gt $((timeout * 10)) ]; then
			kill "$pid" 2>/dev/null || true
			sleep 2
			kill -9 "$pid" 2>/dev/null || true
			pid=""
			fail "$name showed no window within $timeout s and was killed; its output: $(keep_log "$run/output.log")"
		fi
		sleep 0.1
	done
	shown=$(cat "$probe")
	case $shown in
	'' | *[!0-9]*) fail "$name: the probe wrote '$shown', not a time in milliseconds" ;;
	esac
	elapsed=$((shown - started))
	# The probe closes the workbench; wait for the JVM to end so that runs never overlap.
	if [ -n "$pid" ]; then
		waited=0
		while kill -0 "$pid" 2>/dev/null && [ "$waited" -lt 600 ]; do
			sleep 0.1
			waited=$((waited + 1))
		done
		if kill -0 "$pid" 2>/dev/null; then
			echo "startup: $name did not exit 60 s after its window was shown; killed it" >&2
			kill -9 "$pid" 2>/dev/null || true
		fi
		wait "$pid" 2>/dev/null || true
		pid=""
	fi
}

seconds() {
	awk -v ms="$1" 'BEGIN { printf "%.2f", ms / 1000 }'
}

median() {
	printf '%s\n' "$@" | sort -n | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

echo "startup: warm-up (not measured)" >&2
start_once product "$product"
start_once bare "$bare"
product_ms=""
bare_ms=""
i=1
while [ "$i" -le "$runs" ]; do
	start_once product "$product"
	product_ms="$product_ms $elapsed"
	echo "startup: run $i/$runs product $(seconds "$elapsed") s" >&2
	start_once bare "$bare"
	bare_ms="$bare_ms $elapsed"
	echo "startup: run $i/$runs bare $(seconds "$elapsed") s" >&2
	i=$((i + 1))
done

# shellcheck disable=SC2086 # the lists are numbers separated by spaces
product_median=$(median $product_ms)
# shellcheck disable=SC2086
bare_median=$(median $bare_ms)
echo "startup.product_s=$(seconds "$product_median") s"
echo "startup.bare_s=$(seconds "$bare_median") s"
awk -v p="$product_median" -v b="$bare_median" 'BEGIN { printf "startup.ratio=%.2f x\n", p / b }'
