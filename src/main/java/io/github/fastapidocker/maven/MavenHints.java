package io.github.fastapidocker.maven;

import io.github.fastapidocker.kernel.Hints;
import io.github.fastapidocker.kernel.Setting;
import java.util.EnumMap;
import java.util.Map;

/**
 * The plugin's settings as a Maven user writes them: the POM element and its {@code fastapi.*}
 * property. The only place that pairs a {@link Setting} with Maven words.
 */
public final class MavenHints implements Hints {
    /** The one instance; it has no state. */
    public static final MavenHints INSTANCE = new MavenHints();

    private record Parameter(String element, String property) {}

    private static final Map<Setting, Parameter> PARAMETERS = new EnumMap<>(Setting.class);

    private static void put(Setting setting, String element, String property) {
        PARAMETERS.put(setting, new Parameter(element, property));
    }

    static {
        put(Setting.IMAGE, "image", PropertyNames.IMAGE);
        put(Setting.TAGS, "tags", PropertyNames.TAGS);
        put(Setting.PYTHON_VERSION, "pythonVersion", PropertyNames.PYTHON_VERSION);
        put(Setting.BASE_IMAGE, "baseImage", PropertyNames.BASE_IMAGE);
        put(Setting.PYTHON_DIRECTORY, "pythonDirectory", PropertyNames.PYTHON_DIRECTORY);
        put(Setting.REQUIREMENTS_FILE, "requirementsFile", PropertyNames.REQUIREMENTS_FILE);
        put(Setting.PYTHON_DEPENDENCIES, "pythonDependencies", PropertyNames.PYTHON_DEPENDENCIES);
        put(Setting.PYTHON_EXTRAS, "pythonExtras", PropertyNames.PYTHON_EXTRAS);
        put(Setting.APP_PATH, "appPath", PropertyNames.APP_PATH);
        put(Setting.APP, "app", PropertyNames.APP);
        put(Setting.PORT, "port", PropertyNames.PORT);
        put(Setting.WORKERS, "workers", PropertyNames.WORKERS);
        put(Setting.PROXY_HEADERS, "proxyHeaders", PropertyNames.PROXY_HEADERS);
        put(Setting.FORWARDED_ALLOW_IPS, "forwardedAllowIps", PropertyNames.FORWARDED_ALLOW_IPS);
        put(Setting.ROOT_PATH, "rootPath", PropertyNames.ROOT_PATH);
        put(Setting.DOCKERFILE, "dockerfile", PropertyNames.DOCKERFILE);
        put(Setting.LABELS, "labels", null);
        put(Setting.USER, "user", PropertyNames.USER);
        put(Setting.ENVIRONMENT, "environment", null);
        put(Setting.HEALTHCHECK, "healthcheck", null);
        put(Setting.PIP_INDEX_URL, "pipIndexUrl", PropertyNames.PIP_INDEX_URL);
        put(Setting.PIP_EXTRA_INDEX_URL, "pipExtraIndexUrl", PropertyNames.PIP_EXTRA_INDEX_URL);
        put(Setting.PIP_INDEX_SERVER_ID, "pipIndexServerId", PropertyNames.PIP_INDEX_SERVER_ID);
        put(Setting.DOCKER_HOST, "dockerHost", PropertyNames.DOCKER_HOST);
        put(Setting.ENGINE_TIMEOUT, "engineTimeout", PropertyNames.ENGINE_TIMEOUT);
        put(Setting.BUILD_ARGS, "buildArgs", null);
        put(Setting.BUILD_NETWORK, "buildNetwork", PropertyNames.BUILD_NETWORK);
        put(Setting.NO_CACHE, "noCache", PropertyNames.BUILD_NO_CACHE);
        put(Setting.PULL, "pull", PropertyNames.BUILD_PULL);
        put(Setting.PUSH_RETRIES, "pushRetries", PropertyNames.PUSH_RETRIES);
        put(Setting.REGISTRY_USERNAME, "registryUsername", PropertyNames.REGISTRY_USERNAME);
        put(Setting.REGISTRY_PASSWORD, "registryPassword", PropertyNames.REGISTRY_PASSWORD);
        put(Setting.SMOKE_NETWORK, "smokeNetwork", PropertyNames.SMOKE_NETWORK);
        put(Setting.SMOKE_HOST, "smokeHost", PropertyNames.SMOKE_HOST);
        put(Setting.SMOKE_TIMEOUT, "smokeTimeout", PropertyNames.SMOKE_TIMEOUT);
        put(Setting.STOP_TIMEOUT, "stopTimeout", PropertyNames.SMOKE_STOP_TIMEOUT);
        put(Setting.GRACEFUL_STOP, "gracefulStop", PropertyNames.SMOKE_GRACEFUL_STOP);
        put(Setting.FORCE_SMOKE, "forceSmoke", PropertyNames.SMOKE_FORCE);
        put(Setting.PROBES, "probes", null);
        put(Setting.SMOKE_ENV, "smokeEnv", null);
    }

    private MavenHints() {}

    /** The POM element of a setting, without brackets. */
    public static String element(Setting setting) {
        return parameter(setting).element();
    }

    /** The user property of a setting, or {@code null} when it has none (maps and lists of objects). */
    public static String property(Setting setting) {
        return parameter(setting).property();
    }

    private static Parameter parameter(Setting setting) {
        Parameter p = PARAMETERS.get(setting);
        if (p == null) {
            throw new IllegalStateException("no Maven parameter for " + setting);
        }
        return p;
    }

    @Override
    public String name(Setting setting) {
        Parameter p = parameter(setting);
        return "<" + p.element() + ">" + (p.property() == null ? "" : " (" + p.property() + ")");
    }

    @Override
    public String set(Setting setting, String value) {
        Parameter p = parameter(setting);
        String element = "<" + p.element() + ">" + value + "</" + p.element() + ">";
        return p.property() == null ? element : element + " (-D" + p.property() + "=" + value + ")";
    }

    /** The nested element as written inside {@code parent}'s element: {@code <child>}. */
    @Override
    public String element(Setting parent, String child) {
        parameter(parent);
        return "<" + child + ">";
    }

    @Override
    public String command(Step step) {
        return switch (step) {
            case BUILD -> "mvn package";
            case PUSH -> "mvn deploy";
        };
    }

    @Override
    public String serverLogin(String registry) {
        return "a settings.xml <server> with <id>" + registry + "</id>";
    }

    @Override
    public String server(String id) {
        return "settings.xml server '" + id + "'";
    }

    @Override
    public String serverField(String id, String field) {
        return "<" + field + "> of " + server(id);
    }
}
