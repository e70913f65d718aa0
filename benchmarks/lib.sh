# Shared by the load scripts (rest-load.sh, ratio-guard.sh, memory.sh); sourced from the repository root.
# Sets up $tmp (a temporary directory) and $pids (the JVMs started): at exit each is stopped with SIGTERM, waited
# for, and $tmp removed. Clears the launchers' LEASH_* environment, so no token or gateway URL of another Leash
# leaks into the processes started.

tmp=$(mktemp -d)
pids=()
cleanup() {
  for pid in ${pids[@]+"${pids[@]}"}; do kill -TERM "$pid" 2>/dev/null || true; done
  for pid in ${pids[@]+"${pids[@]}"}; do wait "$pid" 2>/dev/null || true; done
  rm -rf "$tmp"
}
trap cleanup EXIT
for v in $(env | sed -n 's/^\(LEASH_[A-Z_]*\)=.*/\1/p'); do unset "$v"; done

# free_port: a free TCP port on loopback.
free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

# await_http URL PID NAME [STATUS]: waits, at most 60 s, until URL answers STATUS (200; "any" for any HTTP status);
# returns 1, having printed why (and the processes' *.err files in $tmp), when PID exits first or time runs out.
await_http() {
  local want=${4:-200} code
  for _ in $(seq 1 240); do
    kill -0 "$2" 2>/dev/null || { echo "the $3 exited:"; cat "$tmp"/*.err 2>/dev/null; return 1; }
    code=$(curl -s -o /dev/null -w '%{http_code}' "$1" || true)
    if [[ "$want" == any && "$code" != 000 || "$code" == "$want" ]]; then
      return 0
    fi
    sleep 0.25
  done
  echo "the $3 did not answer $1 within 60 s"; return 1
}

# wrk_stats FILE: "req/s p99_ms non2xx" from the output of one `wrk --latency` run.
wrk_stats() {
  awk '
    /Requests\/sec:/ {rps = $2}
    /^ +99%/ {v = $2; if (v ~ /us$/) {sub(/us$/, "", v); v /= 1000} else if (v ~ /ms$/) {sub(/ms$/, "", v)}
              else if (v ~ /s$/) {sub(/s$/, "", v); v *= 1000}; p99 = v}
    /Non-2xx/ {bad = $NF}
    END {printf "%.0f %.2f %d\n", rps, p99, bad}' "$1"
}
