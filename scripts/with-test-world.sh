#!/usr/bin/env bash
# Runs a command inside the test world: brings up what is missing (Docker engine, offline base
# image, registry, package index; see scripts/test-world.sh), exports its settings (FASTAPI_TEST_BASE_IMAGE,
# FASTAPI_TEST_REGISTRY, ...), runs the command from the repository root and returns its exit code.
#
# Afterwards the world is taken down again, but only the parts that this run had to start: an
# engine, registry or index that was already answering (someone else's, or a world kept running on
# purpose) stays up. FASTAPI_TEST_WORLD_KEEP=1 keeps even the parts this run started (stop them
# later with scripts/test-world.sh down).
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
WORLD="$ROOT/scripts/test-world.sh"
STATE_DIR=${FASTAPI_TEST_WORLD_DIR:-/tmp/fastapi-docker-test-world}

# What answered before this run decides what this run may stop afterwards.
engine_was_up=no
registry_was_up=no
index_was_up=no
"$WORLD" check engine >/dev/null 2>&1 && engine_was_up=yes
"$WORLD" check registry >/dev/null 2>&1 && registry_was_up=yes
"$WORLD" check index >/dev/null 2>&1 && index_was_up=yes

# shellcheck disable=SC2317 # reached through the EXIT trap
teardown() {
  local -a parts=()
  [[ ${FASTAPI_TEST_WORLD_KEEP:-0} == 1 ]] && return 0
  [[ $registry_was_up == no ]] && parts+=(registry)
  [[ $index_was_up == no ]] && parts+=(index)
  [[ $engine_was_up == no ]] && parts+=(engine)
  ((${#parts[@]})) || return 0
  # A failed teardown must not mask Maven's exit code.
  "$WORLD" down "${parts[@]}" || echo "test.sh: WARNING: test-world.sh down ${parts[*]} failed" >&2
}
trap teardown EXIT
# Turn Ctrl-C and kill into a normal exit so that the EXIT trap runs.
trap 'exit 130' INT
trap 'exit 143' TERM

"$WORLD" up

# Every KEY=VALUE of the env file becomes part of Maven's environment.
set -a
# shellcheck source=/dev/null # written by test-world.sh up
. "$STATE_DIR/env"
set +a

cd "$ROOT"
status=0
"$@" || status=$?
exit "$status"
