#!/usr/bin/env bash
# CI's check of the benchmark (issues 5 and 13): one counted run of the main contenders must complete
# and print its table. Timing targets are reported, never asserted here. For .ci/run:
#   bench/ci-check.sh
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
out=$(mktemp "${TMPDIR:-/tmp}/fastapi-bench-ci.XXXXXX")
trap 'rm -f "$out"' EXIT
"$ROOT/bench/run.sh" --quick --out "$out"
# shellcheck disable=SC2016 # literal backquotes of the table
for row in '| this plugin' '| docker CLI by hand' '| fabric8 docker-maven-plugin 0.49.0' '| empty `mvn -o package`' \
  '| `mvn -o package` running only this plugin' '| app-only loop: overhead (plugin - floor - CLI) <= 0.4 x CLI' \
  '| app-only loop: plugin <= 0.7 x fabric8'; do
  grep -qF -- "$row" "$out" || { echo "bench/ci-check.sh: the benchmark's table lacks '$row'" >&2; exit 1; }
done
echo "bench/ci-check.sh: the benchmark ran and produced its table"
