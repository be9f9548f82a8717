#!/bin/bash
# Runs every fuzz target with Jazzer (libFuzzer in the JVM) for SECONDS each, starting from the seed
# corpus, and prints fuzz.TARGET.executions, fuzz.TARGET.crashes and the totals. A crash is an
# uncaught exception, a broken check of the target (FuzzFinding), an out-of-memory or a timeout; its
# input is kept under target/fuzz/findings/ with a Java reproducer. Called by ./bench fuzz after the
# module is built (target/fuzz-classpath.txt).
set -uo pipefail
cd "$(dirname "$0")"
seconds=${1:-60}
. ../../.mvn/find-jdk.sh >/dev/null
java="$JAVA_HOME/bin/java"
seeds=$PWD/corpus
classpath="$PWD/target/classes:$(cat target/fuzz-classpath.txt)"
work=$PWD/target/fuzz
rm -rf "$work"
mkdir -p "$work/findings"
total_runs=0
total_crashes=0
for target in AddressLineFuzz TemplateFuzz CsvFuzz CampaignFileFuzz; do
	corpus=$work/corpus/$target
	mkdir -p "$corpus" "$work/findings/$target"
	log=$work/$target.log
	# -keep_going: go on after a finding, so that the count is the number of distinct crashes
	(cd "$work/findings/$target" && "$java" -Xmx1g -cp "$classpath" com.code_intelligence.jazzer.Jazzer \
		--target_class=com.securemailmerge.fuzz.$target --keep_going=50 \
		-max_total_time="$seconds" -timeout=10 -rss_limit_mb=3072 -max_len=8192 \
		"$corpus" "$seeds/$target") >"$log" 2>&1
	status=$?
	runs=$(grep -o 'Done [0-9]* runs' "$log" | tail -1 | grep -o '[0-9]*')
	if [ -z "$runs" ]; then
		runs=$(grep -o '^#[0-9]*' "$log" | tail -1 | tr -d '#')
	fi
	runs=${runs:-0}
	crashes=$(find "$work/findings/$target" -maxdepth 1 -type f \( -name 'crash-*' -o -name 'oom-*' -o -name 'timeout-*' -o -name 'leak-*' \) | wc -l)
	if [ "$crashes" -eq 0 ] && [ "$status" -ne 0 ]; then
		echo "fuzz: $target ended with status $status and no finding, see $log" >&2
		tail -n 20 "$log" >&2
		exit 1
	fi
	echo "fuzz.$target.executions=$runs runs"
	echo "fuzz.$target.crashes=$crashes count"
	total_runs=$((total_runs + runs))
	total_crashes=$((total_crashes + crashes))
done
echo "fuzz.executions=$total_runs runs"
echo "fuzz.crashes=$total_crashes count"
[ "$total_crashes" -eq 0 ]
