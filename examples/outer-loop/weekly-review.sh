#!/usr/bin/env bash
# The weekly review of the outer loop's own decisions (prompts/weekly_review.md) by the strongest model:
# LEASH_WEEKLY_MODEL, default opus. Rare and deep, where outer-loop.sh is frequent and fast. The prompt forbids
# update_params in this review, so it is not allowed here either; backtest_params is, to compare a candidate.
# Same settings, log and exit codes as outer-loop.sh (see lib.sh).
set -euo pipefail
# shellcheck source=lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

leash_review weekly_review "${LEASH_WEEKLY_MODEL:-opus}" "${LEASH_READ_TOOLS[@]}" backtest_params
