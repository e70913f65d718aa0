#!/usr/bin/env bash
# MCP server benchmark (not a test): sequential tools/call get_positions over stdio and HTTP including the gateway
# hop, stdio cold start to the initialize response (with and without the AppCDS archive), tools/list size.
# Usage: mcp-server/perf/run.sh [runs]   (after ./mvnw -B package -DskipTests; needs node/npm and python3)
# Env: BENCH_WARMUP (10000), BENCH_CALLS (3000), BENCH_COLD_STARTS (5), BENCH_STDIO_FLAGS (extra JVM flags of the
# stdio server under load), LEASH_IT_CACHE (~/.cache/leash-it), BENCH_SCRIPT (bench.mjs; curve.mjs: JIT warm-up curve).
set -euo pipefail
cd "$(dirname "$0")/../.."

SDK_VERSION=1.32.2
runs=${1:-1}
gateway_jar=gateway/target/leash-gateway.jar
mcp_jar=$PWD/mcp-server/target/leash-mcp.jar
cds=$PWD/mcp-server/target/leash-mcp.jsa
for f in "$gateway_jar" "$mcp_jar"; do
  [ -f "$f" ] || { echo "bench: $f is missing; build first (./mvnw -B package -DskipTests)"; exit 1; }
done
[ -f "$cds" ] || { echo "bench: no $cds; cold start is measured without AppCDS only"; cds=""; }

sdk=${LEASH_IT_CACHE:-$HOME/.cache/leash-it}/sdk-$SDK_VERSION
if [ ! -d "$sdk/node_modules/@modelcontextprotocol/sdk" ]; then
  mkdir -p "$sdk"
  npm install --prefix "$sdk" --no-audit --no-fund --loglevel=error "@modelcontextprotocol/sdk@$SDK_VERSION" > /dev/null
fi

tmp=$(mktemp -d)
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2> /dev/null || true; done
  for p in "${pids[@]}"; do wait "$p" 2> /dev/null || true; done
  rm -rf "$tmp"
}
trap cleanup EXIT
free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}
wait_for() {
  local deadline=$((SECONDS + 60))
  until [ "$(curl -s -o /dev/null -w '%{http_code}' "$1" || true)" = "$2" ]; do
    [ "$SECONDS" -lt "$deadline" ] || { echo "bench: $1 did not answer $2"; exit 1; }
    sleep 0.2
  done
}

gateway_token=$(python3 -c 'import secrets; print(secrets.token_hex(16))')
model_token=$(python3 -c 'import secrets; print(secrets.token_hex(16))')
mcp_token=$(python3 -c 'import secrets; print(secrets.token_hex(16))')
p1=$(free_port)
p2=$(free_port)
LEASH_GATEWAY_TOKEN=$gateway_token LEASH_MODEL_TOKEN=$model_token java -jar "$gateway_jar" run --data-dir "$tmp/gateway" --port "$p1" --speed 60 \
    > /dev/null 2> "$tmp/gateway.err" &
pids+=($!)
wait_for "http://127.0.0.1:$p1/api/health" 200
LEASH_MCP_TOKEN=$mcp_token LEASH_GATEWAY_URL=http://127.0.0.1:$p1 LEASH_MODEL_TOKEN=$model_token \
    LEASH_MCP_DATA_DIR=$tmp/mcp java -Xlog:disable -Xlog:all=warning:stderr -jar "$mcp_jar" --http --port "$p2" \
    > /dev/null 2> "$tmp/mcp.err" &
pids+=($!)
wait_for "http://127.0.0.1:$p2/mcp" 401

for i in $(seq 1 "$runs"); do
  echo "# run $i of $runs" >&2
  BENCH_SDK_DIR=$sdk BENCH_GATEWAY_URL=http://127.0.0.1:$p1 BENCH_GATEWAY_TOKEN=$model_token \
  BENCH_MCP_URL=http://127.0.0.1:$p2/mcp BENCH_MCP_TOKEN=$mcp_token BENCH_MCP_JAR=$mcp_jar BENCH_CDS_ARCHIVE=$cds \
  BENCH_MCP_DATA_DIR=$tmp/mcp BENCH_STDIO_FLAGS=${BENCH_STDIO_FLAGS:-} node "mcp-server/perf/${BENCH_SCRIPT:-bench.mjs}"
done
