#!/usr/bin/env bash
# The main job: build the plugin, then build examples/hello-fastapi into an image with it and
# smoke-test it, against the test world's engine and offline base image. The world's engine has no
# bridge network, so the smoke test uses the network mode it names (FASTAPI_TEST_NETWORK_MODE=host).
# Extra arguments go to the example's Maven run, e.g. scripts/example.sh -X
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
# shellcheck disable=SC2016 # expanded by the inner shell, after the world's env is exported
exec scripts/with-test-world.sh bash -c '
  ./mvnw -B -q install -DskipTests -Dinvoker.skip
  ./mvnw -B -f examples/hello-fastapi/pom.xml package -Dfastapi.baseImage="$FASTAPI_TEST_BASE_IMAGE" \
    -Dfastapi.smoke.network="${FASTAPI_TEST_NETWORK_MODE:-bridge}" "$@"
' example "$@"
