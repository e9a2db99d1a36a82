#!/usr/bin/env bash
# The main job: build the plugin, then build examples/hello-fastapi into an image with it (and, as
# the later goals land, smoke-test it), against the test world's engine and offline base image.
# Extra arguments go to the example's Maven run, e.g. scripts/example.sh -X
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
# shellcheck disable=SC2016 # expanded by the inner shell, after the world's env is exported
exec scripts/with-test-world.sh bash -c '
  ./mvnw -B -q install -DskipTests -Dinvoker.skip
  ./mvnw -B -f examples/hello-fastapi/pom.xml package -Dfastapi.baseImage="$FASTAPI_TEST_BASE_IMAGE" "$@"
' example "$@"
