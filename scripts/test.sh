#!/usr/bin/env bash
# The project's one test command: unit tests, mojo tests and the invoker ITs against a real
# engine, registry and package index, which scripts/with-test-world.sh brings up when missing.
# Extra arguments go to Maven, e.g. scripts/test.sh -Dinvoker.test=build-seed-layout
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
MAVEN=${FASTAPI_TEST_MAVEN:-./mvnw}
# The registry's and the package index's addresses and logins, and the engine's TCP address (empty when
# it does not listen on one), reach the ITs as Maven properties (see pom.xml).
# shellcheck disable=SC2016 # expanded by the inner shell, after the world's env is exported
exec scripts/with-test-world.sh bash -c \
  '"$0" -B verify -Dfastapi.test.baseImage="$FASTAPI_TEST_BASE_IMAGE" \
    -Dfastapi.test.registry="$FASTAPI_TEST_REGISTRY" \
    -Dfastapi.test.registryUser="$FASTAPI_TEST_REGISTRY_USER" \
    -Dfastapi.test.registryPassword="$FASTAPI_TEST_REGISTRY_PASSWORD" \
    -Dfastapi.test.indexImage="$FASTAPI_TEST_INDEX_IMAGE" \
    -Dfastapi.test.indexUrl="$FASTAPI_TEST_INDEX_URL" \
    -Dfastapi.test.indexAuthUrl="$FASTAPI_TEST_INDEX_AUTH_URL" \
    -Dfastapi.test.indexUser="$FASTAPI_TEST_INDEX_USER" \
    -Dfastapi.test.indexPassword="$FASTAPI_TEST_INDEX_PASSWORD" \
    -Dfastapi.test.tcpEngine="${FASTAPI_TEST_TCP_ENGINE:-}" "$@"' "$MAVEN" "$@"
