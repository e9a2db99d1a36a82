package io.github.fastapidocker.maven;

/** Every user property the plugin reads, in one place; all are prefixed {@code fastapi.}. */
public final class PropertyNames {
    public static final String SKIP = "fastapi.skip";
    public static final String BUILD_SKIP = "fastapi.build.skip";
    public static final String SMOKE_SKIP = "fastapi.smoke.skip";
    public static final String PUSH_SKIP = "fastapi.push.skip";

    public static final String IMAGE = "fastapi.image";
    public static final String TAGS = "fastapi.tags";
    public static final String PYTHON_VERSION = "fastapi.pythonVersion";
    public static final String BASE_IMAGE = "fastapi.baseImage";
    public static final String PYTHON_DIRECTORY = "fastapi.pythonDirectory";
    public static final String REQUIREMENTS_FILE = "fastapi.requirementsFile";
    public static final String PYTHON_DEPENDENCIES = "fastapi.pythonDependencies";
    public static final String PYTHON_EXTRAS = "fastapi.pythonExtras";
    public static final String APP_PATH = "fastapi.appPath";
    public static final String APP = "fastapi.app";
    public static final String PORT = "fastapi.port";
    public static final String WORKERS = "fastapi.workers";
    public static final String PROXY_HEADERS = "fastapi.proxyHeaders";
    public static final String FORWARDED_ALLOW_IPS = "fastapi.forwardedAllowIps";
    public static final String ROOT_PATH = "fastapi.rootPath";
    public static final String DOCKERFILE = "fastapi.dockerfile";
    public static final String USER = "fastapi.user";
    public static final String PIP_INDEX_URL = "fastapi.pip.indexUrl";
    public static final String PIP_EXTRA_INDEX_URL = "fastapi.pip.extraIndexUrl";
    public static final String PIP_INDEX_SERVER_ID = "fastapi.pip.indexServerId";
    public static final String DOCKER_HOST = "fastapi.dockerHost";
    public static final String ENGINE_TIMEOUT = "fastapi.engineTimeout";

    public static final String BUILD_NETWORK = "fastapi.build.network";
    public static final String BUILD_NO_CACHE = "fastapi.build.noCache";
    public static final String BUILD_PULL = "fastapi.build.pull";

    public static final String PUSH_RETRIES = "fastapi.push.retries";
    public static final String REGISTRY_USERNAME = "fastapi.registry.username";
    public static final String REGISTRY_PASSWORD = "fastapi.registry.password";

    public static final String SMOKE_NETWORK = "fastapi.smoke.network";
    public static final String SMOKE_HOST = "fastapi.smoke.host";
    public static final String SMOKE_TIMEOUT = "fastapi.smoke.timeout";
    public static final String SMOKE_STOP_TIMEOUT = "fastapi.smoke.stopTimeout";
    public static final String SMOKE_GRACEFUL_STOP = "fastapi.smoke.gracefulStop";
    public static final String SMOKE_FORCE = "fastapi.smoke.force";

    /** Maven's own switch for tests; the smoke test is one. Not ours, so not prefixed. */
    public static final String SKIP_TESTS = "skipTests";

    private PropertyNames() {}
}
