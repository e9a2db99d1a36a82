package io.github.fastapidocker.docker;

/**
 * Which engine answered: its product, its version and the Engine API version it speaks, as in
 * {@code Docker Engine 28.5.2, API 1.51} or {@code Podman Engine 4.3.1, API 1.41}. For the logs
 * and the reports, and for advice that differs by engine (where an insecure registry is set).
 *
 * @param name the product ({@code Docker Engine}, {@code Podman Engine}), or {@code null} when the
 *     engine did not say
 * @param version its version as the engine reports it ({@code 20.10.24+dfsg1}), or {@code null}
 * @param apiVersion the Engine API version it speaks ({@code 1.41}), or {@code null}
 */
public record EngineIdentity(String name, String version, String apiVersion) {
    /** Docker's engine, whatever its edition. */
    public static final String DOCKER = "Docker Engine";
    /** Podman's compatible API service. */
    public static final String PODMAN = "Podman Engine";
    /** An engine that did not say which it is. */
    public static final EngineIdentity UNKNOWN = new EngineIdentity(null, null, null);

    /** Whether the engine said which it is. */
    public boolean known() {
        return name != null;
    }

    public boolean podman() {
        return PODMAN.equals(name);
    }

    public boolean docker() {
        return DOCKER.equals(name);
    }

    /** {@code Podman Engine 4.3.1, API 1.41}; {@code unknown engine} when it did not say. */
    @Override
    public String toString() {
        if (!known()) {
            return "unknown engine" + (apiVersion == null ? "" : ", API " + apiVersion);
        }
        return name + (version == null ? "" : " " + version) + (apiVersion == null ? "" : ", API " + apiVersion);
    }
}
