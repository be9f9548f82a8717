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

# The JVM options and the default heap, from jvm.properties next to this script (their one place).
options=$(sed -n 's/^options=//p' "$here/jvm.properties" 2>/dev/null)
heap=$(sed -n 's/^heap=//p' "$here/jvm.properties" 2>/dev/null)

# Exit code 23: the workbench asked to be started again (after installing new software).
while :; do
	status=0
	# shellcheck disable=SC2086 # $options is a list of options
	"$java" $first $options -Xmx"${SMM_XMX:-${heap:-1g}}" $headless \
		-Dosgi.requiredJavaVersion=21 \
		-jar "$launcher" ${locale:+-nl "$locale"} "$@" || status=$?
	[ "$status" -eq 23 ] && [ -z "$headless" ] || exit "$status"
done
