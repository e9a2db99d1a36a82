package io.github.fastapidocker.smoke;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.fastapidocker.docker.DockerEngine.ContainerSpec;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The shutdown hook that removes the container on Ctrl-C. */
class ShutdownCleanupTest extends SmokeFixture {
    @Test
    void shutdownHookRemovesTheContainer() {
        String id = engine.createContainer(
                new ContainerSpec("sha256:built", null, Map.of(), "host", null, null, null, Map.of()));
        ShutdownCleanup cleanup = ShutdownCleanup.register(engine, id);
        cleanup.runHook();
        assertTrue(engine.containers.isEmpty(), "the hook removes the container on Ctrl-C");
        assertTrue(cleanup.deregister(), "registered until released");
        assertFalse(cleanup.deregister());
    }
}
