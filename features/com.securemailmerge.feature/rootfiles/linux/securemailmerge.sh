#!/bin/sh
# SecureMailMerge Workbench launcher for Linux. Finds a Java 21+ runtime, then starts the
# workbench through the Equinox launcher jar with memory and locale options.
here=$(cd "$(dirname "$0")" && pwd)

java_major() {
	"$1" -XshowSettings:properties -version 2>&1 |
		sed -n 's/^ *java\.specification\.version = \([0-9]*\).*/\1/p' | head -n 1
}

find_java() {
	for candidate in ${SMM_JAVA_HOME:+"$SMM_JAVA_HOME/bin/java"} ${JAVA_HOME:+"$JAVA_HOME/bin/java"} \
		"$here/jre/bin/java" "$(command -v java 2>/dev/null)" /usr/lib/jvm/*/bin/java /opt/java/*/bin/java; do
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
	echo "SecureMailMerge Workbench needs a Java runtime 21 or newer (for example Eclipse Temurin 25). Install one or set SMM_JAVA_HOME to it." >&2
	exit 1
}

launcher=$(ls "$here"/plugins/org.eclipse.equinox.launcher_*.jar 2>/dev/null | head -n 1)
[ -n "$launcher" ] || { echo "SecureMailMerge Workbench is incomplete: plugins/org.eclipse.equinox.launcher_*.jar is missing." >&2; exit 1; }

# --headless first: the command line (validate, send, report a saved campaign) instead of the
# window; no display needed, no GUI class loaded. See "securemailmerge.sh --headless --help".
headless=""
if [ "${1:-}" = --headless ]; then
	shift
	headless="-Djava.awt.headless=true"
	set -- -application com.securemailmerge.cli.headless -nosplash "$@"
fi

# Locale: SMM_LOCALE, else the system's (LC_ALL, LC_MESSAGES, LANG), e.g. de_DE.UTF-8 -> de_DE.
locale=${SMM_LOCALE:-${LC_ALL:-${LC_MESSAGES:-${LANG:-}}}}
locale=${locale%%.*}
locale=${locale%%@*}
set -- ${locale:+-nl "$locale"} "$@"
[ "$locale" = C ] || [ "$locale" = POSIX ] && shift 2

# The JVM options and the default heap, from jvm.properties next to this script (their one place).
options=$(sed -n 's/^options=//p' "$here/jvm.properties" 2>/dev/null)
heap=$(sed -n 's/^heap=//p' "$here/jvm.properties" 2>/dev/null)

# Exit code 23: the workbench asked to be started again (after installing new software).
while :; do
	status=0
	# shellcheck disable=SC2086 # $options is a list of options
	"$java" $options -Xmx"${SMM_XMX:-${heap:-1g}}" $headless \
		-Dosgi.requiredJavaVersion=21 \
		-jar "$launcher" "$@" || status=$?
	[ "$status" -eq 23 ] && [ -z "$headless" ] || exit "$status"
done
