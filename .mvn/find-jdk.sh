# Sourced by ./start, ./test, ./bench and .ci/run (the Maven wrapper stays as Apache ships it):
# makes JAVA_HOME point at a JDK 21 or newer. Calling ./mvnw yourself: `. .mvn/find-jdk.sh` first.
# Order: JAVA_HOME if new enough, then `java` on PATH, then the usual install folders.
# Stops with one line naming the JDK it needs when none is found.
smm_java_major() {
  "$1/bin/java" -XshowSettings:properties -version 2>&1 |
    sed -n 's/^ *java\.specification\.version = \([0-9]*\).*/\1/p' | head -n 1
}
smm_find_jdk() {
  _smm_c=""
  [ -n "${JAVA_HOME-}" ] && _smm_c="$JAVA_HOME"
  if command -v javac >/dev/null 2>&1; then
    _smm_c="$_smm_c
$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")"
  fi
  _smm_noglob=""
  case $- in *f*) _smm_noglob=1; set +f ;; esac
  for _smm_d in /usr/lib/jvm/* /opt/java/* /Library/Java/JavaVirtualMachines/*/Contents/Home "$HOME"/.sdkman/candidates/java/*; do
    _smm_c="$_smm_c
$_smm_d"
  done
  [ -z "$_smm_noglob" ] || set -f
  _smm_old_ifs=$IFS
  IFS='
'
  for _smm_d in $_smm_c; do
    [ -x "$_smm_d/bin/javac" ] || continue
    _smm_v=$(smm_java_major "$_smm_d")
    if [ -n "$_smm_v" ] && [ "$_smm_v" -ge 21 ]; then
      IFS=$_smm_old_ifs
      JAVA_HOME="$_smm_d"
      export JAVA_HOME
      return 0
    fi
  done
  IFS=$_smm_old_ifs
  echo "SecureMailMerge needs a JDK 21 or newer (Temurin 25 recommended): install one or set JAVA_HOME to it." >&2
  return 1
}
smm_find_jdk || exit 1
