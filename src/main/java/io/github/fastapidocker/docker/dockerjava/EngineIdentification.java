package io.github.fastapidocker.docker.dockerjava;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.fastapidocker.docker.EngineIdentity;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Tells which engine answered. The ping's headers already say it, so that costs no call of its
 * own: {@code Server: Docker/20.10.24+dfsg1 (linux)} or {@code Server: Libpod/4.3.1 (linux)}, and
 * {@code Api-Version: 1.41}. Only an engine whose ping does not say is asked {@code GET /version}
 * (its {@code Components[].Name} and {@code Version}, {@code ApiVersion}), which is dearer: Podman
 * 4.3 runs conmon and runc to answer it, about 0.5 s here, against 1 ms for the ping.
 */
final class EngineIdentification {
    /** {@code PRODUCT/VERSION (os)}, the Go servers' {@code Server} header. */
    private static final Pattern SERVER = Pattern.compile("^(Docker|Libpod)/(\\S+)(?:\\s.*)?$");

    private EngineIdentification() {}

    /** From the ping's {@code Server} and {@code Api-Version} headers; empty when they do not say. */
    static Optional<EngineIdentity> fromPing(String server, String apiVersion) {
        if (server == null) {
            return Optional.empty();
        }
        Matcher m = SERVER.matcher(server.strip());
        if (!m.matches()) {
            return Optional.empty();
        }
        String name = m.group(1).equals("Libpod") ? EngineIdentity.PODMAN : EngineIdentity.DOCKER;
        return Optional.of(new EngineIdentity(name, m.group(2), blankToNull(apiVersion)));
    }

    /**
     * From the answer to {@code GET /version}: the component that is the engine (Docker calls it
     * {@code Engine}, Podman {@code Podman Engine}), else the top-level version under the
     * platform's name.
     */
    static EngineIdentity fromVersion(JsonNode version) {
        if (version == null) {
            return EngineIdentity.UNKNOWN;
        }
        String api = blankToNull(version.path("ApiVersion").asText(null));
        for (JsonNode component : version.path("Components")) {
            String name = component.path("Name").asText("");
            if (name.equals("Engine")) {
                return new EngineIdentity(
                        EngineIdentity.DOCKER,
                        blankToNull(component.path("Version").asText(null)),
                        api);
            }
            if (name.endsWith("Engine")) {
                return new EngineIdentity(
                        name, blankToNull(component.path("Version").asText(null)), api);
            }
        }
        String platform = blankToNull(version.path("Platform").path("Name").asText(null));
        return new EngineIdentity(platform, blankToNull(version.path("Version").asText(null)), api);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
