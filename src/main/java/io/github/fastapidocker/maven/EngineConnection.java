package io.github.fastapidocker.maven;

import io.github.fastapidocker.docker.DockerEngine;
import io.github.fastapidocker.docker.EngineLocation;
import io.github.fastapidocker.docker.dockerjava.DockerJavaEngine;
import org.apache.maven.plugin.logging.Log;

/** Opens the engine the goals that talk to Docker use. */
final class EngineConnection {
    private EngineConnection() {}

    /** Opens the engine and checks it answers; the caller closes it. */
    static DockerEngine open(String dockerHost, Log log) {
        long start = System.nanoTime();
        DockerEngine engine = DockerJavaEngine.connect(new EngineLocation(AbstractFastApiMojo.blankToNull(dockerHost)));
        try {
            engine.ping();
        } catch (RuntimeException e) {
            engine.close();
            throw e;
        }
        log.debug("Docker engine: " + engine.host());
        log.debug("timing: engine client + ping " + (System.nanoTime() - start) / 1_000_000 + " ms");
        return engine;
    }
}
