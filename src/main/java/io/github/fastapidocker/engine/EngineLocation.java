package io.github.fastapidocker.engine;

import java.util.Map;

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
            return "DOCKER_CONTEXT";
        }
        return "the docker context or default socket";
    }

    /** The hint every "cannot reach the engine" message ends with. */
    public static final String HOW_TO_CHANGE = "Start the Docker engine, or point the plugin at one with DOCKER_HOST,"
            + " 'docker context use NAME', or <dockerHost> / -Dfastapi.dockerHost=unix:///path/docker.sock or tcp://host:2376";
}
