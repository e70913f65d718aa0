#!/usr/bin/env bash
# Builds Leash, then starts the gateway on the simulated venue at 60x speed (trades show within a minute or two)
# and the MCP server over Streamable HTTP, and prints the `claude mcp add` command that connects Claude Code.
# Ctrl-C stops both.
#
# Env: LEASH_DATA_DIR (default ./leash-data), LEASH_API_PORT (7070), LEASH_MCP_PORT (7071), LEASH_SPEED (60).
# Extra arguments go to `leash-gateway run` (e.g. --config examples/gateway.example.yaml).
set -euo pipefail
cd "$(dirname "$0")"

data=${LEASH_DATA_DIR:-./leash-data}
api_port=${LEASH_API_PORT:-7070}
mcp_port=${LEASH_MCP_PORT:-7071}
gateway_jar=gateway/target/leash-gateway.jar
mcp_jar=mcp-server/target/leash-mcp.jar

stale() {
  [ ! -f "$1" ] || [ -n "$(find pom.xml risk-guard param-store gateway mcp-server examples/outer-loop/prompts \
      -newer "$1" \( -name '*.java' -o -name '*.json' -o -name '*.sql' -o -name '*.md' -o -name 'pom.xml' \) \
      -not -path '*/target/*' -print -quit)" ]
}
if stale "$gateway_jar" || stale "$mcp_jar"; then
  echo "Building Leash (the first build downloads dependencies and takes a few minutes)..." >&2
  ./mvnw -B -q -DskipTests package -pl gateway,mcp-server -am >&2
fi

mkdir -p "$data"
pids=()
stop() {
  for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
}
trap stop EXIT INT TERM

java -jar "$gateway_jar" run --data-dir "$data" --port "$api_port" --speed "${LEASH_SPEED:-60}" "$@" &
pids+=($!)
for _ in $(seq 1 120); do
  curl -fsS "http://127.0.0.1:$api_port/api/health" > /dev/null 2>&1 && break
  kill -0 "${pids[0]}" 2>/dev/null || { echo "the gateway did not start; see the messages above" >&2; exit 1; }
  sleep 0.5
done

LEASH_GATEWAY_URL="http://127.0.0.1:$api_port" \
  java -jar "$mcp_jar" --http --port "$mcp_port" --data-dir "$data" --token-file "$data/model.token" &
pids+=($!)
wait -n "${pids[@]}" || true
