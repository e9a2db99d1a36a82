package io.github.fastapidocker.maven;

import io.github.fastapidocker.docker.DockerEngine;
import io.github.fastapidocker.docker.EngineLocation;
import io.github.fastapidocker.docker.EngineTimeoutException;
import io.github.fastapidocker.docker.EngineTimeouts;
import io.github.fastapidocker.docker.EngineUnavailableException;
import io.github.fastapidocker.docker.dockerjava.DockerJavaEngine;
import io.github.fastapidocker.kernel.ConfigurationException;
import io.github.fastapidocker.kernel.Setting;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.maven.plugin.logging.Log;

/** Opens the engine the goals that talk to Docker use. */
final class EngineConnection {
    /** The longest silence {@code <engineTimeout>} may allow: a day. */
    static final int MAX_ENGINE_TIMEOUT = 86_400;

    private EngineConnection() {}

    /** Set once the engine classes of this plugin realm were set loading. */
    private static final AtomicBoolean PREPARED = new AtomicBoolean();

    /**
     * Sets the engine client's classes loading on a thread of its own, once per plugin realm
     * ({@link DockerJavaEngine#prepare()}). Called when Maven makes a goal that talks to Docker:
     * Maven then still configures it, about 70 ms of a fresh JVM, and the goal's own connection
     * later finds the classes ready. Connects nowhere; a goal that turns out skipped wasted a
     * little CPU on a daemon thread, nothing else.
     */
    static void prepare() {
        if (PREPARED.compareAndSet(false, true)) {
            Thread thread = new Thread(DockerJavaEngine::prepare, "fastapi-docker-prepare");
            thread.setDaemon(true);
            thread.start();
        }
    }

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
        try (Opening opening = start(dockerHost, engineTimeout, log)) {
            return opening.take();
        }
    }

    /**
     * Starts opening the engine on a thread of its own and returns at once, so that the goal's own
     * work (the project's layout, the Dockerfile, the context) overlaps the client's set-up: in a
     * fresh JVM that is a quarter of a second of class loading before the first byte goes to the
     * engine. A wrong {@code <engineTimeout>} fails here, before anything starts.
     */
    static Opening start(String dockerHost, int engineTimeout, Log log) {
        EngineTimeouts timeouts = timeouts(engineTimeout);
        EngineLocation location = location(dockerHost);
        return new Opening(location, timeouts, log);
    }

    /**
     * An engine being opened: {@link #take()} waits for it (bounded: the connection and the ping
     * each have their deadline, and so does the wait) and hands it over; closing closes an engine
     * nobody took, also one that is still being opened when the goal fails first.
     */
    static final class Opening implements AutoCloseable {
        private final FutureTask<DockerEngine> task;
        private final Duration deadline;
        /** What the opening thread would log, logged by the goal's thread when it takes the engine. */
        private final List<String> found = Collections.synchronizedList(new ArrayList<>());

        private final Log log;
        private final long start = System.nanoTime();
        private boolean taken;
        /** Set when the goal ended before the engine was open: the opening thread then closes it. */
        private boolean abandoned;
        /** The engine once open, until the goal takes it. */
        private DockerEngine opened;

        private Opening(EngineLocation location, EngineTimeouts timeouts, Log log) {
            this.log = log;
            this.deadline = timeouts.connect().plus(timeouts.ping()).plus(WAIT_MARGIN);
            this.task = new FutureTask<>(() -> {
                DockerEngine engine = DockerJavaEngine.connect(location, timeouts, found::add);
                try {
                    engine.ping();
                } catch (RuntimeException e) {
                    engine.close();
                    throw e;
                }
                synchronized (this) {
                    if (abandoned) {
                        engine.close();
                        return null;
                    }
                    opened = engine;
                }
                return engine;
            });
            Thread thread = new Thread(task, "fastapi-docker-engine");
            thread.setDaemon(true);
            thread.start();
        }

        /** The engine, once it answered the ping; the caller closes it. */
        DockerEngine take() {
            DockerEngine engine = await();
            taken = true;
            found.forEach(log::info);
            if (log.isDebugEnabled()) {
                log.debug("Docker engine: " + engine.host() + " (" + engine.identity() + ")");
                log.debug("timing: engine client + ping " + (System.nanoTime() - start) / 1_000_000
                        + " ms since the goal started it");
            }
            return engine;
        }

        private DockerEngine await() {
            try {
                return task.get(deadline.toMillis(), TimeUnit.MILLISECONDS);
            } catch (ExecutionException e) {
                if (e.getCause() instanceof RuntimeException r) {
                    throw r;
                }
                if (e.getCause() instanceof Error error) {
                    throw error;
                }
                throw new IllegalStateException(e.getCause());
            } catch (TimeoutException e) {
                task.cancel(true);
                throw new EngineTimeoutException(
                        "The Docker engine did not answer within " + EngineTimeouts.seconds(deadline),
                        "ping",
                        deadline,
                        e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                task.cancel(true);
                throw new EngineUnavailableException("Interrupted while connecting to the Docker engine", e);
            }
        }

        @Override
        public void close() {
            if (taken) {
                return;
            }
            taken = true;
            DockerEngine engine;
            synchronized (this) {
                // Still opening (or failing): the opening thread closes what it opens.
                abandoned = true;
                engine = opened;
            }
            if (engine != null) {
                engine.close();
            }
        }
    }

    /** How much longer than the connection's and the ping's own deadlines the goal waits for them. */
    static final Duration WAIT_MARGIN = Duration.ofSeconds(5);
}
