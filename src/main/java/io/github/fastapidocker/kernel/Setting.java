package io.github.fastapidocker.kernel;

/**
 * Every setting a user can change, in the plugin's own terms. The core names a setting in a
 * message only through {@link Hints}, so how a user writes it (a POM element, a property, a
 * command-line flag) is decided at the edge, in one place.
 */
public enum Setting {
    IMAGE,
    TAGS,
    PYTHON_VERSION,
    BASE_IMAGE,
    PYTHON_DIRECTORY,
    REQUIREMENTS_FILE,
    PYTHON_DEPENDENCIES,
    PYTHON_EXTRAS,
    APP_PATH,
    APP,
    PORT,
    WORKERS,
    PROXY_HEADERS,
    FORWARDED_ALLOW_IPS,
    ROOT_PATH,
    DOCKERFILE,
    LABELS,
    USER,
    ENVIRONMENT,
    HEALTHCHECK,
    PIP_INDEX_URL,
    PIP_EXTRA_INDEX_URL,
    PIP_INDEX_SERVER_ID,
    DOCKER_HOST,
    ENGINE_TIMEOUT,
    BUILD_ARGS,
    BUILD_NETWORK,
    NO_CACHE,
    PULL,
    PUSH_RETRIES,
    REGISTRY_USERNAME,
    REGISTRY_PASSWORD,
    SMOKE_NETWORK,
    SMOKE_HOST,
    SMOKE_TIMEOUT,
    STOP_TIMEOUT,
    GRACEFUL_STOP,
    FORCE_SMOKE,
    PROBES,
    SMOKE_ENV
}
