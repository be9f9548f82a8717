#!/bin/sh
# SecureMailMerge Workbench launcher for macOS. SWT needs the first thread (-XstartOnFirstThread).
here=$(cd "$(dirname "$0")" && pwd)

java_major() {
	"$1" -XshowSettings:properties -version 2>&1 |
		sed -n 's/^ *java\.specification\.version = \([0-9]*\).*/\1/p' | head -n 1
}

find_java() {
	system_java=""
	[ -x /usr/libexec/java_home ] && system_java="$(/usr/libexec/java_home -v 21+ 2>/dev/null)/bin/java"
	for candidate in ${SMM_JAVA_HOME:+"$SMM_JAVA_HOME/bin/java"} ${JAVA_HOME:+"$JAVA_HOME/bin/java"} \
		"$here/jre/Contents/Home/bin/java" "$here/jre/bin/java" $system_java \
		/Library/Java/JavaVirtualMachines/*/Contents/Home/bin/java "$(command -v java 2>/dev/null)"; do
		[ -n "$candidate" ] && [ -x "$candidate" ] || continue
		major=$(java_major "$candidate")
		if [ -n "$major" ] && [ "$major" -ge 21 ]; then
			echo "$candidate"
			return 0
		fi
	done
	return 1
}

java=$(find_java) || {
	message="SecureMailMerge Workbench needs a Java runtime 21 or newer (for example Eclipse Temurin 25). Install one or set SMM_JAVA_HOME to it."
	echo "$message" >&2
	osascript -e "display alert \"SecureMailMerge Workbench\" message \"$message\"" >/dev/null 2>&1
	exit 1
}

launcher=$(ls "$here"/plugins/org.eclipse.equinox.launcher_*.jar 2>/dev/null | head -n 1)
[ -n "$launcher" ] || { echo "SecureMailMerge Workbench is incomplete: plugins/org.eclipse.equinox.launcher_*.jar is missing." >&2; exit 1; }

# --headless first: the command line (validate, send, report a saved campaign) instead of the
# window. See "SecureMailMerge.command --headless --help".
headless=""
first="-XstartOnFirstThread"
if [ "${1:-}" = --headless ]; then
	shift
	headless="-Djava.awt.headless=true"
	first=""
	set -- -application com.securemailmerge.cli.headless -nosplash "$@"
fi

locale=${SMM_LOCALE:-$(defaults read -g AppleLocale 2>/dev/null)}
locale=${locale%%@*}

# The optimizing JIT compiler (C2) takes a method after 30,000 calls instead of 5,000: at start-up it
# otherwise spends about 0.4 s of CPU on a few framework methods while the window is being built,
# which on two cores slows the start by about 0.2 s. Loops are compiled as before. Kept equal to
# the vmArgs of securemailmerge.product (eclipse.ini); a product test checks that they agree.
jit="-XX:Tier4InvocationThreshold=30000 -XX:Tier4MinInvocationThreshold=10000 -XX:Tier4CompileThreshold=30000"

# Exit code 23: the workbench asked to be started again (after installing new software).
while :; do
	status=0
	# shellcheck disable=SC2086 # $jit is a list of options
	"$java" $first -Xms64m -Xmx"${SMM_XMX:-1g}" -Dfile.encoding=UTF-8 $jit $headless \
		-Dosgi.requiredJavaVersion=21 \
		-jar "$launcher" ${locale:+-nl "$locale"} "$@" || status=$?
	[ "$status" -eq 23 ] && [ -z "$headless" ] || exit "$status"
done
