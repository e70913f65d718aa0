#!/usr/bin/env bash
# Builds Leash and starts the gateway on the simulated venue at 60x speed, so trades show within a minute or two.
# Usage: ./run-demo.sh [gateway run flags, e.g. --port 7171 --data-dir /tmp/leash]
set -euo pipefail
cd "$(dirname "$0")"

jar=gateway/target/leash-gateway.jar
if [ ! -f "$jar" ] || [ -n "$(find pom.xml risk-guard param-store gateway -newer "$jar" \
        \( -name '*.java' -o -name '*.json' -o -name '*.sql' -o -name 'pom.xml' \) -not -path '*/target/*' -print -quit)" ]; then
  echo "Building Leash (the first build downloads dependencies and takes a few minutes)..." >&2
  ./mvnw -B -q -DskipTests package -pl gateway -am >&2
fi
exec java -jar "$jar" run --speed 60 "$@"
