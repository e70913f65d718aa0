#!/usr/bin/env bash
# CI guard for issue 18's ratios, with small iteration counts: fails (exit 1) when a ratio measured in one run falls
# below 80 % of its goal.
#   - backtest: JMH BacktestBenchmark, engine (EngineDriver, the live code path) over the hand-written loop in the
#     same JMH run; goal >= 0.5x, so the guard fails below 0.40x;
#   - REST: benchmarks/rest-load.sh on /api/state against a Javalin hello-JSON in the same run; goal >= 0.8x, so the
#     guard fails below 0.64x.
#
#   benchmarks/ratio-guard.sh                  # builds benchmarks (and the gateway); then about 1 minute on 2 cores
#   SKIP_BUILD=1 benchmarks/ratio-guard.sh
#
# Needs wrk (Debian: apt-get install wrk) and python3. Loopback only.
set -euo pipefail
cd "$(dirname "$0")/.."
BACKTEST_MIN=${BACKTEST_MIN:-0.40}
REST_MIN=${REST_MIN:-0.64}
if [[ "${SKIP_BUILD:-0}" != 1 ]]; then
  ./mvnw -q -B -pl benchmarks -am package -DskipTests
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail=0

java -jar benchmarks/target/benchmarks.jar -foe true -f 1 -wi 2 -w 2s -i 3 -r 2s -prof gc -rf json \
  -rff "$tmp/jmh.json" 'BacktestBenchmark' >"$tmp/jmh.out" 2>&1 || { cat "$tmp/jmh.out"; exit 1; }
python3 - "$tmp/jmh.json" "$BACKTEST_MIN" <<'PY' || fail=1
import json, sys
runs = {r["benchmark"].rsplit(".", 1)[1]: r for r in json.load(open(sys.argv[1]))}
engine, hand = runs["engine"]["primaryMetric"]["score"], runs["baseline"]["primaryMetric"]["score"]
alloc = runs["engine"]["secondaryMetrics"]["gc.alloc.rate.norm"]["score"]
ratio = engine / hand
print(f"backtest: engine {engine / 1e6:.2f} M bars/s, hand loop {hand / 1e6:.2f} M bars/s, ratio {ratio:.2f}x "
      f"(fails below {sys.argv[2]}), {alloc:.1f} B/bar")
sys.exit(0 if ratio >= float(sys.argv[2]) else 1)
PY

SKIP_BUILD=1 DURATION=${REST_DURATION:-4} WARMUP=2 ENDPOINTS=/api/state RATIO_MIN="$REST_MIN" \
  benchmarks/rest-load.sh || fail=1
[[ "$fail" == 0 ]] && echo "ratio guard: ok" || echo "ratio guard: a ratio fell below 80 % of its goal"
exit "$fail"
