package io.github.fastapidocker.smoke;

import io.github.fastapidocker.docker.DockerEngine;
import io.github.fastapidocker.docker.DockerEngine.ContainerState;
import io.github.fastapidocker.docker.DockerEngine.Health;
import io.github.fastapidocker.docker.DockerEngine.HealthCheck;
import io.github.fastapidocker.kernel.Hints;
import io.github.fastapidocker.kernel.Setting;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * Waits for the engine's verdict on an image's own health check: {@code healthy} passes,
 * {@code unhealthy} fails with the last check's output. The engine runs the check every
 * {@link #SMOKE_INTERVAL} in the smoke-test container (the image's interval, 30 s by default, would
 * make every smoke test wait that long for the first check); its command, timeout, start period and
 * retries are the image's. Bounded in time (the deadline) and in count (one look per poll).
 */
final class HealthWait {
    /** How often the engine checks the smoke-test container. */
    static final Duration SMOKE_INTERVAL = Duration.ofMillis(500);
    /** How often the engine is asked for the verdict. */
    static final Duration POLL = Duration.ofMillis(100);

    private final DockerEngine engine;
    private final Hints hints;

    HealthWait(DockerEngine engine, Hints hints) {
        this.engine = engine;
        this.hints = hints;
    }

    /**
     * The container turned healthy.
     *
     * @param millis from the start of the wait
     * @param checks the checks the engine had run (at most the 5 it keeps)
     */
    record Healthy(long millis, int checks) {}

    /**
     * Polls the container's health until the engine decides, or the deadline.
     *
     * @throws SmokeFailedException when it is unhealthy, exits, has no health, or stays undecided
     */
    Healthy await(String containerId, Duration timeout) {
        long start = System.nanoTime();
        long deadline = start + timeout.toNanos();
        long maxLooks = timeout.toNanos() / POLL.toNanos() + 2;
        Health last = null;
        for (long look = 0; look < maxLooks; look++) {
            ContainerState state = engine.inspectContainer(containerId)
                    .orElseThrow(() -> new SmokeFailedException("The smoke-test container "
                            + DockerEngine.shortId(containerId)
                            + " disappeared while its health check ran (removed by someone else?)"));
            if (!state.running()) {
                throw new SmokeFailedException("The container exited with code "
                        + (state.exitCode() == null ? "?" : state.exitCode()) + " while its health check ran.\n"
                        + logSection(containerId));
            }
            last = state.health();
            if (last == null) {
                throw new SmokeFailedException("The image has a health check, but the engine reports no health for"
                        + " its container: does this engine run health checks?");
            }
            if (last.status().equals("healthy")) {
                return new Healthy(Readiness.millisSince(start), last.log().size());
            }
            if (last.status().equals("unhealthy")) {
                throw new SmokeFailedException(String.format(
                                Locale.ROOT,
                                "The health check reported the container unhealthy after %.1f s (%d failed checks in"
                                        + " a row): %s.%n",
                                Readiness.millisSince(start) / 1000.0,
                                last.failingStreak(),
                                lastCheck(last))
                        + logSection(containerId));
            }
            long pause = Math.min(POLL.toNanos(), deadline - System.nanoTime());
            if (pause <= 0) {
                break;
            }
            Readiness.pause(pause, "the container's health check");
        }
        throw new SmokeFailedException("The health check did not decide within " + Readiness.seconds(timeout)
                + " (still '" + (last == null ? "starting" : last.status()) + "'"
                + (last == null || last.log().isEmpty() ? ", no check finished" : "; " + lastCheck(last)) + ")."
                + " A slow start needs a longer timeout: " + hints.set(Setting.SMOKE_TIMEOUT, "SECONDS") + ".\n"
                + logSection(containerId));
    }

    /** The last check's exit code and output, for the message. */
    static String lastCheck(Health health) {
        Optional<HealthCheck> check = health.log().isEmpty()
                ? Optional.empty()
                : Optional.of(health.log().get(health.log().size() - 1));
        return check.map(c -> "the last check exited " + (c.exitCode() == null ? "?" : c.exitCode())
                        + (c.output().isBlank()
                                ? " without output"
                                : ": " + c.output().strip()))
                .orElse("no check output");
    }

    private String logSection(String containerId) {
        String log;
        try {
            log = engine.logs(containerId, Readiness.LOG_TAIL_LINES).strip();
        } catch (RuntimeException e) {
            log = "(could not read it: " + e.getMessage() + ")";
        }
        return Readiness.logBlock(log);
    }
}
