#!/usr/bin/env bash
# The project's one test command: unit tests, mojo tests and the invoker ITs against a real
# engine, registry and package index, which scripts/with-test-world.sh brings up when missing;
# then the engine matrix: a subset of the ITs (src/it/engine-matrix.txt: build, smoke, push,
# up-to-date) against each engine of scripts/engines.sh (Docker 28.5 with the containerd image
# store, Docker 28.5 over TLS, Podman 4.3). The engines start in the background as soon as the
# world is up, while the main suite runs; their subsets run after it, side by side.
#
# Extra arguments go to Maven's main run, e.g. scripts/test.sh -Dinvoker.test=build-seed-layout
# (the subsets take only -o/--offline from them).
#
# Environment (all optional):
#   FASTAPI_TEST_ENGINES       "all" (default), "none", or engine names (comma or space separated)
#   FASTAPI_TEST_ENGINE_ITS    the subset, comma separated (default: src/it/engine-matrix.txt)
#   FASTAPI_TEST_ENGINE_JOBS   how many engines' subsets run at once (default 3)
#   FASTAPI_TEST_WORLD_KEEP=1  keep the world and the engines running afterwards
#   FASTAPI_TEST_ENGINES_KEEP  1 or 0: keep the engines or not, whatever the world does
#   FASTAPI_TEST_MAVEN         the Maven command (default ./mvnw)
#
# Each subset runs in its own clone directory with its own run id (target/engine-matrix/NAME/),
# sharing the local repository (target/local-repo) and the plugin the main run installed there.
# The summary goes to the log and to target/engine-matrix.txt. Engines this run started are
# stopped by PID and their mounts undone afterwards, also on failure or Ctrl-C.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

if [[ ${FASTAPI_TEST_IN_WORLD:-} != 1 ]]; then
  FASTAPI_TEST_IN_WORLD=1 exec scripts/with-test-world.sh scripts/test.sh "$@"
fi
# From here on the world is up and its settings (FASTAPI_TEST_*, DOCKER_HOST) are exported.

ROOT=$PWD
MAVEN=${FASTAPI_TEST_MAVEN:-./mvnw}
ENGINES=scripts/engines.sh
MATRIX_DIR="$ROOT/target/engine-matrix"
SUMMARY="$ROOT/target/engine-matrix.txt"
PLUGIN_DIR="$ROOT/target/local-repo/io/github/fastapidocker/fastapi-docker-maven-plugin"

log() { printf 'test.sh: %s\n' "$*" >&2; }
now() { date +%s; }

# The registry's and the package index's addresses and logins reach the ITs as Maven properties
# (see pom.xml).
WORLD_PROPS=(
  -Dfastapi.test.baseImage="$FASTAPI_TEST_BASE_IMAGE"
  -Dfastapi.test.registry="$FASTAPI_TEST_REGISTRY"
  -Dfastapi.test.registryUser="$FASTAPI_TEST_REGISTRY_USER"
  -Dfastapi.test.registryPassword="$FASTAPI_TEST_REGISTRY_PASSWORD"
  -Dfastapi.test.indexImage="$FASTAPI_TEST_INDEX_IMAGE"
  -Dfastapi.test.indexUrl="$FASTAPI_TEST_INDEX_URL"
  -Dfastapi.test.indexAuthUrl="$FASTAPI_TEST_INDEX_AUTH_URL"
  -Dfastapi.test.indexUser="$FASTAPI_TEST_INDEX_USER"
  -Dfastapi.test.indexPassword="$FASTAPI_TEST_INDEX_PASSWORD"
  # The default engine's TCP address (empty when it does not listen on one): smoke-remote-engine.
  -Dfastapi.test.tcpEngine="${FASTAPI_TEST_TCP_ENGINE:-}"
)

# --- which engines, which ITs --------------------------------------------------

ENGINE_LIST=()
case ${FASTAPI_TEST_ENGINES:-all} in
  all) mapfile -t ENGINE_LIST < <("$ENGINES" names) ;;
  none | "") ;;
  *)
    read -r -a ENGINE_LIST <<<"${FASTAPI_TEST_ENGINES//,/ }"
    known=" $("$ENGINES" names | tr '\n' ' ') "
    for name in "${ENGINE_LIST[@]}"; do
      [[ $known == *" $name "* ]] || {
        log "ERROR: FASTAPI_TEST_ENGINES names '$name'; engines:$known(or all, none)"
        exit 2
      }
    done
    ;;
esac

# A line of src/it/engine-matrix.txt is an IT, optionally followed by the only engines it runs on.
matrix_its() { # matrix_its [ENGINE]: the subset for ENGINE; without one, all, for the log
  if [[ -n ${FASTAPI_TEST_ENGINE_ITS:-} ]]; then
    printf '%s\n' "${FASTAPI_TEST_ENGINE_ITS// /}"
    return
  fi
  sed -e 's/#.*//' src/it/engine-matrix.txt | awk -v engine="${1:-}" '
    NF == 0 { next }
    NF == 1 { print $1; next }
    engine == "" { only = $2; for (i = 3; i <= NF; i++) only = only " " $i; print $1 " (only " only ")"; next }
    { for (i = 2; i <= NF; i++) if ($i == engine) { print $1; next } }' | paste -sd, -
}
MATRIX_ITS=$(matrix_its)
JOBS=${FASTAPI_TEST_ENGINE_JOBS:-3}
[[ $JOBS =~ ^[1-9][0-9]*$ ]] || {
  log "ERROR: FASTAPI_TEST_ENGINE_JOBS must be a positive number, was '$JOBS'"
  exit 2
}

OFFLINE=()
for arg in "$@"; do
  if [[ $arg == -o || $arg == --offline ]]; then
    OFFLINE=(-o)
  fi
done

# --- the engines: up in the background, down at the end ------------------------

UP_PID=""
STARTED=() # the engines this run started (and so stops)
# shellcheck disable=SC2317 # reached through the EXIT trap
stop_engines() {
  if [[ -n $UP_PID ]]; then
    # Its waits are bounded; after a Ctrl-C it has already stopped with us.
    wait "$UP_PID" 2>/dev/null || true
    UP_PID=""
  fi
  ((${#STARTED[@]})) || return 0
  if [[ ${FASTAPI_TEST_ENGINES_KEEP:-${FASTAPI_TEST_WORLD_KEEP:-0}} == 1 ]]; then
    log "engines kept running: ${STARTED[*]}; stop them with: $ENGINES down"
    return 0
  fi
  "$ENGINES" down "${STARTED[@]}" || log "WARNING: $ENGINES down ${STARTED[*]} failed"
  STARTED=()
}
# The subsets' Maven runs are process groups of their own (background jobs ignore Ctrl-C): on an
# interrupt they are stopped by their recorded group ids, before the engines go.
# shellcheck disable=SC2317 # reached through the INT and TERM traps
stop_subsets() {
  local file pgid
  for file in "$MATRIX_DIR"/*/maven.pgid; do
    [[ -s $file ]] || continue
    pgid=$(<"$file")
    if [[ $pgid =~ ^[0-9]+$ ]] && kill -0 -- "-$pgid" 2>/dev/null; then
      log "stopping the subset run of ${file%/maven.pgid} (process group $pgid)"
      kill -TERM -- "-$pgid" 2>/dev/null || true
    fi
  done
}
trap stop_engines EXIT
trap 'stop_subsets; exit 130' INT
trap 'stop_subsets; exit 143' TERM

rm -rf "$MATRIX_DIR" "$SUMMARY"
mkdir -p "$MATRIX_DIR"
if ((${#ENGINE_LIST[@]})); then
  for name in "${ENGINE_LIST[@]}"; do
    "$ENGINES" check "$name" 2>/dev/null || STARTED+=("$name")
  done
  log "engine matrix: starting ${ENGINE_LIST[*]} in the background (log: $MATRIX_DIR/up.log)"
  "$ENGINES" up "${ENGINE_LIST[@]}" >"$MATRIX_DIR/up.log" 2>&1 &
  UP_PID=$!
fi

# --- the main suite on the default engine ---------------------------------------

touch "$MATRIX_DIR/.started"
main_started=$(now)
main_status=0
"$MAVEN" -B verify "${WORLD_PROPS[@]}" "$@" || main_status=$?
main_seconds=$(($(now) - main_started))

((${#ENGINE_LIST[@]})) || exit "$main_status"

# --- the subsets ------------------------------------------------------------------

up_status=0
wait "$UP_PID" || up_status=$?
UP_PID=""
sed 's/^/  /' "$MATRIX_DIR/up.log" >&2
if ((up_status != 0)); then
  log "ERROR: the engine matrix did not come up (see above and $MATRIX_DIR/up.log)"
fi

# The plugin the subsets test is the one this run's main suite installed (invoker:install keeps
# the jar's time but rewrites the metadata).
plugin_fresh=no
for metadata in "$PLUGIN_DIR"/*/maven-metadata-local.xml; do
  if [[ -f $metadata && $metadata -nt $MATRIX_DIR/.started ]]; then
    plugin_fresh=yes
  fi
done

# One engine's subset, in a subshell of its own: the engine's client settings replace the
# default engine's. Writes NAME/result (passed, failed, failed ITs, seconds, version).
run_subset() {
  local name=$1 dir="$MATRIX_DIR/$1" started status=0 pid its
  local -a settings
  its=$(matrix_its "$name")
  mkdir -p "$dir"
  started=$(now)
  # No context and no TLS settings but the engine's own.
  mapfile -t settings < <("$ENGINES" env "$name")
  local -a client=(env -u DOCKER_HOST -u DOCKER_TLS_VERIFY -u DOCKER_CERT_PATH -u DOCKER_CONTEXT "${settings[@]}")
  "${client[@]}" timeout 10 docker version --format '{{.Server.Version}} (API {{.Server.APIVersion}})' \
    >"$dir/version" 2>/dev/null || echo '?' >"$dir/version"
  # setsid (this job is no group leader, so it execs in place): $! leads a process group that
  # holds Maven and the builds it forks, and stop_subsets can stop all of it.
  setsid "${client[@]}" "$MAVEN" -B "${OFFLINE[@]}" invoker:run "${WORLD_PROPS[@]}" \
    -Dinvoker.test="$its" \
    -Dit.runId="$RUN_ID-$name" \
    -Dinvoker.cloneProjectsTo="$dir/it" \
    -Dinvoker.reportsDirectory="$dir/invoker-reports" \
    >"$dir/maven.log" 2>&1 </dev/null &
  pid=$!
  printf '%s\n' "$pid" >"$dir/maven.pgid"
  wait "$pid" || status=$?
  rm -f "$dir/maven.pgid"
  local seconds=$(($(now) - started)) passed=0 failed=() report it result
  for report in "$dir"/invoker-reports/BUILD-*.xml; do
    [[ -f $report ]] || continue
    it=${report##*/BUILD-}
    it=${it%.xml}
    result=$(sed -n 's/.* result="\([^"]*\)".*/\1/p' "$report" | head -n 1)
    if [[ $result == success ]]; then
      passed=$((passed + 1))
    else
      failed+=("$it")
    fi
  done
  # A run that failed without a report for every IT (Maven itself failed) counts as all failed.
  local wanted
  wanted=$(tr ',' '\n' <<<"$its" | grep -c .)
  if ((status != 0 && ${#failed[@]} == 0)) || ((passed + ${#failed[@]} < wanted)); then
    failed+=("(maven: exit $status, $((passed + ${#failed[@]})) of $wanted reports)")
  fi
  {
    echo "passed=$passed"
    echo "failed=${failed[*]}"
    echo "seconds=$seconds"
  } >"$dir/result"
  if ((${#failed[@]})); then
    log "engine $name: FAILED ${failed[*]} ($passed passed, ${seconds} s; $dir/maven.log)"
  else
    log "engine $name: all $passed passed (${seconds} s)"
  fi
}

RUN_ID=$(date -u +%Y%m%d%H%M%S)
matrix_status=0
READY=()
if ((up_status == 0)) && [[ $plugin_fresh == yes ]]; then
  READY=("${ENGINE_LIST[@]}")
elif [[ $plugin_fresh == no ]]; then
  log "ERROR: the main run installed no plugin into target/local-repo: the engine matrix cannot run"
else
  for name in "${ENGINE_LIST[@]}"; do
    if "$ENGINES" check "$name" 2>/dev/null; then
      READY+=("$name")
    fi
  done
fi
if ((${#READY[@]})); then
  log "engine matrix: $MATRIX_ITS on ${READY[*]} ($JOBS at a time)"
  matrix_started=$(now)
  running=()
  for name in "${READY[@]}"; do
    if ((${#running[@]} >= JOBS)); then
      wait "${running[0]}" || true
      running=("${running[@]:1}")
    fi
    run_subset "$name" &
    running+=($!)
  done
  for pid in "${running[@]}"; do
    wait "$pid" || true
  done
  log "engine matrix: took $(($(now) - matrix_started)) s"
fi

# --- the summary ------------------------------------------------------------------

# This run's reports only (target/ is not cleaned: older ones may lie beside them).
main_reports=$(find "$ROOT/target/invoker-reports" -name 'BUILD-*.xml' -newer "$MATRIX_DIR/.started" 2>/dev/null || true)
main_total=$(grep -c . <<<"$main_reports" || true)
main_passed=0
if ((main_total)); then
  main_passed=$(xargs grep -l 'result="success"' <<<"$main_reports" | wc -l)
fi
main_version=$(timeout 10 docker version --format '{{.Server.Version}} (API {{.Server.APIVersion}})' 2>/dev/null) || main_version='?'
{
  echo "# Engine matrix of scripts/test.sh, $(date -u +%Y-%m-%dT%H:%M:%SZ); ITs on the matrix engines: $MATRIX_ITS"
  printf '%-20s %-28s %-7s %-7s %-8s %s\n' engine version passed failed seconds 'failed ITs (log)'
  main_failed=$((main_total - main_passed))
  printf '%-20s %-28s %-7s %-7s %-8s %s\n' default "$main_version" "$main_passed" "$main_failed" "$main_seconds" \
    "$( ((main_status == 0)) || echo "main suite: exit $main_status (target/invoker-reports, surefire-reports)")"
  for name in "${ENGINE_LIST[@]}"; do
    dir="$MATRIX_DIR/$name"
    if [[ -f $dir/result ]]; then
      passed=$(sed -n 's/^passed=//p' "$dir/result")
      failed_its=$(sed -n 's/^failed=//p' "$dir/result")
      seconds=$(sed -n 's/^seconds=//p' "$dir/result")
      read -r -a failed_list <<<"$failed_its"
      printf '%-20s %-28s %-7s %-7s %-8s %s\n' "$name" "$(cat "$dir/version" 2>/dev/null || echo '?')" \
        "$passed" "${#failed_list[@]}" "$seconds" "$failed_its"
      [[ -z $failed_its ]] || matrix_status=1
    else
      printf '%-20s %-28s %-7s %-7s %-8s %s\n' "$name" '?' - - - 'not run: the engine did not come up or the plugin was not built'
      matrix_status=1
    fi
  done
  # One line per failure, with the log to read.
  for name in "${ENGINE_LIST[@]}"; do
    dir="$MATRIX_DIR/$name"
    [[ -f $dir/result ]] || continue
    read -r -a failed_list <<<"$(sed -n 's/^failed=//p' "$dir/result")"
    for it in "${failed_list[@]}"; do
      if [[ -f $dir/it/$it/build.log ]]; then
        echo "FAILED on $name: $it (${dir#"$ROOT"/}/it/$it/build.log)"
      elif [[ $it != "(maven:"* ]]; then
        echo "FAILED on $name: $it (${dir#"$ROOT"/}/maven.log)"
      fi
    done
    if grep -q '(maven:' "$dir/result"; then
      echo "FAILED on $name: Maven itself (${dir#"$ROOT"/}/maven.log)"
    fi
  done
} >"$SUMMARY"
# What invoker said about each failed IT (the post-build script's assertion, or the build's error).
for name in "${ENGINE_LIST[@]}"; do
  dir="$MATRIX_DIR/$name"
  [[ -f $dir/result && -n $(sed -n 's/^failed=//p' "$dir/result") ]] || continue
  log "engine $name: invoker's summary ($dir/maven.log):"
  sed -n '/Build Summary:/,/Passed: /p' "$dir/maven.log" | sed 's/^/  /' >&2
done
log "summary ($SUMMARY):"
sed 's/^/  /' "$SUMMARY" >&2

((main_status == 0)) || exit "$main_status"
((up_status == 0)) || exit 1
exit "$matrix_status"
