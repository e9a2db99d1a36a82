package io.github.fastapidocker.smoke;

import io.github.fastapidocker.docker.DockerEngine;
import io.github.fastapidocker.kernel.BuildLog;
import java.util.Map;
import java.util.Optional;

/**
 * Containers that an earlier smoke test left behind: a build killed with SIGKILL runs no shutdown
 * hook, so the next smoke test on the engine removes them. A container is a leftover only when
 * the build that started it ({@link SmokeOwner}, from its labels) is gone and ran on this host;
 * one without an owner (an older plugin's) when it carries this project's and directory's labels.
 */
final class Leftovers {
    private final DockerEngine engine;
    private final BuildLog log;

    Leftovers(DockerEngine engine, BuildLog log) {
        this.engine = engine;
        this.log = log;
    }

    /** Removes every leftover smoke container on the engine, with a warning for each. */
    void remove(SmokeSettings settings) {
        Map<String, String> ours = SmokeLabels.ofProject(settings);
        String localHost = SmokeOwner.localHost();
        engine.labelledContainers(Map.of(SmokeLabels.SMOKE, "true")).forEach((id, labels) -> {
            Optional<SmokeOwner> owner = SmokeOwner.of(labels);
            boolean leftover = owner.isPresent()
                    ? owner.get().onHost(localHost) && owner.get().gone()
                    : labels.entrySet().containsAll(ours.entrySet());
            if (leftover) {
                engine.removeContainer(id);
                log.warn("Removed container " + DockerEngine.shortId(id) + " that an earlier smoke test of "
                        + labels.getOrDefault(SmokeLabels.PROJECT, "another project") + " left behind ("
                        + owner.map(o -> "its build, process " + o.pid() + ", is gone: was it killed?")
                                .orElse("was that build killed?")
                        + ")");
            }
        });
    }
}
