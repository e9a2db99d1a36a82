package io.github.fastapidocker.docker;

import io.github.fastapidocker.docker.config.DockerCliConfig;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Where to find the engine: an explicit host, or the docker CLI's own rules (DOCKER_HOST,
 * DOCKER_TLS_VERIFY/DOCKER_CERT_PATH, DOCKER_CONTEXT or the current context in the docker config,
 * then the default socket), which the adapter applies. How the user sets the explicit host, and
 * how to change it, is the caller's to say: this package knows no build tool.
 *
 * @param explicitHost the configured host, or {@code null}
 * @param explicitSource where the explicit host was configured, as the user would look for it
 * @param howToChange the hint every "cannot reach the engine" message ends with
 */
public record EngineLocation(String explicitHost, String explicitSource, String howToChange) {

    /** With the docker CLI's ways only: for callers that have no setting of their own. */
    public EngineLocation(String explicitHost) {
        this(
                explicitHost,
                "the configured host",
                "Start the Docker engine, or point at one with DOCKER_HOST or 'docker context use NAME'");
    }

    /** Where the host came from, for messages that tell the user how to change it. */
    public String source(Map<String, String> env) {
        return source(env, Path.of(System.getProperty("user.home")), message -> {});
    }

    /**
     * Where the host came from.
     *
     * @param home the user's home, where the docker config is when DOCKER_CONFIG is not set
     * @param debug told why the docker config was ignored, if it was
     */
    public String source(Map<String, String> env, Path home, Consumer<String> debug) {
        if (explicitHost != null && !explicitHost.isBlank()) {
            return explicitSource;
        }
        if (env.get("DOCKER_HOST") != null && !env.get("DOCKER_HOST").isBlank()) {
            return "DOCKER_HOST";
        }
        if (env.get("DOCKER_CONTEXT") != null && !env.get("DOCKER_CONTEXT").isBlank()) {
            return "docker context '" + env.get("DOCKER_CONTEXT").trim() + "' (DOCKER_CONTEXT)";
        }
        // Only to name the context in messages: docker-java applies it.
        DockerCliConfig config = DockerCliConfig.readOrEmpty(DockerCliConfig.locate(env, home), debug);
        return config.currentContext()
                .filter(name -> !name.equals("default"))
                .map(name -> "docker context '" + name + "' (" + config.file() + ")")
                .orElse("the default socket");
    }
}
