package io.github.fastapidocker.build;

import io.github.fastapidocker.docker.BuildFailedException;
import io.github.fastapidocker.docker.DockerEngine;
import io.github.fastapidocker.docker.EngineIdentity;
import io.github.fastapidocker.dockerfile.DockerfileInspector;
import io.github.fastapidocker.kernel.BuildLog;
import io.github.fastapidocker.kernel.Hints;
import io.github.fastapidocker.kernel.Setting;

/**
 * Whether the image the engine built still has the health check its Dockerfile declares. Podman's
 * Docker-compatible build (measured on 4.3.1, also with {@code BUILDAH_FORMAT=docker} in the
 * service's environment and {@code outputformat} on the call) drops the {@code HEALTHCHECK} with
 * only a warning in its own log, as OCI-format images cannot hold one: the image would ship
 * without it, and the smoke test, finding none, would not wait for it either.
 */
final class KeptHealthcheck {
    private KeptHealthcheck() {}

    /**
     * Fails when the generated Dockerfile's health check ({@link Setting#HEALTHCHECK}) did not reach
     * the image; warns when a user's own Dockerfile's did not.
     *
     * @throws BuildFailedException naming the setting, the engine and how to keep it
     */
    static void check(BuildPlan plan, DockerEngine.ImageInfo image, EngineIdentity engine, Hints hints, BuildLog log) {
        if (image.hasHealthcheck() || !DockerfileInspector.declaresHealthcheck(plan.dockerfile())) {
            return;
        }
        String why = "the image " + image.id() + " that " + engine + " built has no health check although the"
                + " Dockerfile declares one: the engine dropped its HEALTHCHECK"
                + (engine.podman()
                        ? " (Podman's Docker-compatible build writes images without one, as the OCI image"
                                + " format has none). Build with a Docker engine, or declare the check where the"
                                + " container runs (podman run --health-cmd, compose, Kubernetes probes)"
                        : " (an engine that builds OCI-format images cannot keep one). Build with an engine that"
                                + " writes Docker-format images, or declare the check where the container runs");
        if (plan.generated()) {
            throw new BuildFailedException(
                    "Image build failed: " + why + ", or remove " + hints.name(Setting.HEALTHCHECK) + ".");
        }
        log.warn(why + ".");
    }
}
