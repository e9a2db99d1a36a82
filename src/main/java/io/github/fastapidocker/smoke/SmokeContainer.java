package io.github.fastapidocker.smoke;

import io.github.fastapidocker.docker.DockerEngine;
import io.github.fastapidocker.docker.DockerEngine.ContainerState;
import io.github.fastapidocker.kernel.BuildLog;
import io.github.fastapidocker.kernel.ControlCharacters;
import io.github.fastapidocker.smoke.SmokeReport.StopResult;

/**
 * The one container of a smoke test, from its creation to its removal on {@link #close()}; a
 * shutdown hook removes it meanwhile should the JVM go down first (Ctrl-C on the build).
 */
final class SmokeContainer implements AutoCloseable {
    private final DockerEngine engine;
    private final BuildLog log;
    private final String id;
    private final ShutdownCleanup cleanup;

    private SmokeContainer(DockerEngine engine, BuildLog log, String id) {
        this.engine = engine;
        this.log = log;
        this.id = id;
        this.cleanup = ShutdownCleanup.register(engine, id);
    }

    /** Creates the container; nothing exists to remove when this throws. */
    static SmokeContainer create(DockerEngine engine, ContainerLaunch launch, BuildLog log) {
        return new SmokeContainer(engine, log, launch.create(engine));
    }

    String id() {
        return id;
    }

    void start() {
        engine.startContainer(id);
    }

    /** Sends SIGTERM, kills after {@code graceSeconds}, and says how it went. */
    StopResult stop(int graceSeconds) {
        long t = System.nanoTime();
        engine.stopContainer(id, graceSeconds);
        long millis = Readiness.millisSince(t);
        Integer exit = engine.inspectContainer(id).map(ContainerState::exitCode).orElse(null);
        log.debug("timing: stop " + millis + " ms, exit " + exit);
        return new StopResult(millis, exit, graceSeconds);
    }

    /** What of the log tail goes into the Maven log and smoke.json, at most. */
    static final int TAIL_CHARS = 16 * 1024;

    /** The last lines of its log, or why they could not be read. */
    String tail() {
        try {
            return shown(engine.logs(id, Readiness.LOG_TAIL_LINES).strip());
        } catch (RuntimeException e) {
            return "(could not read it: " + e.getMessage() + ")";
        }
    }

    /**
     * The app's output as the build log may show it: its last {@link #TAIL_CHARS} characters (a
     * line of megabytes would be one {@code [ERROR]} line of megabytes), and no control character
     * but newline and tab (a carriage return or an escape sequence would rewrite the lines above it
     * on a terminal), each written as {@code \xNN}.
     */
    static String shown(String text) {
        String tail = text.length() > TAIL_CHARS
                ? "(the first " + (text.length() - TAIL_CHARS) + " characters left out) "
                        + text.substring(text.length() - TAIL_CHARS)
                : text;
        return ControlCharacters.visible(tail, "\n");
    }

    /** Removes the container, warning with the command to do it by hand when the engine would not. */
    @Override
    public void close() {
        long t = System.nanoTime();
        try {
            engine.removeContainer(id);
        } catch (RuntimeException e) {
            log.warn("Could not remove smoke-test container " + DockerEngine.shortId(id) + ": " + e.getMessage()
                    + " (remove it with: docker rm -f " + id + ")");
        }
        log.debug("timing: remove " + Readiness.millisSince(t) + " ms");
        cleanup.close();
    }
}
