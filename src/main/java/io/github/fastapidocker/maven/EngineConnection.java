package io.github.fastapidocker.maven;

import io.github.fastapidocker.docker.DockerEngine;
import io.github.fastapidocker.docker.EngineLocation;
import io.github.fastapidocker.docker.EngineTimeouts;
import io.github.fastapidocker.docker.dockerjava.DockerJavaEngine;
import io.github.fastapidocker.kernel.ConfigurationException;
import io.github.fastapidocker.kernel.Setting;
import java.time.Duration;
import org.apache.maven.plugin.logging.Log;

/** Opens the engine the goals that talk to Docker use. */
final class EngineConnection {
    /** The longest silence {@code <engineTimeout>} may allow: a day. */
    static final int MAX_ENGINE_TIMEOUT = 86_400;

    private EngineConnection() {}

    /** The engine to use, with the Maven words for where it was set and how to change it. */
    static EngineLocation location(String dockerHost) {
        String element = "<" + MavenHints.element(Setting.DOCKER_HOST) + ">";
        String property = MavenHints.property(Setting.DOCKER_HOST);
        return new EngineLocation(
                AbstractFastApiMojo.blankToNull(dockerHost),
                element + " / " + property,
                "Start the Docker engine, or point the plugin at one with DOCKER_HOST, 'docker context use NAME', or "
                        + element + " / -D" + property + "=unix:///path/docker.sock or tcp://host:2376");
    }

    /** The deadlines of the engine calls, with the Maven words for allowing more. */
    static EngineTimeouts timeouts(int engineTimeout) {
        if (engineTimeout < 1 || engineTimeout > MAX_ENGINE_TIMEOUT) {
            throw new ConfigurationException(MavenHints.INSTANCE.name(Setting.ENGINE_TIMEOUT) + " must be 1-"
                    + MAX_ENGINE_TIMEOUT + " seconds, was " + engineTimeout);
        }
        return new EngineTimeouts(
                Duration.ofSeconds(engineTimeout),
                "If the engine is only slow, allow it more seconds with "
                        + MavenHints.INSTANCE.set(Setting.ENGINE_TIMEOUT, "SECONDS") + " (now " + engineTimeout
                        + ")");
    }

    /** Opens the engine and checks it answers; the caller closes it. */
    static DockerEngine open(String dockerHost, int engineTimeout, Log log) {
        EngineTimeouts timeouts = timeouts(engineTimeout);
        long start = System.nanoTime();
        DockerEngine engine = DockerJavaEngine.connect(location(dockerHost), timeouts, log::info);
        try {
            engine.ping();
        } catch (RuntimeException e) {
            engine.close();
            throw e;
        }
        if (log.isDebugEnabled()) {
            log.debug("Docker engine: " + engine.host() + " (" + engine.identity() + ")");
        }
        log.debug("timing: engine client + ping " + (System.nanoTime() - start) / 1_000_000 + " ms");
        return engine;
    }
}
