#!/usr/bin/env bash
# Memory of a running Leash (issue 18): starts the gateway (simulated venue) and the MCP server (Streamable HTTP)
# on free loopback ports with a temporary data directory, and prints each one's RSS (VmRSS from /proc/PID/status)
# before and after a bounded load: REST_CALLS GETs of /api/state, /api/positions and /api/params on the gateway
# over REST_CONNS (8) concurrent keep-alive connections,
# then MCP_CALLS `tools/call get_positions` on the MCP server (each of which also reads the gateway). It does this
# twice per run: with the JVM options the launchers use (bin/gateway.jvm-args, bin/mcp.jvm-args, the same @argfiles
# run-demo.sh passes), and with no options at all as the reference. Prints the medians over RUNS runs at the end.
#
#   benchmarks/memory.sh                              # 3 runs, 20,000 REST GETs, 10,000 MCP calls
#   RUNS=1 REST_CALLS=2000 MCP_CALLS=1000 benchmarks/memory.sh
#   SKIP_BUILD=1 benchmarks/memory.sh                 # reuse gateway/target and mcp-server/target jars
#
# Loopback only; every wait and load is bounded; both JVMs are stopped (SIGTERM) after each measurement.
set -euo pipefail

RUNS=${RUNS:-3}
REST_CALLS=${REST_CALLS:-20000}
MCP_CALLS=${MCP_CALLS:-10000}
REST_CONNS=${REST_CONNS:-8}
cd "$(dirname "$0")/.."
GATEWAY_JAR=gateway/target/leash-gateway.jar
MCP_JAR=mcp-server/target/leash-mcp.jar
if [[ "${SKIP_BUILD:-0}" != 1 ]]; then
  ./mvnw -q -B -pl gateway,mcp-server -am package -DskipTests
fi
source benchmarks/lib.sh

rss_mb() { awk '/^VmRSS:/ {printf "%.0f", $2 / 1024}' "/proc/$1/status"; }
median() { sort -g | awk '{v[NR] = $1} END {print v[int((NR + 1) / 2)]}'; }

# measure LABEL GATEWAY_OPTS MCP_OPTS: one measurement; appends "gw_before gw_after_rest gw_after mcp_before
# mcp_after" to $tmp/LABEL.rows. The options are words ("" for none).
measure() {
  local label=$1 gw_opts=$2 mcp_opts=$3
  local data="$tmp/$label-data" api_port mcp_port gw mcp
  mkdir -p "$data"
  api_port=$(free_port); mcp_port=$(free_port)
  # shellcheck disable=SC2086
  java $gw_opts -jar "$GATEWAY_JAR" run --data-dir "$data" --port "$api_port" --speed 60 \
    >"$tmp/$label-gw.out" 2>"$tmp/$label-gw.err" &
  gw=$!; pids=("$gw")
  await_http "http://127.0.0.1:$api_port/api/health" "$gw" gateway any || exit 1
  # shellcheck disable=SC2086
  LEASH_GATEWAY_URL="http://127.0.0.1:$api_port" java $mcp_opts -jar "$MCP_JAR" --http --port "$mcp_port" \
    --data-dir "$data" --token-file "$data/model.token" >"$tmp/$label-mcp.out" 2>"$tmp/$label-mcp.err" &
  mcp=$!; pids+=("$mcp")
  await_http "http://127.0.0.1:$mcp_port/mcp" "$mcp" "MCP server" any || exit 1
  local gw_before mcp_before gw_rest gw_after mcp_after
  gw_before=$(rss_mb "$gw"); mcp_before=$(rss_mb "$mcp")
  python3 benchmarks/memory-load.py rest "$api_port" "$REST_CALLS" "$REST_CONNS" >"$tmp/$label-rest.out"
  gw_rest=$(rss_mb "$gw")
  python3 benchmarks/memory-load.py mcp "$mcp_port" "$MCP_CALLS" "$data/mcp.token" >"$tmp/$label-mcpload.out"
  gw_after=$(rss_mb "$gw"); mcp_after=$(rss_mb "$mcp")
  printf '%-9s gateway %4s -> %4s MB after %s GETs (%s) -> %4s MB after the MCP load | MCP server %4s -> %4s MB after %s\n' \
    "$label" "$gw_before" "$gw_rest" "$REST_CALLS" "$(cat "$tmp/$label-rest.out")" "$gw_after" \
    "$mcp_before" "$mcp_after" "$(cat "$tmp/$label-mcpload.out")"
  echo "$gw_before $gw_rest $gw_after $mcp_before $mcp_after" >>"$tmp/$label.rows"
  kill -TERM "$mcp" "$gw"; wait "$mcp" 2>/dev/null || true; wait "$gw" 2>/dev/null || true
  pids=(); rm -rf "$data"
}

limited_gw=@bin/gateway.jvm-args
limited_mcp=@bin/mcp.jvm-args
echo "runs=$RUNS rest_calls=$REST_CALLS rest_conns=$REST_CONNS mcp_calls=$MCP_CALLS nproc=$(nproc) load=$(cut -d' ' -f1-3 /proc/loadavg)"
echo "gateway options: $(grep -v '^#' bin/gateway.jvm-args | sed 's/ *#.*//' | xargs)"
echo "MCP server options: $(grep -v '^#' bin/mcp.jvm-args | sed 's/ *#.*//' | xargs)"
for i in $(seq 1 "$RUNS"); do
  echo "run $i"
  measure limited "$limited_gw" "$limited_mcp"
  measure reference "" ""
done

col() { awk -v c="$2" '{print $c}' "$tmp/$1.rows" | median; }
echo "medians of $RUNS (MB RSS)          limited  reference   goal"
printf 'gateway idle                      %7s  %9s\n' "$(col limited 1)" "$(col reference 1)"
printf 'gateway after the REST load       %7s  %9s   <= 256\n' "$(col limited 2)" "$(col reference 2)"
printf 'gateway after REST + MCP loads    %7s  %9s   <= 256\n' "$(col limited 3)" "$(col reference 3)"
printf 'MCP server at start               %7s  %9s\n' "$(col limited 4)" "$(col reference 4)"
printf 'MCP server after the MCP load     %7s  %9s   <= 160\n' "$(col limited 5)" "$(col reference 5)"
