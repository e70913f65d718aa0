#!/usr/bin/env bash
# Proves that benchmarks/ratio-guard.sh can fail: runs it with SLOW_SUBJECT=1 (an engine timed at half its speed,
# /api/state requests delayed on the client) and few, short rounds, and fails unless the guard exits 1 with a
# measured FAIL for each ratio (a FAIL because something did not run does not count). 40 s to 1.5 min; run by .ci/run.
#
#   benchmarks/ratio-guard-selftest.sh          # on the jars in gateway/target and benchmarks/target
set -euo pipefail
cd "$(dirname "$0")/.."
out=$(mktemp)
trap 'rm -f "$out"' EXIT
rc=0
SLOW_SUBJECT=1 SKIP_BUILD=1 BACKTEST_ROUNDS=3 BACKTEST_RETRY_ROUNDS=3 REST_WARMUP_ROUNDS=2 REST_WARMUP_MAX=8 REST_WARMUP_REQUESTS=50000 REST_ROUNDS=3 \
  REST_RETRY_ROUNDS=3 REST_DURATION=1 SLOW_DELAY_MS=5 benchmarks/ratio-guard.sh >"$out" 2>&1 || rc=$?
grep '^ratio guard' "$out" || true
ok=1
[[ "$rc" == 1 ]] || { echo "self-test: the guard exited $rc, not 1"; ok=0; }
grep -Eq '^ratio guard: backtest FAIL: cpu ratio 0\.[0-9]+x over 3 rounds .*, again 0\.[0-9]+x over 3 rounds' "$out" \
  || { echo "self-test: no measured backtest FAIL for the slowed engine"; ok=0; }
grep -Eq '^ratio guard: /api/state FAIL: ratio 0\.[0-9]+x over 3 rounds, again 0\.[0-9]+x over 3 rounds' "$out" \
  || { echo "self-test: no measured /api/state FAIL for the slowed endpoint"; ok=0; }
if [[ "$ok" == 1 ]]; then
  echo "ratio guard self-test: PASS (the guard fails on slowed subjects)"
else
  cat "$out"; echo "ratio guard self-test: FAIL"; exit 1
fi
