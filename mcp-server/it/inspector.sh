#!/usr/bin/env bash
# Black-box test with a real third-party MCP client: the MCP Inspector CLI drives leash-mcp.jar over stdio and over
# Streamable HTTP against a real gateway on the simulated venue. Needs the built jars, java, node/npm and python3;
# the Inspector is installed from npm on first use (into $LEASH_IT_CACHE, default ~/.cache/leash-it).
# Usage: mcp-server/it/inspector.sh   (after ./mvnw -B package -DskipTests)
set -euo pipefail
cd "$(dirname "$0")/../.."

INSPECTOR_VERSION=0.21.1
gateway_jar=gateway/target/leash-gateway.jar
mcp_jar=mcp-server/target/leash-mcp.jar
for jar in "$gateway_jar" "$mcp_jar"; do
  [ -f "$jar" ] || { echo "inspector: $jar is missing; build first (./mvnw -B package -DskipTests)"; exit 1; }
done

# The Inspector, pinned (newer releases need Node 22; an unpinned npx on Node 20 picks 0.15.0, which has no --header).
cache=${LEASH_IT_CACHE:-$HOME/.cache/leash-it}/inspector-$INSPECTOR_VERSION
inspector=$cache/node_modules/.bin/mcp-inspector
if [ ! -x "$inspector" ]; then
  echo "inspector: installing @modelcontextprotocol/inspector@$INSPECTOR_VERSION into $cache"
  mkdir -p "$cache"
  npm install --prefix "$cache" --no-audit --no-fund --loglevel=error \
      "@modelcontextprotocol/inspector@$INSPECTOR_VERSION" > /dev/null
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

# Polls a URL until curl gets the expected HTTP status, for at most $3 seconds.
wait_for() {
  local url=$1 status=$2 deadline=$((SECONDS + $3))
  until [ "$(curl -s -o /dev/null -w '%{http_code}' "$url" || true)" = "$status" ]; do
    [ "$SECONDS" -lt "$deadline" ] || return 1
    sleep 0.2
  done
}

# check NAME FILE EXPR: EXPR is a Python expression over r, the JSON the Inspector printed.
check() {
  local name=$1 file=$2 expr=$3
  if python3 - "$file" "$expr" << 'PY'
import json, sys
r = json.load(open(sys.argv[1]))
sys.exit(0 if eval(sys.argv[2]) else 1)
PY
  then
    echo "ok   $name"
  else
    echo "FAIL $name: expected $expr; the Inspector printed:"
    head -c 3000 "$file"; echo
    exit 1
  fi
}

# field FILE EXPR: prints a Python expression over r.
field() {
  python3 -c 'import json, sys; r = json.load(open(sys.argv[1])); print(eval(sys.argv[2]))' "$1" "$2"
}

gateway_token=$(python3 -c 'import secrets; print(secrets.token_hex(16))')
model_token=$(python3 -c 'import secrets; print(secrets.token_hex(16))')
mcp_token=$(python3 -c 'import secrets; print(secrets.token_hex(16))')
p1=$(free_port)
p2=$(free_port)

# 1. A gateway on the simulated venue.
LEASH_GATEWAY_TOKEN=$gateway_token LEASH_MODEL_TOKEN=$model_token java -jar "$gateway_jar" run --data-dir "$tmp/gateway" --port "$p1" --speed 60 \
    > "$tmp/gateway.out" 2> "$tmp/gateway.err" &
pids+=($!)
wait_for "http://127.0.0.1:$p1/api/health" 200 60 || { echo "inspector: the gateway did not start"; cat "$tmp/gateway.err"; exit 1; }
gateway_history() { curl -fsS "http://127.0.0.1:$p1/api/params/history?limit=1" > "$tmp/history.json"; }

# Runs the Inspector CLI; its JSON goes to $tmp/$1.json.
run() {
  local out=$tmp/$1.json; shift
  if ! "$inspector" --cli "$@" > "$out" 2> "$tmp/inspector.err"; then
    echo "FAIL the Inspector exited non-zero for: $*"; cat "$out" "$tmp/inspector.err"; exit 1
  fi
}

# Decrease by 0.1 (accepted) and jump by +1.0 (beyond the +0.5 step, rejected) from the current max_position_pct.
proposals() {
  current=$(field "$1" 'r["structuredContent"]["params"]["max_position_pct"]')
  lower=$(python3 -c "print(round($current - 0.1, 4))")
  jump=$(python3 -c "print(round($current + 1.0, 4))")
}

# 2. stdio: the Inspector launches the jar, as Claude Desktop would.
stdio=(-e "LEASH_GATEWAY_URL=http://127.0.0.1:$p1" -e "LEASH_MODEL_TOKEN=$model_token"
       -e "LEASH_MCP_DATA_DIR=$tmp/mcp" java -Xlog:disable -Xlog:all=warning:stderr -jar "$mcp_jar")
run stdio-list "${stdio[@]}" --method tools/list
check "stdio tools/list: 18 tools, update_params among them, <= 12 KB" "$tmp/stdio-list.json" \
    'len(r["tools"]) == 18 and "update_params" in [t["name"] for t in r["tools"]] and len(json.dumps(r, separators=(",", ":"))) <= 12 * 1024'
run stdio-state "${stdio[@]}" --method tools/call --tool-name get_state
check "stdio get_state: the live account" "$tmp/stdio-state.json" \
    'not r["isError"] and r["structuredContent"]["equity"] > 0 and "params_version" in r["structuredContent"]'
run stdio-params "${stdio[@]}" --method tools/call --tool-name get_params
proposals "$tmp/stdio-params.json"
run stdio-accepted "${stdio[@]}" --method tools/call --tool-name update_params \
    --tool-arg "changes={\"max_position_pct\": $lower}" --tool-arg "rationale=inspector over stdio: trim exposure"
check "stdio update_params $current -> $lower: accepted, authored by the client" "$tmp/stdio-accepted.json" \
    'not r["isError"] and r["structuredContent"]["accepted"] and r["structuredContent"]["author"] == "inspector (model-token)"'
gateway_history
check "gateway history names the stdio client" "$tmp/history.json" \
    'r["versions"][0]["author"] == "inspector (model-token)" and r["versions"][0]["rationale"] == "inspector over stdio: trim exposure"'
run stdio-rejected "${stdio[@]}" --method tools/call --tool-name update_params \
    --tool-arg "changes={\"max_position_pct\": $jump}" --tool-arg "rationale=inspector over stdio: double down"
check "stdio update_params $lower -> $jump: rejected by the step rule" "$tmp/stdio-rejected.json" \
    'r["isError"] and r["structuredContent"]["status"] == 422 and r["structuredContent"]["reasons"][0]["rule"] == "step"'
run stdio-resource "${stdio[@]}" --method resources/read --uri leash://params/current
check "stdio resources/read leash://params/current: the accepted value" "$tmp/stdio-resource.json" \
    "abs(json.loads(r['contents'][0]['text'])['max_position_pct'] - $lower) < 1e-9"
run stdio-prompt "${stdio[@]}" --method prompts/get --prompt-name outer_loop_review
check "stdio prompts/get outer_loop_review" "$tmp/stdio-prompt.json" \
    '"update_params" in r["messages"][0]["content"]["text"]'

# 3. Streamable HTTP: the jar serves /mcp; the Inspector connects with the bearer token.
LEASH_MCP_TOKEN=$mcp_token LEASH_GATEWAY_URL=http://127.0.0.1:$p1 LEASH_MODEL_TOKEN=$model_token \
    LEASH_MCP_DATA_DIR=$tmp/mcp java -jar "$mcp_jar" --http --port "$p2" > "$tmp/mcp.out" 2> "$tmp/mcp.err" &
pids+=($!)
wait_for "http://127.0.0.1:$p2/mcp" 401 60 || { echo "inspector: the MCP server did not start"; cat "$tmp/mcp.err"; exit 1; }
http=("http://127.0.0.1:$p2/mcp" --transport http --header "Authorization: Bearer $mcp_token")
run http-list "${http[@]}" --method tools/list
check "http tools/list: 18 tools" "$tmp/http-list.json" 'len(r["tools"]) == 18'
run http-state "${http[@]}" --method tools/call --tool-name get_state
check "http get_state: the live account" "$tmp/http-state.json" \
    'not r["isError"] and r["structuredContent"]["equity"] > 0'
run http-params "${http[@]}" --method tools/call --tool-name get_params
proposals "$tmp/http-params.json"
run http-accepted "${http[@]}" --method tools/call --tool-name update_params \
    --tool-arg "changes={\"max_position_pct\": $lower}" --tool-arg "rationale=inspector over http: trim exposure"
check "http update_params $current -> $lower: accepted, authored by the client and the token" "$tmp/http-accepted.json" \
    'not r["isError"] and r["structuredContent"]["author"] == "inspector via mcp-token (model-token)"'
gateway_history
check "gateway history names the HTTP client" "$tmp/history.json" \
    'r["versions"][0]["author"] == "inspector via mcp-token (model-token)"'
run http-rejected "${http[@]}" --method tools/call --tool-name update_params \
    --tool-arg "changes={\"max_position_pct\": $jump}" --tool-arg "rationale=inspector over http: double down"
check "http update_params $lower -> $jump: rejected by the step rule" "$tmp/http-rejected.json" \
    'r["isError"] and r["structuredContent"]["reasons"][0]["rule"] == "step"'
if "$inspector" --cli "http://127.0.0.1:$p2/mcp" --transport http --header "Authorization: Bearer not-$mcp_token" \
    --method tools/list > "$tmp/refused.out" 2>&1; then
  echo "FAIL http: a wrong bearer token was accepted"; cat "$tmp/refused.out"; exit 1
fi
grep -q "bearer token" "$tmp/refused.out" || { echo "FAIL http: no clear refusal"; cat "$tmp/refused.out"; exit 1; }
echo "ok   http: a wrong bearer token is refused"

[ ! -s "$tmp/mcp.out" ] || { echo "FAIL the HTTP server wrote to stdout:"; cat "$tmp/mcp.out"; exit 1; }
echo "inspector: MCP Inspector $INSPECTOR_VERSION drove leash-mcp over stdio and HTTP against a live gateway"
