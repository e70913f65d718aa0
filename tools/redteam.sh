#!/usr/bin/env bash
# Repeats the attacks of issue 12 against your own running gateway and MCP server (loopback URLs only; every write
# is a dry run) and prints a table of what held. Exits 0 when every attack held, 1 when one did not, 2 on bad usage.
#   tools/redteam.sh [--gateway http://127.0.0.1:7070] [--mcp http://127.0.0.1:7071/mcp | none] [--data-dir d]
#                    [--slow-bound 60] [--slow-clients 300]
# Tokens come from DATA_DIR/gateway.token and mcp.token (or LEASH_GATEWAY_TOKEN, LEASH_MCP_TOKEN). Needs python3.
set -euo pipefail
command -v python3 > /dev/null || { echo "redteam: needs python3" >&2; exit 2; }
exec python3 "$(dirname "$0")/redteam.py" "$@"
