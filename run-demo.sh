#!/usr/bin/env bash
# Builds Leash, then starts the gateway on the simulated venue at 60x speed (trades show within a minute or two)
# and the MCP server over Streamable HTTP, and prints the `claude mcp add` command that connects Claude Code.
# Ctrl-C stops both. JVM options (heap limits) come from bin/gateway.jvm-args and bin/mcp.jvm-args.
#
# Env: LEASH_DATA_DIR (default ./leash-data), LEASH_API_PORT (7070), LEASH_MCP_PORT (7071), LEASH_SPEED (60).
# Extra arguments go to `leash-gateway run` (e.g. --config examples/gateway.example.yaml).
# Exits non-zero, naming the cause, when a port is taken or either process stops. Runs on macOS's bash 3.2.
set -euo pipefail
cd "$(dirname "$0")"

data=${LEASH_DATA_DIR:-./leash-data}
api_port=${LEASH_API_PORT:-7070}
mcp_port=${LEASH_MCP_PORT:-7071}
gateway_jar=gateway/target/leash-gateway.jar
mcp_jar=mcp-server/target/leash-mcp.jar

fail() {
  echo "run-demo: $1" >&2
  exit "${2:-1}"
}

# Whether something already accepts connections on 127.0.0.1:$1 (bash's /dev/tcp; no nc or lsof needed).
listening() {
  (exec 3<>"/dev/tcp/127.0.0.1/$1") 2> /dev/null
}

# Fails now, naming the port, rather than after the build with a message about something else.
check_port() {
  case "$2" in '' | *[!0-9]*) fail "$1=$2 is not a port number" ;; esac
  if listening "$2"; then
    fail "port $2 ($1) is already in use on 127.0.0.1 (another gateway or program holds it); stop it, or choose free ports: LEASH_API_PORT=7170 LEASH_MCP_PORT=7171 ./run-demo.sh"
  fi
}
check_port LEASH_API_PORT "$api_port"
check_port LEASH_MCP_PORT "$mcp_port"
[ "$api_port" != "$mcp_port" ] || fail "LEASH_API_PORT and LEASH_MCP_PORT are both $api_port"

stale() {
  [ ! -f "$1" ] || [ -n "$(find pom.xml common risk-guard param-store engine venues backtest journal gateway mcp-server examples/outer-loop/prompts \
      -newer "$1" \( -name '*.java' -o -name '*.json' -o -name '*.sql' -o -name '*.md' -o -name 'pom.xml' \) \
      -not -path '*/target/*' -print -quit)" ]
}
if stale "$gateway_jar" || stale "$mcp_jar"; then
  echo "Building Leash (the first build downloads dependencies and takes a few minutes)..." >&2
  ./mvnw -B -q -DskipTests package -pl gateway,mcp-server -am >&2
fi

mkdir -p "$data"
pids=()
names=(gateway "MCP server")
stop() {
  # ${pids[@]+...}: bash 3.2 calls an empty array unbound under set -u.
  for pid in ${pids[@]+"${pids[@]}"}; do kill -TERM "$pid" 2>/dev/null || true; done
  for pid in ${pids[@]+"${pids[@]}"}; do wait "$pid" 2>/dev/null || true; done
}
trap stop EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# When process $1 (an index into pids) has exited: fail with its status and name.
exited() {
  local status=0
  wait "${pids[$1]}" || status=$?
  local code=$status
  [ "$code" -ne 0 ] || code=1
  fail "the ${names[$1]} exited with status $status; its own message is above" "$code"
}

java @bin/gateway.jvm-args -jar "$gateway_jar" run --data-dir "$data" --port "$api_port" --speed "${LEASH_SPEED:-60}" "$@" &
pids+=($!)
answered=
for _ in $(seq 1 120); do
  kill -0 "${pids[0]}" 2>/dev/null || exited 0
  if curl -fsS "http://127.0.0.1:$api_port/api/health" > /dev/null 2>&1; then answered=yes; break; fi
  sleep 0.5
done
[ -n "$answered" ] || fail "the gateway did not answer on http://127.0.0.1:$api_port/api/health within 60 s"

LEASH_GATEWAY_URL="http://127.0.0.1:$api_port" \
  java @bin/mcp.jvm-args -jar "$mcp_jar" --http --port "$mcp_port" --data-dir "$data" --token-file "$data/model.token" &
pids+=($!)
# bash 3.2 has no `wait -n`: poll both processes; the first to stop ends the demo with its status.
while :; do
  for i in 0 1; do
    kill -0 "${pids[$i]}" 2>/dev/null || exited "$i"
  done
  sleep 1
done
