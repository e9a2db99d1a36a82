#!/usr/bin/env bash
# CI's check of the benchmark (issue 5): one counted run of the main four contenders must complete
# and print its table. Timing targets are reported, never asserted here. For .ci/run:
#   bench/ci-check.sh
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
out=$(mktemp "${TMPDIR:-/tmp}/fastapi-bench-ci.XXXXXX")
trap 'rm -f "$out"' EXIT
"$ROOT/bench/run.sh" --quick --out "$out"
# shellcheck disable=SC2016 # literal backquotes of the table
for row in '| this plugin' '| docker CLI by hand' '| fabric8 docker-maven-plugin 0.49.0' '| empty `mvn -o package`' \
  '| app-only loop: plugin <= 0.6 x fabric8'; do
  grep -qF -- "$row" "$out" || { echo "bench/ci-check.sh: the benchmark's table lacks '$row'" >&2; exit 1; }
done
echo "bench/ci-check.sh: the benchmark ran and produced its table"
