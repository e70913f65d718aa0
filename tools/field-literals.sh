#!/usr/bin/env bash
# Per tunable field of ai_params.json: how many main source files (Java and resources, every module) name it
# inside a string literal ("...name..."), and how many mention it at all (comments included).
# The examples/ clients are left out: they are outside programs that speak the wire format, not Leash code.
# Usage: tools/field-literals.sh [repo-root]   (issue 13: "a tunable field is restated in 8-10 files")
set -euo pipefail
root="${1:-$(cd "$(dirname "$0")/.." && pwd)}"
cd "$root"
fields="max_position_pct stop_loss_pct take_profit_pct breakout_lookback max_leverage daily_loss_limit_pct trading_mode size_multiplier"
files=$(find . -path '*/src/main/*' -type f \( -name '*.java' -o -name '*.json' \) -not -path '*/target/*' -not -path './examples/*' | sort)
printf '%-22s %8s %8s\n' field literal mention
for f in $fields; do
    # a double-quoted string on one line that contains the name as a whole word
    lit=$(echo "$files" | xargs grep -lE "\"[^\"]*\\b$f\\b[^\"]*\"" 2>/dev/null | wc -l)
    any=$(echo "$files" | xargs grep -lw "$f" 2>/dev/null | wc -l)
    printf '%-22s %8d %8d\n' "$f" "$lit" "$any"
done
