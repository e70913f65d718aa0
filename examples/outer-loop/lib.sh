# shellcheck shell=bash
# Shared by outer-loop.sh and weekly-review.sh (sourced, not run): one headless Claude Code review of a running
# Leash gateway through its MCP server. The script never writes parameters itself; only the model can, through
# update_params, and risk-guard bounds what it may write.
#
# Environment (defaults in brackets):
#   LEASH_GATEWAY_URL     [http://127.0.0.1:7070]      checked with GET /api/health before anything else
#   LEASH_MCP_URL         [http://127.0.0.1:7071/mcp]  the MCP server over Streamable HTTP (expanded in mcp.json)
#   LEASH_MCP_TOKEN       [LEASH_MCP_DATA_DIR/mcp.token] its bearer token; exported to claude only, never printed
#   LEASH_MCP_DATA_DIR    [./leash-data]               where the MCP server keeps mcp.token
#   LEASH_MCP_CONFIG      [mcp.json next to this file] the MCP config passed to claude --mcp-config
#   LEASH_OUTER_LOOP_LOG  [./leash-data/outer-loop.log] one line per review: ISO time, review, model, final paragraph
#   LEASH_REVIEW_TIMEOUT  [900]                        seconds before a review is abandoned (needs timeout(1))
#   CLAUDE_BIN            [claude]                     the Claude Code CLI
#
# Exit codes of leash_review: 0 reviewed; 2 configuration (prompt, token); 3 gateway unreachable; 4 MCP server
# unreachable; 5 the model run failed or said nothing; 6 another review holds the lock.

LEASH_OUTER_LOOP_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)

# Every Leash tool (mcp-server/README.md); a review may call only tools from this list.
LEASH_READ_TOOLS=(get_state get_trades get_positions get_open_orders get_funding_rates get_market get_performance
  get_decisions get_health get_params get_param_history get_scorecard get_strategy_lineage)
LEASH_WRITE_TOOLS=(update_params backtest_params set_trading_mode set_symbol_bias propose_strategy)

# Appends "TIMESTAMP MESSAGE" (one line) to the log and echoes it to stderr.
leash_log() {
  local line
  line="$(date -u +%Y-%m-%dT%H:%M:%SZ) $*"
  printf '%s\n' "$line" >> "$LEASH_LOG_FILE"
  printf '%s\n' "$line" >&2
}

# The last paragraph of a text file, on one line.
leash_final_paragraph() {
  tr -d '\r' < "$1" | awk 'BEGIN { RS = "" } { p = $0 } END { gsub(/[ \t]*\n[ \t]*/, " ", p); sub(/[ \t]+$/, "", p); print p }'
}

# leash_review PROMPT_NAME MODEL TOOL... : runs prompts/PROMPT_NAME.md with only the named Leash tools allowed.
leash_review() {
  local name=$1 model=$2
  shift 2
  local prompt_file="$LEASH_OUTER_LOOP_DIR/prompts/$name.md"
  local gateway=${LEASH_GATEWAY_URL:-http://127.0.0.1:7070}
  local mcp_url=${LEASH_MCP_URL:-http://127.0.0.1:7071/mcp}
  local mcp_config=${LEASH_MCP_CONFIG:-$LEASH_OUTER_LOOP_DIR/mcp.json}
  LEASH_LOG_FILE=${LEASH_OUTER_LOOP_LOG:-./leash-data/outer-loop.log}
  mkdir -p "$(dirname "$LEASH_LOG_FILE")"

  if command -v flock > /dev/null; then
    exec 9>> "$LEASH_LOG_FILE.lock"
    flock -n 9 || { leash_log "$name: skipped, another review is still running"; return 6; }
  fi
  if [ ! -r "$prompt_file" ] || [ ! -r "$mcp_config" ]; then
    leash_log "$name: FAILED, cannot read $prompt_file or $mcp_config"
    return 2
  fi

  # A gateway we cannot see gets no review: it keeps trading on its last-known-good params.
  if ! curl -fsS --max-time 5 -o /dev/null "$gateway/api/health" 2> /dev/null; then
    leash_log "$name: FAILED, gateway $gateway unreachable; no review, params untouched"
    return 3
  fi

  if [ -z "${LEASH_MCP_TOKEN:-}" ]; then
    local token_file=${LEASH_MCP_DATA_DIR:-./leash-data}/mcp.token
    if [ ! -r "$token_file" ]; then
      leash_log "$name: FAILED, LEASH_MCP_TOKEN is not set and $token_file cannot be read"
      return 2
    fi
    LEASH_MCP_TOKEN=$(< "$token_file")
  fi
  export LEASH_MCP_TOKEN LEASH_MCP_URL="$mcp_url"

  # Any HTTP answer (401 without a token) means the MCP server is up; 000 means nothing is listening.
  local code
  code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 5 "$mcp_url" 2> /dev/null || true)
  if [ -z "$code" ] || [ "$code" = "000" ]; then
    leash_log "$name: FAILED, MCP server $mcp_url unreachable; no review, params untouched"
    return 4
  fi

  local allowed="" tool
  for tool in "$@"; do
    allowed+="${allowed:+,}mcp__leash__$tool"
  done
  local limit=()
  if command -v timeout > /dev/null; then
    limit=(timeout "${LEASH_REVIEW_TIMEOUT:-900}")
  fi

  local rc=0
  LEASH_REVIEW_OUT=$(mktemp)
  trap 'rm -f "$LEASH_REVIEW_OUT"' EXIT
  local out=$LEASH_REVIEW_OUT
  # ${limit[@]+...}: an empty array is an unset variable to bash 3.2 (macOS) under set -u.
  ${limit[@]+"${limit[@]}"} "${CLAUDE_BIN:-claude}" -p "$(< "$prompt_file")" --mcp-config "$mcp_config" \
    --allowedTools "$allowed" --model "$model" --output-format text < /dev/null > "$out" || rc=$?
  if [ "$rc" -ne 0 ]; then
    leash_log "$name ($model): FAILED, the model run exited with $rc; params untouched"
    return 5
  fi
  local summary
  summary=$(leash_final_paragraph "$out")
  if [ -z "$summary" ]; then
    leash_log "$name ($model): FAILED, the model answered nothing"
    return 5
  fi
  cat "$out"
  leash_log "$name ($model): $summary"
}
