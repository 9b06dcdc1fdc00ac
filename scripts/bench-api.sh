#!/usr/bin/env bash
# The API under load (issue 17; docs/benchmarks.md, "API under load"): starts one Ferret demo server per variant on
# loopback, makes bearer tokens, and drives each with wrk, alternating the variants round by round so that they share
# whatever else loads the machine. Bounded: DURATION per run, loopback only, servers stopped at the end.
#
#   scripts/bench-api.sh                         # this build, H2, 10 s runs, 4 and 32 connections
#   DB=postgres scripts/bench-api.sh             # the same on PostgreSQL (PG_URL, PG_USER)
#   VARIANTS='before|/tmp/old.jar|;after|server/target/ferret.jar|' ROUNDS=2 scripts/bench-api.sh
#   VARIANTS='platform|server/target/ferret.jar|;virtual|server/target/ferret.jar|--spring.threads.virtual.enabled=true' scripts/bench-api.sh
#   VARIANTS='g1|server/target/ferret.jar||-XX:+UseG1GC;parallel|server/target/ferret.jar||-XX:+UseParallelGC' scripts/bench-api.sh
#
# Settings (environment): VARIANTS ('label|jar|server args|JVM options' separated by ';'; without JVM options a variant
# # gets the ones ./ferret serve uses, FERRET_JAVA_OPTS included; on PostgreSQL variants share the database PG_URL,
# filled with the demo data by the first, unless their args name another with --spring.datasource.url=…), DB (h2|postgres), PG_URL
# (jdbc:postgresql://127.0.0.1:5432/ferret_api), PG_USER (postgres), DURATION (10s), WARMUP (5s), CONNS ('4 32'),
# ROUNDS (1), CASES ('static lookup lookup-own-tokens search item parcels'; parcels: POSTs of BENCH_BATCH (100) new
# postal declarations per request with a postal operator's token, so items/s = req/s × BENCH_BATCH), WORK (a new directory under /tmp), BASE_PORT (18400),
# SEED (H2: a data directory holding a demo database, copied for each variant instead of generating the demo data,
# which takes minutes on a loaded machine; the first run leaves one in $WORK/<first variant>).
# Every connection is its own wrk thread, so "one token per connection" can give each its own token; WRK_THREADS=n
# runs each case with n wrk threads instead (at most one per connection; own tokens are then one per thread): on a
# machine with few cores, 32 client threads compete with the server for them, and so add to its measured tail.
# Output: one markdown table row per run, plus the load average before and after, on stdout. "server CPU" is the CPU
# time (user + system) the variant's JVM used during the run divided by its requests, "db CPU" the same for its
# PostgreSQL backends (found by application_name): a cost per request that other load on the machine inflates far
# less than it does req/s and latency.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$here/scripts/find-jdk.sh"
java="$(find_jdk)/bin/java"
command -v wrk >/dev/null || { echo "bench-api: wrk is needed (apt-get install wrk)" >&2; exit 2; }

VARIANTS="${VARIANTS:-this|$here/server/target/ferret.jar|}"
DB="${DB:-h2}"
PG_URL="${PG_URL:-jdbc:postgresql://127.0.0.1:5432/ferret_api}"
PG_USER="${PG_USER:-postgres}"
DURATION="${DURATION:-10s}"
WARMUP="${WARMUP:-5s}"
CONNS="${CONNS:-4 32}"
ROUNDS="${ROUNDS:-1}"
CASES="${CASES:-static lookup lookup-own-tokens search item parcels}"
WORK="${WORK:-$(mktemp -d /tmp/ferret-bench-api.XXXXXX)}"
BASE_PORT="${BASE_PORT:-18400}"
lua="$here/scripts/bench-api.lua"

IFS=';' read -r -a variants <<<"$VARIANTS"
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; }
trap cleanup EXIT

start() { # label jar args jvm-options port
  local label="$1" jar="$2" args="$3" opts="$4" port="$5" dir="$WORK/$1"
  mkdir -p "$dir"
  if [ "$DB" = h2 ] && [ -n "${SEED:-}" ] && [ ! -e "$dir/demo.mv.db" ]; then cp "$SEED"/demo.mv.db "$dir/"; fi
  local env=(FERRET_DATA_DIR="$dir")
  if [ "$DB" = postgres ]; then
    env+=(FERRET_DB_URL="$PG_URL" FERRET_DB_USER="$PG_USER" FERRET_DB_PASSWORD=)
    args="--spring.datasource.hikari.data-source-properties.ApplicationName=bench-$label $args"
  fi
  [ -n "$opts" ] || opts="$(server_jvm_options)"
  # shellcheck disable=SC2086
  env "${env[@]}" "$java" --enable-native-access=ALL-UNNAMED $opts -jar "$jar" demo --server.address=127.0.0.1 \
    --server.port="$port" --ferret.parcels.simulate=false $args >"$dir/server.log" 2>&1 &
  pids+=($!)
  spid[$label]=$!
  local until=$((SECONDS + 600))
  until curl -sf "http://127.0.0.1:$port/actuator/health" >/dev/null 2>&1; do
    [ $SECONDS -lt $until ] || { echo "bench-api: $label did not start; see $dir/server.log" >&2; exit 1; }
    kill -0 "${spid[$label]}" 2>/dev/null || { echo "bench-api: $label stopped while starting (no database?); see $dir/server.log" >&2; exit 1; }
    sleep 2
  done
  # demo data loads after start on a new database: wait for it, so it does not run beside the load
  if grep -q "synthetic demo items (first start only)" "$dir/server.log"; then
    until grep -q "Loaded .* demo items" "$dir/server.log"; do sleep 2; done
  fi
}

server_jvm_options() { # what ./ferret serve passes to the JVM (keep in step with the launcher)
  local o=""
  if grep -qs '\[\(always\|madvise\)\]' /sys/kernel/mm/transparent_hugepage/enabled; then o="-XX:+UseTransparentHugePages"; fi
  echo "$o ${FERRET_JAVA_OPTS:-}"
}

ticks() { # pid… → user + system CPU clock ticks used so far
  local t=0 p
  for p in "$@"; do t=$((t + $(awk '{print $14 + $15}' "/proc/$p/stat" 2>/dev/null || echo 0))); done
  echo "$t"
}

db_pids() { # label → the PostgreSQL backends of that variant's connection pool
  [ "$DB" = postgres ] || return 0
  psql -h 127.0.0.1 -U "$PG_USER" -d postgres -Atc "select pid from pg_stat_activity where application_name = 'bench-$1'"
}

token() { # port name [role owner] → secret (default an investigator's token: may read the registry and search markings)
  curl -sf -u admin:admin-demo -H 'Content-Type: application/json' \
    -d "{\"name\":\"$2\",\"role\":\"${3:-INVESTIGATOR}\",\"owner\":\"${4:-investigator}\"}" "http://127.0.0.1:$1/api/v1/tokens" |
    sed -E 's/.*"secret":"([^"]+)".*/\1/'
}

max_conns=0
for c in $CONNS; do [ "$c" -gt "$max_conns" ] && max_conns=$c; done
declare -A shared own url postal spid
i=0
for v in "${variants[@]}"; do
  IFS='|' read -r label jar args opts <<<"$v"
  port=$((BASE_PORT + i)); i=$((i + 1))
  echo "bench-api: starting $label ($jar $args; JVM ${opts:-as ./ferret serve}) on 127.0.0.1:$port, $DB" >&2
  start "$label" "$jar" "$args" "$opts" "$port"
  url[$label]="http://127.0.0.1:$port"
  shared[$label]="$(token "$port" "bench shared $label")"
  postal[$label]="$(token "$port" "bench postal $label" POSTAL_OPERATOR postal)"
  list=""
  for n in $(seq 1 "$max_conns"); do list="$list,$(token "$port" "bench $label $n")"; done
  own[$label]="${list#,}"
done
# what to ask for: a serial and an item of the demo registry, read through the first server
first="${variants[0]%%|*}"
summary="$(curl -sf -H "Authorization: Bearer ${shared[$first]}" "${url[$first]}/api/v1/items/marking-required?limit=50")"
serial="$(sed -E 's/.*"serials":\["([^"]+)".*/\1/' <<<"$summary")"
# the item carrying that serial, asked of each variant: variants on databases of their own have their own item ids
declare -A item
for label in "${!url[@]}"; do
  item[$label]="$(curl -sf -H "Authorization: Bearer ${shared[$label]}" "${url[$label]}/api/v1/items?serial=$serial" | sed -E 's/^\[\{"id":"([^"]+)".*/\1/')"
done
pattern="$(sed -E 's/[^A-Za-z0-9]//g; s/.$/%3F/' <<<"$serial")" # the serial with its last character unreadable
echo "bench-api: serial $serial, items ${item[*]}, pattern $pattern" >&2

path_of() { # case [variant label]
  case "$1" in
    static) echo "/js/ferret.js" ;;
    lookup | lookup-own-tokens) echo "/api/v1/items?serial=$serial" ;;
    search) echo "/api/v1/markings/search?q=$pattern" ;;
    item) echo "/api/v1/items/${item[$2]}" ;;
    parcels) echo "/api/v1/parcels/declarations" ;;
  esac
}

echo "load before: $(uptime)"
echo "| round | variant | db | request | connections | req/s | p50 ms | p99 ms | p99.9 ms | non-2xx | socket errors | server CPU µs/req | db CPU µs/req |"
echo "|---|---|---|---|---|---|---|---|---|---|---|---|---|"
for label in "${!url[@]}"; do # warm-up (JIT) of every case on every variant
  for case in $CASES; do
    if [ "$case" = parcels ]; then
      BENCH_TOKENS="${postal[$label]}" wrk -t4 -c4 -d"$WARMUP" -s "$here/scripts/bench-api-parcels.lua" "${url[$label]}$(path_of "$case" "$label")" >/dev/null
    else
      BENCH_TOKENS="${shared[$label]}" wrk -t4 -c4 -d"$WARMUP" -s "$lua" "${url[$label]}$(path_of "$case" "$label")" >/dev/null
    fi
  done
done
for round in $(seq 1 "$ROUNDS"); do
  for c in $CONNS; do
    for case in $CASES; do
      for v in "${variants[@]}"; do
        label="${v%%|*}"
        case "$case" in
          static) tokens="" ;;
          parcels) tokens="${postal[$label]}" ;;
          lookup-own-tokens) tokens="${own[$label]}" ;;
          *) tokens="${shared[$label]}" ;;
        esac
        script="$lua"; [ "$case" = parcels ] && script="$here/scripts/bench-api-parcels.lua"
        dbp=($(db_pids "$label"))
        t0=$(ticks "${spid[$label]}"); d0=$(ticks "${dbp[@]}")
        t=${WRK_THREADS:-$c}; [ "$t" -le "$c" ] || t=$c
        out="$(BENCH_TOKENS="$tokens" wrk -t"$t" -c"$c" -d"$DURATION" --timeout 10s -s "$script" "${url[$label]}$(path_of "$case" "$label")")"
        t1=$(ticks "${spid[$label]}"); d1=$(ticks "${dbp[@]}")
        read -r _ reqs secs non2xx sockerr p50 p99 p999 <<<"$(grep '^RESULT' <<<"$out")"
        awk -v r="$round" -v l="$label" -v db="$DB" -v k="$case" -v c="$c" -v n="$reqs" -v s="$secs" -v e="$non2xx" \
          -v se="$sockerr" -v a="$p50" -v b="$p99" -v d="$p999" -v hz="$(getconf CLK_TCK)" -v st=$((t1 - t0)) -v dt=$((d1 - d0)) \
          'BEGIN { printf "| %s | %s | %s | %s | %s | %.0f | %.2f | %.2f | %.2f | %s | %s | %.0f | %s |\n", r, l, db, k, c, n / s,
            a / 1000, b / 1000, d / 1000, e, se, st * 1e6 / hz / n, db == "postgres" ? sprintf("%.0f", dt * 1e6 / hz / n) : "" }'
      done
    done
  done
done
echo "load after: $(uptime)"
