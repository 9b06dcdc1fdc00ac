#!/usr/bin/env bash
# Kafka ingest → score → decision published (issue 12; docs/benchmarks.md, "Kafka ingest"): starts a KRaft broker
# (the kafka-broker module's class path: the Apache Kafka artifacts the build fetched, nothing downloaded), a Ferret
# server (demo users, no demo data, no simulator) on a fresh PostgreSQL database with Kafka configured, then
# scripts/KafkaBench.java: an open-loop producer of new postal declarations at each target rate for STEP seconds and
# a consumer of the decisions topic measuring arrival-to-decision latency per 10 s window and per step. Bounded:
# STEP per rate, loopback only, broker and server stopped at the end.
#
#   scripts/bench-kafka.sh                                  # 500,1000,2000,3000,5000/s, 60 s each
#   RATES=5000 STEP=300 scripts/bench-kafka.sh              # the bar: 5,000/s sustained for 5 minutes
#   JFR=1 RATES=2000 scripts/bench-kafka.sh                 # and a JFR recording of the server over the steps
#
# Settings (environment): RATES (500,1000,2000,3000,5000), STEP (60 s), WINDOW (10 s), DRAIN (30 s after each step),
# WARMUP (30 s at the first rate before the steps, not counted: model load, history replay, JIT),
# PARTITIONS (6), CONCURRENCY (consumer threads in the server, 1), JAR (server/target/ferret.jar, copied to WORK
# first), PG_URL (jdbc:postgresql://127.0.0.1:5432/ferret_kbench: dropped and made again), PG_USER (postgres),
# SERVER_ARGS (more --ferret… arguments), REWRITE (1: pgjdbc's reWriteBatchedInserts, a batch insert sent as
# multi-row inserts; 0: off), SERVER_HEAP (1g), SERVER_JVM (more JVM options), JFR (1: record the server to $WORK/server.jfr),
# WORK (a new directory under /tmp), PORT (18480), PARCELS_DIR (/tmp/ferret-bench-kafka-parcels: the demo model,
# trained by the first run, minutes on a loaded machine, and kept for the next).
# Output: a line per window, a markdown table of the steps and the load average before and after, on stdout.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$here/scripts/find-jdk.sh"
jdk="$(find_jdk)"
java="$jdk/bin/java"

RATES="${RATES:-500,1000,2000,3000,5000}"
STEP="${STEP:-60}"
WINDOW="${WINDOW:-10}"
DRAIN="${DRAIN:-30}"
WARMUP="${WARMUP:-30}"
PARTITIONS="${PARTITIONS:-6}"
CONCURRENCY="${CONCURRENCY:-1}"
JAR="${JAR:-$here/server/target/ferret.jar}"
PG_URL="${PG_URL:-jdbc:postgresql://127.0.0.1:5432/ferret_kbench}"
PG_USER="${PG_USER:-postgres}"
SERVER_ARGS="${SERVER_ARGS:-}"
REWRITE="${REWRITE:-1}"
[ "$REWRITE" = 1 ] && SERVER_ARGS="--spring.datasource.hikari.data-source-properties.reWriteBatchedInserts=true $SERVER_ARGS"
SERVER_HEAP="${SERVER_HEAP:-1g}"
SERVER_JVM="${SERVER_JVM:-}" # more JVM options for the server, e.g. -Xlog:gc:file=/tmp/gc.log
WORK="${WORK:-$(mktemp -d /tmp/ferret-bench-kafka.XXXXXX)}"
PORT="${PORT:-18480}"
PARCELS_DIR="${PARCELS_DIR:-/tmp/ferret-bench-kafka-parcels}" # the demo model, trained on the first run (fixed seeds), kept
broker_dir="$here/kafka-broker/target"
[ -f "$JAR" ] || { echo "bench-kafka: no $JAR (./mvnw -o -q -pl server -am package -DskipTests)" >&2; exit 2; }
[ -f "$broker_dir/broker.classpath" ] || { echo "bench-kafka: no $broker_dir/broker.classpath (build the kafka-broker module)" >&2; exit 2; }
broker_cp="$broker_dir/classes:$(cat "$broker_dir/broker.classpath")"
mkdir -p "$WORK"
cp "$JAR" "$WORK/ferret.jar" # never run a jar that a build may rewrite

pids=()
stop() { # pid: TERM, then KILL after 30 s (a server whose broker is gone can hang in its shutdown)
  kill "$1" 2>/dev/null || return 0
  for _ in $(seq 1 30); do kill -0 "$1" 2>/dev/null || return 0; sleep 1; done
  kill -9 "$1" 2>/dev/null || true
}
cleanup() {
  # the server first (while its broker still answers), then the broker (it stops when its standard input closes)
  for ((k = ${#pids[@]} - 1; k >= 0; k--)); do
    [ "$k" -eq 0 ] && exec 9>&- 2>/dev/null
    stop "${pids[$k]}"
  done
  wait 2>/dev/null || true
}
trap cleanup EXIT

# the broker: its standard input a fifo held open by this shell
mkfifo "$WORK/broker.in"
"$java" -Xmx512m -cp "$broker_cp" ferret.testbroker.KafkaBroker "$PARTITIONS" <"$WORK/broker.in" >"$WORK/broker.log" 2>&1 &
pids+=($!)
exec 9>"$WORK/broker.in"
until=$((SECONDS + 120))
until grep -q '^FERRET-KAFKA-BROKER ' "$WORK/broker.log"; do
  [ $SECONDS -lt $until ] || { echo "bench-kafka: the broker did not start; see $WORK/broker.log" >&2; exit 1; }
  sleep 1
done
bootstrap="$(sed -n 's/^FERRET-KAFKA-BROKER //p' "$WORK/broker.log" | head -1)"
echo "bench-kafka: broker at $bootstrap" >&2

# a fresh database
db="${PG_URL##*/}"
pg_host="$(sed -E 's#^jdbc:postgresql://([^:/]+).*#\1#' <<<"$PG_URL")"
pg_port="$(sed -nE 's#^jdbc:postgresql://[^:/]+:([0-9]+)/.*#\1#p' <<<"$PG_URL")"
psql -q -h "$pg_host" -p "${pg_port:-5432}" -U "$PG_USER" -d postgres -c "drop database if exists $db" -c "create database $db" >/dev/null

in=bench.parcels.declarations.POST out=bench.parcels.decisions.POST
jfr=()
[ "${JFR:-}" = 1 ] && jfr=(-XX:StartFlightRecording=filename="$WORK/server.jfr",settings=profile)
# shellcheck disable=SC2086
FERRET_DATA_DIR="$WORK/data" FERRET_DB_URL="$PG_URL" FERRET_DB_USER="$PG_USER" FERRET_DB_PASSWORD= \
  "$java" -Xmx"$SERVER_HEAP" $SERVER_JVM --enable-native-access=ALL-UNNAMED "${jfr[@]}" -jar "$WORK/ferret.jar" demo \
  --server.address=127.0.0.1 --server.port="$PORT" --ferret.parcels.data-dir="$PARCELS_DIR" --ferret.demo-data=false --ferret.parcels.simulate=false \
  --ferret.parcels.kafka.bootstrap-servers="$bootstrap" \
  --ferret.parcels.kafka.operators.POST.declarations="$in" --ferret.parcels.kafka.operators.POST.decisions="$out" \
  --ferret.parcels.kafka.dead-letter-topic=bench.parcels.dead-letter --ferret.parcels.kafka.create-topics=true \
  --ferret.parcels.kafka.partitions="$PARTITIONS" --ferret.parcels.kafka.concurrency="$CONCURRENCY" \
  --ferret.parcels.kafka.group-id=bench $SERVER_ARGS >"$WORK/server.log" 2>&1 &
server_pid=$!
pids+=($server_pid)
until=$((SECONDS + 600))
until curl -sf "http://127.0.0.1:$PORT/actuator/health" >/dev/null 2>&1; do
  kill -0 "$server_pid" 2>/dev/null || { echo "bench-kafka: the server ended; see $WORK/server.log" >&2; exit 1; }
  [ $SECONDS -lt $until ] || { echo "bench-kafka: the server did not start; see $WORK/server.log" >&2; exit 1; }
  sleep 2
done
echo "bench-kafka: server pid $server_pid on 127.0.0.1:$PORT, $PG_URL; work in $WORK" >&2

echo "date: $(date -u +%Y-%m-%dT%H:%MZ); machine: $(nproc) cores; rates $RATES/s, $STEP s each, $PARTITIONS partitions, $CONCURRENCY consumer thread(s)"
echo "load before: $(uptime)"
"$java" -Xmx512m -cp "$broker_cp" "$here/scripts/KafkaBench.java" "$bootstrap" "$in" "$out" "$RATES" "$STEP" "$WINDOW" "$DRAIN" "$WARMUP"
echo "load after: $(uptime)"
echo "server meters: $(curl -sf "http://127.0.0.1:$PORT/actuator/metrics/ferret.parcels.kafka.decisions" 2>/dev/null | head -c 300 || true)"
echo "dead letters: $(grep -c 'could not be processed' "$WORK/server.log" || true) processing failures in the server log"
