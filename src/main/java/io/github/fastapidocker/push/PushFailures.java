package io.github.fastapidocker.push;

import io.github.fastapidocker.auth.RegistryCredentials;
import io.github.fastapidocker.docker.DockerEngine;
import io.github.fastapidocker.docker.EngineIdentity;
import io.github.fastapidocker.docker.ImageReference;
import io.github.fastapidocker.docker.PushFailedException;
import io.github.fastapidocker.docker.PushFailedException.Reason;
import io.github.fastapidocker.kernel.Hints;
import io.github.fastapidocker.kernel.Setting;

/** The message of a push that failed for good: what went wrong, and who can change it. */
final class PushFailures {
    private final DockerEngine engine;
    private final Hints hints;

    PushFailures(DockerEngine engine, Hints hints) {
        this.engine = engine;
        this.hints = hints;
    }

    /**
     * @param image the image pushed
     * @param reference the tag pushed ({@code image:tag})
     * @param message the engine's message, credentials redacted
     * @param attempts how many tries were made
     */
    PushFailedException of(
            PushFailedException e,
            ImageReference image,
            String reference,
            String message,
            int attempts,
            RegistryCredentials credentials) {
        return switch (e.reason()) {
            case REFUSED_LOGIN -> new PushFailedException(
                    refusedLogin(image, reference, message, credentials), Reason.REFUSED_LOGIN);
            case PLAIN_HTTP_REGISTRY -> new PushFailedException(
                    plainHttp(image.registry(), reference, message), Reason.PLAIN_HTTP_REGISTRY);
            case OTHER -> new PushFailedException(
                    "Pushing " + reference + " to registry " + image.registry()
                            + " failed after " + attempts + " attempt" + (attempts == 1 ? "" : "s") + ": "
                            + message
                            + " (is the registry " + image.registry()
                            + " up and reachable from the Docker engine at "
                            + engine.host() + "? " + hints.name(Setting.PUSH_RETRIES) + " sets the retries)",
                    Reason.OTHER);
        };
    }

    private String refusedLogin(ImageReference image, String reference, String message, RegistryCredentials c) {
        String registry = image.registry();
        String fix = "Set " + hints.name(Setting.REGISTRY_USERNAME) + " and " + hints.name(Setting.REGISTRY_PASSWORD)
                + ", " + hints.serverLogin(registry) + ", or a docker login for " + registry + ".";
        if (c.isAnonymous()) {
            return "Registry " + registry + " refused the push of " + reference + " without a login (unauthorized): "
                    + message + ". No credentials were found (" + c.source() + "). " + fix;
        }
        return "Registry " + registry + " refused the login (unauthorized) for " + reference + ": " + message
                + ". Credentials tried: " + c.describe() + ". Check them. " + fix;
    }

    /**
     * Whether an engine speaks plain HTTP to a registry is the engine's own setting: no plugin
     * setting changes it, so the message says where the engine keeps it, and a retry cannot help.
     */
    private String plainHttp(String registry, String reference, String message) {
        EngineIdentity identity = engine.identity();
        String podman = "Podman decides it in its registries.conf (/etc/containers/registries.conf,"
                + " ~/.config/containers/registries.conf when rootless, or the file CONTAINERS_REGISTRIES_CONF"
                + " names where the engine runs): [[registry]] location=\"" + registry + "\" insecure=true,"
                + " then restart the Podman service. Podman, unlike dockerd, does not treat loopback"
                + " (127.0.0.0/8) registries as insecure.";
        String docker = "dockerd decides it by \"insecure-registries\": [\"" + registry + "\"] in its daemon.json"
                + " (/etc/docker/daemon.json), then a restart; it treats only loopback registries as insecure"
                + " by itself.";
        String where = identity.podman() ? podman : identity.docker() ? docker : podman + " " + docker;
        return "Registry " + registry + " answers plain HTTP, but the engine at " + engine.host() + " (" + identity
                + ") spoke HTTPS to it, so " + reference + " was not pushed (not retried: another try gets the"
                + " same answer): " + message + ". Whether an engine may push to a registry over plain HTTP is"
                + " the engine's setting, not the plugin's: " + where + " Or serve the registry over HTTPS.";
    }
}
