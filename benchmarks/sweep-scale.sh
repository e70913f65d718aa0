#!/usr/bin/env bash
# Parameter sweep at scale (issue 18): generates a deterministic CSV of 1 M 5-minute bars into a temporary
# directory and runs the CLI sweep of 100 parameter sets over it end to end (10 x max_position_pct by 10 x
# breakout_lookback, all cores). In the same invocation it runs the reference: one plain backtest of the same file
# with the same JVM options. It prints the sweep's wall time (goal: < 60 s on 2 cores), the single run's, and the
# sweep's time per parameter set over the single run's (below 1.0 means the cores and the shared read paid off), and
# the sweep's CPU time over the core count: its wall time on cores it does not share with other tenants.
#
#   benchmarks/sweep-scale.sh                    # 1 M bars, 100 sets, -Xmx1g
#   BARS=200000 benchmarks/sweep-scale.sh
#   SKIP_BUILD=1 benchmarks/sweep-scale.sh       # reuse gateway/target and benchmarks/target jars
set -euo pipefail

BARS=${BARS:-1000000}
HEAP=${HEAP:--Xmx1g}
SWEEP_A=${SWEEP_A:-max_position_pct=0.2:2:0.2}
SWEEP_B=${SWEEP_B:-breakout_lookback=12:48:4}
GOAL_S=${GOAL_S:-60}
cd "$(dirname "$0")/.."
if [[ "${SKIP_BUILD:-0}" != 1 ]]; then
  ./mvnw -q -B -pl benchmarks -am package -DskipTests
fi
GATEWAY_JAR=gateway/target/leash-gateway.jar
BENCH_JAR=benchmarks/target/benchmarks.jar
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
csv="$tmp/bars.csv"
java -cp "$BENCH_JAR" dev.leash.bench.CandleCsvFile "$csv" "$BARS" 42

now() { date +%s%N; }
echo "bars=$BARS heap=$HEAP nproc=$(nproc) load=$(cut -d' ' -f1-3 /proc/loadavg)"

start=$(now)
java "$HEAP" -jar "$GATEWAY_JAR" backtest --data "$csv" >"$tmp/single.out" 2>"$tmp/single.err" \
  || { cat "$tmp/single.err"; exit 1; }
single_s=$(awk -v a="$start" -v b="$(now)" 'BEGIN {printf "%.2f", (b - a) / 1e9}')

TIMEFORMAT='%R %U %S'
{ time java "$HEAP" -jar "$GATEWAY_JAR" backtest --data "$csv" --sweep "$SWEEP_A" --sweep "$SWEEP_B" \
    --report "$tmp/sweep.html" >"$tmp/sweep.out" 2>"$tmp/sweep.err" || { cat "$tmp/sweep.err"; exit 1; }; } \
  2>"$tmp/sweep.time"
read -r sweep_s sweep_user sweep_sys <"$tmp/sweep.time"
runs=$(sed -n 's/^sweep: \([0-9]*\) combinations run.*/\1/p' "$tmp/sweep.out")
head -4 "$tmp/sweep.out"
echo "single backtest of $BARS bars: ${single_s} s wall (JVM start and CSV read included)"
echo "sweep of $runs parameter sets x $BARS bars: ${sweep_s} s wall (goal < ${GOAL_S} s), CPU ${sweep_user} s user +" \
  "${sweep_sys} s sys: $(awk -v u="$sweep_user" -v s="$sweep_sys" -v n="$(nproc)" 'BEGIN {printf "%.1f", (u + s) / n}') s" \
  "if this process had the $(nproc) cores to itself"
awk -v s="$sweep_s" -v one="$single_s" -v n="$runs" -v goal="$GOAL_S" 'BEGIN {
  printf "per parameter set: %.3f s, %.2fx a single run; %s\n", s / n, s / n / one,
    (s < goal ? "goal met" : "goal NOT met") }'
awk -v s="$sweep_s" -v goal="$GOAL_S" 'BEGIN { exit !(s < goal) }'
