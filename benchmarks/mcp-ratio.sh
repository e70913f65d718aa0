#!/usr/bin/env bash
# tools/call get_positions: Leash's MCP server against two TypeScript SDK servers in one run (issue 18), over stdio
# and then Streamable HTTP (BENCH_HTTP=0 skips HTTP): one answering from memory, one doing the same work (GET
# /api/positions on the gateway per call, kept alive). The official TypeScript SDK client drives every server; each
# is warmed with BENCH_WARMUP calls (2000), measured over BENCH_CALLS sequential calls (3000), BENCH_ROUNDS times (3)
# in turn; prints the medians and the ratios per transport.
# Usage: benchmarks/mcp-ratio.sh   (after ./mvnw -B -pl gateway,mcp-server -am package -DskipTests; needs node,
# python3, and npm the first time). Env: BENCH_SDK_DIR (an npm prefix holding @modelcontextprotocol/sdk),
# BENCH_LEASH_FLAGS (extra JVM flags of the Leash server).
set -euo pipefail
cd "$(dirname "$0")/.."

SDK_VERSION=1.32.2
gateway_jar=gateway/target/leash-gateway.jar
mcp_jar=$PWD/mcp-server/target/leash-mcp.jar
for f in "$gateway_jar" "$mcp_jar"; do
  [ -f "$f" ] || { echo "mcp-ratio: $f is missing; build first"; exit 1; }
done
sdk=${BENCH_SDK_DIR:-${LEASH_IT_CACHE:-$HOME/.cache/leash-it}/sdk-$SDK_VERSION}
if [ ! -d "$sdk/node_modules/@modelcontextprotocol/sdk" ]; then
  mkdir -p "$sdk"
  npm install --prefix "$sdk" --no-audit --no-fund --loglevel=error "@modelcontextprotocol/sdk@$SDK_VERSION" > /dev/null
fi

tmp=$(mktemp -d)
gateway_pid=
cleanup() {
  if [ -n "$gateway_pid" ]; then kill "$gateway_pid" 2> /dev/null || true; wait "$gateway_pid" 2> /dev/null || true; fi
  rm -rf "$tmp"
}
trap cleanup EXIT
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
gateway_token=$(python3 -c 'import secrets; print(secrets.token_hex(16))')
model_token=$(python3 -c 'import secrets; print(secrets.token_hex(16))')
LEASH_GATEWAY_TOKEN=$gateway_token LEASH_MODEL_TOKEN=$model_token java -jar "$gateway_jar" run \
    --data-dir "$tmp/gateway" --port "$port" --speed 60 > /dev/null 2> "$tmp/gateway.err" &
gateway_pid=$!
deadline=$((SECONDS + 60))
until [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/api/health" || true)" = 200 ]; do
  [ "$SECONDS" -lt "$deadline" ] || { echo "mcp-ratio: the gateway did not start"; cat "$tmp/gateway.err"; exit 1; }
  sleep 0.2
done

BENCH_SDK_DIR=$sdk BENCH_GATEWAY_URL=http://127.0.0.1:$port BENCH_GATEWAY_TOKEN=$model_token \
BENCH_MCP_JAR=$mcp_jar BENCH_MCP_DATA_DIR=$tmp/mcp node benchmarks/mcp-ratio.mjs
