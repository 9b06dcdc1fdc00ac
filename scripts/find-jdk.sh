# Sourced by ./ferret and .ci/run: find_jdk prints the newest JDK 21+ (JAVA_HOME first if new enough) or fails saying what to install.
java_major() { "$1" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = \([0-9]*\).*/\1/p'; }

find_jdk() {
  local candidates=()
  [ -n "${JAVA_HOME:-}" ] && candidates+=("$JAVA_HOME")
  for d in /usr/lib/jvm/* /usr/local/lib/jvm/* /opt/java/* /opt/jdk* "$HOME"/.sdkman/candidates/java/* /Library/Java/JavaVirtualMachines/*/Contents/Home; do
    [ -d "$d" ] && candidates+=("$d")
  done
  local best="" best_v=0
  for c in "${candidates[@]}"; do
    [ -x "$c/bin/java" ] && [ -x "$c/bin/javac" ] || continue
    local v; v=$(java_major "$c/bin/java")
    if [ -n "$v" ] && [ "$v" -ge 21 ] && [ "$v" -gt "$best_v" ]; then best="$c"; best_v=$v; fi
    # JAVA_HOME wins when it is new enough
    if [ "$c" = "${JAVA_HOME:-}" ] && [ -n "$v" ] && [ "$v" -ge 21 ]; then best="$c"; break; fi
  done
  if [ -z "$best" ]; then
    echo "ferret: no JDK 21 or newer found (looked at JAVA_HOME and /usr/lib/jvm)." >&2
    echo "Install one, e.g. 'apt-get install openjdk-21-jdk' or Temurin 21/25 from adoptium.net, then set JAVA_HOME." >&2
    exit 1
  fi
  echo "$best"
}

