package io.github.fastapidocker.smoke;

import io.github.fastapidocker.docker.DockerEngine;
import io.github.fastapidocker.docker.DockerEngine.ContainerState;
import io.github.fastapidocker.kernel.Hints;
import io.github.fastapidocker.kernel.Setting;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * Waits until a container's server answers: a GET every {@link #POLL_INTERVAL} at most, each with a
 * short timeout, until any HTTP answer or the deadline. An {@link IOException} means "not ready yet".
 * Every round first asks the engine whether the container still runs, so an app that dies at import
 * fails at once with its exit code and log, not after the timeout.
 */
public final class Readiness {
    /**
     * At most this long between tries: a refused connection on loopback costs well under a
     * millisecond, and the app's own start (about 0.4 s for the guide's app) is what is waited for,
     * so a short interval answers sooner for next to nothing.
     */
    public static final Duration POLL_INTERVAL = Duration.ofMillis(25);
    /** At most this long between the engine's answers whether the container still runs. */
    public static final Duration RUNNING_CHECK_INTERVAL = Duration.ofMillis(100);
    /** One try may take this long (a server that accepted but answers slowly gets the next try). */
    public static final Duration TRY_TIMEOUT = Duration.ofSeconds(2);
    /** A try with less time left than this could not succeed; the loop ends instead. */
    static final Duration MIN_TRY = Duration.ofMillis(20);
    /** Lines of the container's log that a failure shows. */
    public static final int LOG_TAIL_LINES = 40;

    private final DockerEngine engine;
    private final HttpProber http;
    private final Hints hints;

    /**
     * A waiter for one container.
     *
     * @param engine asked each round whether the container still runs
     * @param http sends the GETs
     * @param hints names the timeout to raise when the server never answers
     */
    public Readiness(DockerEngine engine, HttpProber http, Hints hints) {
        this.engine = engine;
        this.http = http;
        this.hints = hints;
    }

    /**
     * The server answered.
     *
     * @param millis from the call until the answer
     * @param attempts GETs sent
     */
    public record Ready(long millis, int attempts) {}

    /**
     * Polls {@code uri} until it answers.
     *
     * @param hint appended when the server never answers: what to check
     * @throws SmokeFailedException when the container exited, vanished, or never answered in time
     */
    public Ready await(String containerId, URI uri, Duration timeout, String hint) {
        long start = System.nanoTime();
        long deadline = start + timeout.toNanos();
        long interval = POLL_INTERVAL.toNanos();
        // Bounded in count as well as time: each round lasts at least the poll interval.
        long maxAttempts = timeout.toNanos() / interval + 2;
        String lastError = "no try yet";
        int attempts = 0;
        long lastCheck = 0;
        while (attempts < maxAttempts) {
            long roundStart = System.nanoTime();
            if (attempts == 0 || roundStart - lastCheck >= RUNNING_CHECK_INTERVAL.toNanos()) {
                checkRunning(containerId, uri, millisSince(start));
                lastCheck = roundStart;
            }
            long remaining = deadline - roundStart;
            if (remaining < MIN_TRY.toNanos()) {
                break;
            }
            attempts++;
            try {
                http.get(uri, Duration.ofNanos(Math.min(TRY_TIMEOUT.toNanos(), remaining)));
                return new Ready(millisSince(start), attempts);
            } catch (IOException e) {
                lastError = describe(e);
            }
            long pause = Math.min(interval - (System.nanoTime() - roundStart), deadline - System.nanoTime());
            if (pause > 0) {
                pause(pause, "the container to answer");
            }
        }
        // One last look: a container that died during the final try should say so, not "timed out".
        checkRunning(containerId, uri, millisSince(start));
        throw new SmokeFailedException(String.format(
                Locale.ROOT,
                "No answer from GET %s within %s (%d tries; last: %s). The container is still running.%s"
                        + " A slow start needs a longer timeout: %s.%n%s",
                uri,
                seconds(timeout),
                attempts,
                lastError,
                hint == null || hint.isEmpty() ? "" : " " + hint,
                hints.set(Setting.SMOKE_TIMEOUT, "SECONDS"),
                logSection(containerId)));
    }

    private void checkRunning(String containerId, URI uri, long elapsedMillis) {
        Optional<ContainerState> state = engine.inspectContainer(containerId);
        if (state.isEmpty()) {
            throw new SmokeFailedException("The smoke-test container " + DockerEngine.shortId(containerId)
                    + " disappeared before it answered GET " + uri + " (removed by someone else?)");
        }
        if (!state.get().running()) {
            ContainerState s = state.get();
            throw new SmokeFailedException(String.format(
                    Locale.ROOT,
                    "The container exited with code %s after %.1f s, before it answered GET %s%s: the server did not start.%n%s",
                    s.exitCode() == null ? "?" : s.exitCode(),
                    elapsedMillis / 1000.0,
                    uri.getRawPath(),
                    s.oomKilled() ? " (killed: out of memory)" : "",
                    logSection(containerId)));
        }
    }

    /** The container's last lines, as a block for failure messages. */
    private String logSection(String containerId) {
        String log;
        try {
            log = engine.logs(containerId, LOG_TAIL_LINES).strip();
        } catch (RuntimeException e) {
            log = "(could not read it: " + e.getMessage() + ")";
        }
        return logBlock(log);
    }

    /** A log tail framed for a failure message. */
    static String logBlock(String log) {
        return "--- container log (last " + LOG_TAIL_LINES + " lines) ---\n" + (log.isEmpty() ? "(empty)" : log)
                + "\n--- end of container log ---";
    }

    static String describe(IOException e) {
        String message = e.getMessage();
        Throwable cause = e.getCause();
        if ((message == null || message.isBlank()) && cause != null) {
            message = cause.getMessage();
        }
        String type = e.getClass().getSimpleName();
        return message == null || message.isBlank() ? type : type + ": " + message;
    }

    /** Sleeps between two looks at the container; an interrupt fails the smoke test, naming {@code waitingFor}. */
    static void pause(long nanos, String waitingFor) {
        try {
            Thread.sleep(Math.max(1, nanos / 1_000_000));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SmokeFailedException("Interrupted while waiting for " + waitingFor);
        }
    }

    /** {@code 60 s}, {@code 0.8 s}. */
    static String seconds(Duration d) {
        long millis = d.toMillis();
        return millis % 1000 == 0 ? millis / 1000 + " s" : String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
    }

    static long millisSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }
}
