#!/usr/bin/env bash
# Backtest at scale (issue 18): generates a deterministic CSV of 10 M 5-minute bars into a temporary directory,
# runs the CLI backtest on it end to end under -Xmx1g, and prints bars/s and peak RSS. In the same invocation it
# runs the reference, a plain Java line count of the same file under the same heap (and `wc -l` for scale), and
# prints the ratio of the medians.
#
#   benchmarks/backtest-scale.sh                 # 10 M bars, 3 runs, -Xmx1g
#   BARS=1000000 RUNS=5 benchmarks/backtest-scale.sh
#   SKIP_BUILD=1 benchmarks/backtest-scale.sh    # reuse gateway/target and benchmarks/target jars
#
# Peak RSS is /usr/bin/time -v's "Maximum resident set size" when present, else the last VmHWM read from /proc.
set -euo pipefail

BARS=${BARS:-10000000}
RUNS=${RUNS:-3}
HEAP=${HEAP:--Xmx1g}
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

# run LABEL CMD...: runs CMD with stdout to $tmp/LABEL.out and stderr to $tmp/LABEL.err; sets WALL_S and PEAK_MB.
run() {
  local label=$1; shift
  local start end
  start=$(date +%s%N)
  if [[ -x /usr/bin/time ]]; then
    /usr/bin/time -v -o "$tmp/$label.time" "$@" >"$tmp/$label.out" 2>"$tmp/$label.err"
    end=$(date +%s%N)
    PEAK_MB=$(awk -F': ' '/Maximum resident set size/ {printf "%.0f", $2 / 1024}' "$tmp/$label.time")
  else
    "$@" >"$tmp/$label.out" 2>"$tmp/$label.err" &
    local pid=$! hwm=0 kb
    while kill -0 "$pid" 2>/dev/null; do
      kb=$(awk '/VmHWM/ {print $2}' "/proc/$pid/status" 2>/dev/null || true)
      [[ -n "$kb" ]] && hwm=$kb
      sleep 0.1
    done
    wait "$pid"
    end=$(date +%s%N)
    PEAK_MB=$((hwm / 1024))
  fi
  WALL_S=$(awk -v a="$start" -v b="$end" 'BEGIN {printf "%.3f", (b - a) / 1e9}')
}

median() { sort -g | awk '{v[NR] = $1} END {print v[int((NR + 1) / 2)]}'; }

echo "bars=$BARS runs=$RUNS heap=$HEAP nproc=$(nproc) load=$(cut -d' ' -f1-3 /proc/loadavg)"
: >"$tmp/cli.rates"; : >"$tmp/cli.peaks"; : >"$tmp/ref.rates"; : >"$tmp/wc.rates"
for i in $(seq 1 "$RUNS"); do
  run cli java "$HEAP" -jar "$GATEWAY_JAR" backtest --data "$csv"
  grep -q "\"bars\"" "$tmp/cli.out" || { echo "backtest failed:"; cat "$tmp/cli.err"; exit 1; }
  cli_rate=$(awk -v n="$BARS" -v s="$WALL_S" 'BEGIN {printf "%.0f", n / s}')
  cli_peak=$PEAK_MB; cli_wall=$WALL_S
  echo "$cli_rate" >>"$tmp/cli.rates"; echo "$cli_peak" >>"$tmp/cli.peaks"

  run ref java "$HEAP" -cp "$BENCH_JAR" dev.leash.bench.CsvLineCount "$csv"
  ref_rate=$(awk -v n="$BARS" -v s="$WALL_S" 'BEGIN {printf "%.0f", n / s}')
  echo "$ref_rate" >>"$tmp/ref.rates"; ref_wall=$WALL_S; ref_peak=$PEAK_MB

  run wc wc -l "$csv"
  wc_rate=$(awk -v n="$BARS" -v s="$WALL_S" 'BEGIN {printf "%.0f", n / s}')
  echo "$wc_rate" >>"$tmp/wc.rates"

  printf 'run %d: CLI %.2f M bars/s (%s s, peak RSS %s MB) | Java line count %.2f M lines/s (%s s, %s MB) | wc -l %.2f M lines/s\n' \
    "$i" "$(awk -v r="$cli_rate" 'BEGIN {print r / 1e6}')" "$cli_wall" "$cli_peak" \
    "$(awk -v r="$ref_rate" 'BEGIN {print r / 1e6}')" "$ref_wall" "$ref_peak" \
    "$(awk -v r="$wc_rate" 'BEGIN {print r / 1e6}')"
done
tr '\r' '\n' <"$tmp/cli.err" | grep -E '^(read|backtest.*100%)' | sed 's/^/  last CLI run: /'
cli_med=$(median <"$tmp/cli.rates"); ref_med=$(median <"$tmp/ref.rates"); wc_med=$(median <"$tmp/wc.rates")
peak_med=$(median <"$tmp/cli.peaks"); peak_max=$(sort -g "$tmp/cli.peaks" | tail -n 1)
awk -v c="$cli_med" -v r="$ref_med" -v w="$wc_med" -v p="$peak_med" -v m="$peak_max" -v n="$RUNS" 'BEGIN {
  printf "median of %d: CLI %.2f M bars/s end to end, peak RSS %d MB (max %d) | Java line count %.2f M lines/s | wc -l %.2f M lines/s\n", n, c / 1e6, p, m, r / 1e6, w / 1e6
  printf "ratio CLI / Java line count: %.2f (goal: CLI >= 2 M bars/s under the heap limit)\n", c / r
}'
echo "load at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
