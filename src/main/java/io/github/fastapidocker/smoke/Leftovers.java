package io.github.fastapidocker.smoke;

import io.github.fastapidocker.docker.DockerEngine;
import io.github.fastapidocker.kernel.BuildLog;

/**
 * Containers that an earlier smoke test of this project left behind: a build killed with SIGKILL
 * runs no shutdown hook, so the next run removes them, found by their {@link SmokeLabels}.
 */
final class Leftovers {
    private final DockerEngine engine;
    private final BuildLog log;

    Leftovers(DockerEngine engine, BuildLog log) {
        this.engine = engine;
        this.log = log;
    }

    /** Removes every container of this project in this directory, with a warning for each. */
    void remove(SmokeSettings settings) {
        for (String leftover : engine.containersWithLabels(SmokeLabels.ofProject(settings))) {
            engine.removeContainer(leftover);
            log.warn("Removed container " + Readiness.shortId(leftover) + " that an earlier smoke test of "
                    + settings.project() + " left behind (was that build killed?)");
        }
    }
}
