package io.github.fastapidocker.docker;

import io.github.fastapidocker.auth.DockerConfigCredentialSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where to find the engine: an explicit host (from {@code <dockerHost>}), or the docker CLI's own
 * rules (DOCKER_HOST, DOCKER_TLS_VERIFY/DOCKER_CERT_PATH, DOCKER_CONTEXT or the current context in
 * the docker config, then the default socket), which the adapter applies.
 *
 * @param explicitHost the configured host, or {@code null}
 */
public record EngineLocation(String explicitHost) {

    /** Where the host came from, for messages that tell the user how to change it. */
    public String source(Map<String, String> env) {
        if (explicitHost != null && !explicitHost.isBlank()) {
            return "<dockerHost> / fastapi.dockerHost";
        }
        if (env.get("DOCKER_HOST") != null && !env.get("DOCKER_HOST").isBlank()) {
            return "DOCKER_HOST";
        }
        if (env.get("DOCKER_CONTEXT") != null && !env.get("DOCKER_CONTEXT").isBlank()) {
            return "docker context '" + env.get("DOCKER_CONTEXT").trim() + "' (DOCKER_CONTEXT)";
        }
        Path config = DockerConfigCredentialSource.locate(env, Path.of(System.getProperty("user.home")));
        return currentContext(config)
                .filter(name -> !name.equals("default"))
                .map(name -> "docker context '" + name + "' (" + config + ")")
                .orElse("the default socket");
    }

    private static final Pattern CURRENT_CONTEXT = Pattern.compile("\"currentContext\"\\s*:\\s*\"([^\"]*)\"");

    /** The docker CLI's current context, only to name it in messages (docker-java applies it). */
    static Optional<String> currentContext(Path config) {
        try {
            Matcher m = CURRENT_CONTEXT.matcher(Files.readString(config));
            return m.find() && !m.group(1).isBlank() ? Optional.of(m.group(1)) : Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** The hint every "cannot reach the engine" message ends with. */
    public static final String HOW_TO_CHANGE = "Start the Docker engine, or point the plugin at one with DOCKER_HOST,"
            + " 'docker context use NAME', or <dockerHost> / -Dfastapi.dockerHost=unix:///path/docker.sock or tcp://host:2376";
}
