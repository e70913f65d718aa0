#!/bin/sh
# The gateway container's entrypoint: makes `docker compose up` work with no prior step.
# On first start it generates the missing tokens into the volumes, each written like AtomicFiles writes (a temporary
# file in the same directory, owner-only 0600 from the start, fsynced, renamed over the target, directory fsynced),
# prints each generated token ONCE to the container log, and exports them for the gateway. A token given in the
# environment wins and is neither generated nor printed. Then it runs the command it was given ("$@").
#   LEASH_HOME       the gateway's data volume (gateway.token)           default /var/lib/leash
#   LEASH_MCP_SHARE  the volume shared read-only with the MCP server     default /var/lib/leash-mcp
#                    (model.token for the gateway and the MCP server, mcp.token for Claude's client)
#   LEASH_METRICS_SHARE  the volume shared read-only with Prometheus   default /var/lib/leash-metrics
#                    (metrics.token: reads GET /metrics and nothing else)
set -eu
umask 077

home=${LEASH_HOME:-/var/lib/leash}
share=${LEASH_MCP_SHARE:-/var/lib/leash-mcp}
metrics=${LEASH_METRICS_SHARE:-/var/lib/leash-metrics}

# ensure_token FILE DESCRIPTION: creates FILE with a fresh 64-hex-digit token when it is missing.
ensure_token() {
    file=$1
    if [ -s "$file" ]; then
        return 0
    fi
    dir=$(dirname "$file")
    mkdir -p "$dir"
    token=$(od -An -N32 -tx1 /dev/urandom | tr -d ' \n')
    if [ "${#token}" -ne 64 ]; then
        echo "leash entrypoint: could not read 32 random bytes for $2" >&2
        exit 1
    fi
    tmp=$(mktemp "$dir/.$(basename "$file").XXXXXX")
    printf '%s\n' "$token" > "$tmp"
    chmod 600 "$tmp"
    sync "$tmp" 2>/dev/null || sync
    mv -f "$tmp" "$file"
    sync "$dir" 2>/dev/null || sync
    echo "leash: generated the $2 into $file (owner-only); shown once, on this first start:"
    echo "leash:   $token"
}

if [ -z "${LEASH_GATEWAY_TOKEN:-}" ]; then
    ensure_token "$home/gateway.token" "gateway (operator) token"
    LEASH_GATEWAY_TOKEN=$(tr -d ' \n' < "$home/gateway.token")
    export LEASH_GATEWAY_TOKEN
fi
if [ -z "${LEASH_MODEL_TOKEN:-}" ]; then
    ensure_token "$share/model.token" "model token (the MCP server's, for the gateway)"
    LEASH_MODEL_TOKEN=$(tr -d ' \n' < "$share/model.token")
    export LEASH_MODEL_TOKEN
fi
if [ -z "${LEASH_METRICS_TOKEN:-}" ]; then
    ensure_token "$metrics/metrics.token" "metrics token (reads GET /metrics only, for Prometheus)"
    LEASH_METRICS_TOKEN=$(tr -d ' \n' < "$metrics/metrics.token")
    export LEASH_METRICS_TOKEN
fi
if [ -z "${LEASH_MCP_TOKEN:-}" ]; then
    ensure_token "$share/mcp.token" "MCP bearer token (for: claude mcp add ... --header \"Authorization: Bearer <it>\")"
fi

exec "$@"
