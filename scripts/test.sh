#!/usr/bin/env bash
# The project's one test command: unit tests, mojo tests and the invoker ITs against a real
# engine and registry, which scripts/with-test-world.sh brings up when missing. Extra arguments go
# to Maven, e.g. scripts/test.sh -Dinvoker.test=build-seed-layout
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
MAVEN=${FASTAPI_TEST_MAVEN:-./mvnw}
# shellcheck disable=SC2016 # expanded by the inner shell, after the world's env is exported
exec scripts/with-test-world.sh bash -c \
  '"$0" -B verify -Dfastapi.test.baseImage="$FASTAPI_TEST_BASE_IMAGE" "$@"' "$MAVEN" "$@"
