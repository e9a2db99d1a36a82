#!/usr/bin/env bash
# The inner-loop benchmark (issues 5 and 13), in one go: this plugin's `mvn package` (build + smoke) after an
# app-only change, against the docker CLI by hand, fabric8's docker-maven-plugin 0.49.0 and an empty
# `mvn package` (the Maven floor), alternating run by run; plus (not with --quick) a no-change
# package, a requirements change, a cold build and a push. Prints medians, ratios and targets and
# writes them, with the machine's description, to bench/results.md (--quick: bench/results-quick.md).
#
#   bench/run.sh [--runs N] [--quick] [--plugin-src DIR] [--push-plugin-src DIR] [--baseline-src DIR]
#                [--out FILE] [--max-load L]
#
#   --runs N               counted runs per contender (default 5), after one uncounted warm-up round
#   --quick                one counted run of the main four only (for CI; about 1-2 minutes)
#   --plugin-src DIR       the plugin tree to benchmark (default: this repository's working tree)
#   --push-plugin-src DIR  another tree whose `push` goal the push scenario uses (default: DIR above)
#   --baseline-src DIR     an earlier plugin tree, run side by side in the app-only and no-change
#                          scenarios, so that a saving is measured in the same run
#   --out FILE             where the markdown goes
#   --max-load L           first wait (at most 10 minutes) for the 1-minute load average to be <= L
#
# The plugin is built from a copy of its tree and installed into a private local repository in a
# scratch directory, chained read-only to ~/.m2/repository (Maven 3.9's maven.repo.local.tail), so
# the benchmark neither changes ~/.m2 nor picks up a snapshot someone else installs meanwhile.
# Runs inside scripts/with-test-world.sh. Removes its scratch directory, the bench-* containers and
# images it made and the manifests it pushed.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)

usage() { sed -n '8,19p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; }

RUNS=5 QUICK=0 PLUGIN_SRC=$ROOT PUSH_SRC="" BASELINE_SRC="" OUT="" MAX_LOAD=""
while (($#)); do
  case $1 in
    --runs) RUNS=${2:?--runs needs a number}; shift 2 ;;
    --quick) QUICK=1; shift ;;
    --plugin-src) PLUGIN_SRC=$(cd "${2:?--plugin-src needs a directory}" && pwd); shift 2 ;;
    --push-plugin-src) PUSH_SRC=$(cd "${2:?--push-plugin-src needs a directory}" && pwd); shift 2 ;;
    --baseline-src) BASELINE_SRC=$(cd "${2:?--baseline-src needs a directory}" && pwd); shift 2 ;;
    --out) OUT=${2:?--out needs a file}; shift 2 ;;
    --max-load) MAX_LOAD=${2:?--max-load needs a number}; shift 2 ;;
    -h | --help) usage; exit 0 ;;
    *) echo "bench/run.sh: unknown argument '$1'" >&2; usage >&2; exit 2 ;;
  esac
done
[[ $RUNS =~ ^[1-9][0-9]*$ ]] || { echo "bench/run.sh: --runs must be a positive number" >&2; exit 2; }
if [[ -z $OUT ]]; then
  if ((QUICK)); then OUT=$ROOT/bench/results-quick.md; else OUT=$ROOT/bench/results.md; fi
fi
OUT=$(cd "$(dirname "$OUT")" && pwd)/$(basename "$OUT")

# Once, inside the test world (engine, offline base image, registry; its env exported).
if [[ ${FASTAPI_BENCH_IN_WORLD:-} != 1 ]]; then
  export FASTAPI_BENCH_IN_WORLD=1
  args=(--runs "$RUNS" --plugin-src "$PLUGIN_SRC" --out "$OUT")
  ((QUICK)) && args+=(--quick)
  [[ -n $PUSH_SRC ]] && args+=(--push-plugin-src "$PUSH_SRC")
  [[ -n $BASELINE_SRC ]] && args+=(--baseline-src "$BASELINE_SRC")
  [[ -n $MAX_LOAD ]] && args+=(--max-load "$MAX_LOAD")
  exec "$ROOT/scripts/with-test-world.sh" "$ROOT/bench/run.sh" "${args[@]}"
fi

SCRATCH=$(mktemp -d "${TMPDIR:-/tmp}/fastapi-bench.XXXXXX")
# shellcheck disable=SC2317 # reached through the EXIT trap
cleanup() { rm -rf "$SCRATCH"; }
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

TAIL=$HOME/.m2/repository
HEAD=$SCRATCH/m2
cd "$ROOT"
# The wrapper's Maven, called directly by the contenders (no wrapper script in the timings).
MAVEN_HOME=$(./mvnw -B -v | sed -n 's/^Maven home: //p')
MVN=$MAVEN_HOME/bin/mvn
[[ -x $MVN ]] || { echo "bench/run.sh: no Maven at '$MVN'" >&2; exit 1; }

# Describes a plugin tree: path, branch, the last commit of its sources, uncommitted changes to them.
describe() {
  local src=$1 branch commit dirty extra=""
  branch=$(git -C "$src" rev-parse --abbrev-ref HEAD 2>/dev/null || echo "?")
  commit=$(git -C "$src" log -1 --format=%h -- src pom.xml 2>/dev/null || echo "?")
  dirty=$(git -C "$src" status --porcelain -- src pom.xml 2>/dev/null | grep -c . || true)
  ((dirty == 0)) || extra=", plus $dirty uncommitted changes"
  printf '%s (branch %s; plugin sources as of commit %s%s)' "$src" "$branch" "${commit:-?}" "$extra"
}

# Copies a plugin tree (without target/ and .git), gives it VERSION and installs it into $HEAD.
install_plugin() {
  local src=$1 version=$2 copy=$SCRATCH/src-$2
  mkdir -p "$copy"
  tar -C "$src" --exclude=./target --exclude=./.git -cf - . | tar -x -C "$copy"
  # The project's own version is the first <version> of its POM.
  sed -i "0,/<version>[^<]*<\/version>/s//<version>$version<\/version>/" "$copy/pom.xml"
  echo "[bench] installing the plugin from $src as $version" >&2
  (cd "$copy" && ./mvnw -B -q install -DskipTests -Dinvoker.skip \
    -Dmaven.repo.local="$HEAD" -Dmaven.repo.local.tail="$TAIL")
}

install_plugin "$PLUGIN_SRC" 0.0.0-bench
push_args=()
if [[ -n $PUSH_SRC && $PUSH_SRC != "$PLUGIN_SRC" ]]; then
  install_plugin "$PUSH_SRC" 0.0.0-bench-push
  push_args=(--push-plugin-version 0.0.0-bench-push --push-plugin-label "$(describe "$PUSH_SRC")")
fi

if [[ -n $BASELINE_SRC ]]; then
  install_plugin "$BASELINE_SRC" 0.0.0-bench-base
  push_args+=(--baseline-version 0.0.0-bench-base --baseline-label "$(describe "$BASELINE_SRC")")
fi

extra=()
((QUICK)) && extra+=(--quick)
[[ -n $MAX_LOAD ]] && extra+=(--max-load "$MAX_LOAD")
python3 "$ROOT/bench/bench.py" --scratch "$SCRATCH" --maven "$MVN" --repo-local "$HEAD" --repo-tail "$TAIL" \
  --plugin-version 0.0.0-bench --plugin-label "$(describe "$PLUGIN_SRC")" "${push_args[@]}" \
  --runs "$RUNS" "${extra[@]}" --out "$OUT"
