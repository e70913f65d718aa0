#!/usr/bin/env bash
# One routine outer-loop review of a running Leash gateway by Claude Code in headless mode, with the prompt the MCP
# server also serves (prompts/outer_loop_review.md) and only Leash's tools allowed. Run it every 15 minutes (cron
# or the systemd timer next to it). Routine reviews go to a fast model: LEASH_MODEL, default haiku.
# The final paragraph is appended to LEASH_OUTER_LOOP_LOG with a timestamp. Exits non-zero, and changes nothing,
# when the gateway, the MCP server or the model is unavailable. See lib.sh for every setting.
set -euo pipefail
# shellcheck source=lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

leash_review outer_loop_review "${LEASH_MODEL:-haiku}" "${LEASH_READ_TOOLS[@]}" "${LEASH_WRITE_TOOLS[@]}"
