#!/usr/bin/env bash
# REST read throughput (issue 18): starts the gateway (simulated venue) and a Javalin hello-JSON reference
# (dev.leash.bench.HelloJson, same Javalin) on free loopback ports, both with the gateway launcher's JVM options
# (bin/gateway.jvm-args), and runs wrk against each read endpoint and the reference in turn, ROUNDS (3) times, each
# endpoint run right after its own reference run so both see the same load from other tenants. Prints the medians
# of req/s, of the per-pair ratio to the reference and of the p99 latency at CONNS (16) connections, and fails (exit 1) when RATIO_MIN or P99_MAX_MS is set and
# an endpoint misses it.
#
#   benchmarks/rest-load.sh                         # 3 rounds of 5 s per run, 16 connections
#   DURATION=3 WARMUP=2 SKIP_BUILD=1 benchmarks/rest-load.sh
#   RATIO_MIN=0.64 benchmarks/rest-load.sh          # fail below 80 % of the 0.8x goal (the CI guard)
#
# Needs wrk (Debian: apt-get install wrk). Loopback only; every wait is bounded; both JVMs are stopped at the end.
set -euo pipefail

DURATION=${DURATION:-5}
ROUNDS=${ROUNDS:-3}
WARMUP=${WARMUP:-5}
CONNS=${CONNS:-16}
THREADS=${THREADS:-2}
ENDPOINTS=${ENDPOINTS:-/api/state /api/positions /api/params /api/health}
cd "$(dirname "$0")/.."
GATEWAY_JAR=gateway/target/leash-gateway.jar
BENCH_JAR=benchmarks/target/benchmarks.jar
command -v wrk >/dev/null || { echo "rest-load.sh needs wrk (apt-get install wrk)"; exit 2; }
if [[ "${SKIP_BUILD:-0}" != 1 ]]; then
  ./mvnw -q -B -pl benchmarks -am package -DskipTests
fi
source benchmarks/lib.sh
# run URL SECONDS: "req/s p99_ms non2xx" of one wrk run
run() {
  wrk -t"$THREADS" -c"$CONNS" -d"$2"s --latency "$1" >"$tmp/wrk.out" 2>&1 || { cat "$tmp/wrk.out"; exit 1; }
  wrk_stats "$tmp/wrk.out"
}

api_port=$(free_port); hello_port=$(free_port)
data="$tmp/data"; mkdir -p "$data"
java @bin/gateway.jvm-args -jar "$GATEWAY_JAR" run --data-dir "$data" --port "$api_port" --speed 60 \
  >"$tmp/gw.out" 2>"$tmp/gw.err" &
pids+=("$!"); gw=$!
java @bin/gateway.jvm-args -cp "$BENCH_JAR" dev.leash.bench.HelloJson "$hello_port" >"$tmp/hello.out" 2>"$tmp/hello.err" &
pids+=("$!"); hello=$!
await_http "http://127.0.0.1:$api_port/api/state" "$gw" gateway || exit 1
await_http "http://127.0.0.1:$hello_port/hello" "$hello" "hello-JSON reference" || exit 1
reference="http://127.0.0.1:$hello_port/hello"

echo "duration=${DURATION}s x $ROUNDS rounds (medians) conns=$CONNS threads=$THREADS nproc=$(nproc) load=$(cut -d' ' -f1-3 /proc/loadavg)"
echo "JVM options (both): $(grep -v '^#' bin/gateway.jvm-args | sed 's/ *#.*//' | xargs)"
run "$reference" "$WARMUP" >/dev/null
for e in $ENDPOINTS; do run "http://127.0.0.1:$api_port$e" "$WARMUP" >/dev/null; done
printf '%-15s %9s %9s %9s %6s %8s %8s\n' endpoint "req/s" "ref req/s" ratio "p99ms" "ref p99" non2xx
fail=0
for e in $ENDPOINTS; do
  : >"$tmp/rows"
  for _ in $(seq 1 "$ROUNDS"); do # alternate: a burst from other tenants hits one pair, not every figure
    read -r ref_rps ref_p99 _ < <(run "$reference" "$DURATION")
    read -r rps p99 bad < <(run "http://127.0.0.1:$api_port$e" "$DURATION")
    echo "$rps $ref_rps $(awk -v a="$rps" -v b="$ref_rps" 'BEGIN {printf "%.2f", (b > 0 ? a / b : 0)}') $p99 $ref_p99 $bad" \
      >>"$tmp/rows"
  done
  med() { awk -v c="$1" '{print $c}' "$tmp/rows" | sort -g | awk '{v[NR] = $1} END {print v[int((NR + 1) / 2)]}'; }
  rps=$(med 1); ref_rps=$(med 2); ratio=$(med 3); p99=$(med 4); ref_p99=$(med 5)
  bad=$(awk '{s += $6} END {print s + 0}' "$tmp/rows")
  printf '%-15s %9s %9s %8sx %6s %8s %8s\n' "$e" "$rps" "$ref_rps" "$ratio" "$p99" "$ref_p99" "$bad"
  [[ "$bad" == 0 ]] || { echo "$e answered $bad non-2xx responses"; fail=1; }
  if [[ -n "${RATIO_MIN:-}" ]] && awk -v r="$ratio" -v m="$RATIO_MIN" 'BEGIN {exit !(r < m)}'; then
    echo "$e: ratio $ratio below $RATIO_MIN"; fail=1
  fi
  if [[ -n "${P99_MAX_MS:-}" ]] && awk -v p="$p99" -v m="$P99_MAX_MS" 'BEGIN {exit !(p > m)}'; then
    echo "$e: p99 $p99 ms above $P99_MAX_MS ms"; fail=1
  fi
done
exit "$fail"
