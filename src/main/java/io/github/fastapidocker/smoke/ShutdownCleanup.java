package io.github.fastapidocker.smoke;

import io.github.fastapidocker.docker.DockerEngine;

/**
 * Removes a container when the JVM shuts down before the smoke test could (Ctrl-C on Maven), until
 * {@link #close() closed}. A build killed with SIGKILL runs no hook: the next smoke test on the
 * engine removes what it left once it sees that build gone ({@link Leftovers}).
 */
final class ShutdownCleanup implements AutoCloseable {
    private final Thread hook;

    private ShutdownCleanup(Thread hook) {
        this.hook = hook;
    }

    static ShutdownCleanup register(DockerEngine engine, String containerId) {
        Thread hook = new Thread(
                () -> {
                    try {
                        engine.removeContainer(containerId);
                    } catch (RuntimeException e) {
                        // The JVM is going down; nothing left to report to.
                    }
                },
                "fastapi-smoke-cleanup");
        Runtime.getRuntime().addShutdownHook(hook);
        return new ShutdownCleanup(hook);
    }

    /** What the hook does, for tests. */
    void runHook() {
        hook.run();
    }

    /** Deregisters the hook; {@code false} when the JVM is already shutting down (the hook then runs). */
    boolean deregister() {
        try {
            return Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            return false;
        }
    }

    @Override
    public void close() {
        deregister();
    }
}
