#!/usr/bin/env bash
# The main job: build the plugin, then build examples/hello-fastapi (requirements.txt) and
# examples/hello-uv (uv.lock) and examples/hello-hardened (non-root, health-checked) into images
# with it and smoke-test them, against the test world's
# engine and offline base image; then release hello-fastapi: mvn deploy pushes every tag to the
# test world's registry with a login. The world's engine has no
# bridge network, so the smoke test uses the network mode it names (FASTAPI_TEST_NETWORK_MODE=host).
# Extra arguments go to the example's Maven run, e.g. scripts/example.sh -X
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
# shellcheck disable=SC2016 # expanded by the inner shell, after the world's env is exported
exec scripts/with-test-world.sh bash -c '
  ./mvnw -B -q install -DskipTests -Dinvoker.skip
  ./mvnw -B -f examples/hello-fastapi/pom.xml package -Dfastapi.baseImage="$FASTAPI_TEST_BASE_IMAGE" \
    -Dfastapi.smoke.network="${FASTAPI_TEST_NETWORK_MODE:-bridge}" "$@"
  # The same app managed with uv (pyproject.toml + uv.lock, no requirements.txt): built from its lock.
  ./mvnw -B -f examples/hello-uv/pom.xml package -Dfastapi.baseImage="$FASTAPI_TEST_BASE_IMAGE" \
    -Dfastapi.smoke.network="${FASTAPI_TEST_NETWORK_MODE:-bridge}" "$@"
  # The same app hardened for production: a non-root user, a health check, the environment
  # (its private index is left empty here: the index of the base image, one stage).
  ./mvnw -B -f examples/hello-hardened/pom.xml package -Dfastapi.baseImage="$FASTAPI_TEST_BASE_IMAGE" \
    -Dfastapi.smoke.network="${FASTAPI_TEST_NETWORK_MODE:-bridge}" "$@"
  # The release: mvn deploy (build, smoke, push) pushes every tag to the test registry, with the
  # login from the environment (REGISTRY_USER/REGISTRY_PASSWORD, which the example POM reads).
  REGISTRY_USER=$FASTAPI_TEST_REGISTRY_USER REGISTRY_PASSWORD=$FASTAPI_TEST_REGISTRY_PASSWORD \
    ./mvnw -B -f examples/hello-fastapi/pom.xml deploy -Dfastapi.baseImage="$FASTAPI_TEST_BASE_IMAGE" \
    -Dfastapi.smoke.network="${FASTAPI_TEST_NETWORK_MODE:-bridge}" \
    -Dfastapi.image="$FASTAPI_TEST_REGISTRY/hello-fastapi" "$@"
  # What the registry now lists.
  curl -sS --noproxy "*" --max-time 10 -u "$FASTAPI_TEST_REGISTRY_USER:$FASTAPI_TEST_REGISTRY_PASSWORD" \
    "http://$FASTAPI_TEST_REGISTRY/v2/hello-fastapi/tags/list"
  echo
' example "$@"
