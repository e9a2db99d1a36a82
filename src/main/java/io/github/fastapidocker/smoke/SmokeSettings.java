package io.github.fastapidocker.smoke;

import io.github.fastapidocker.kernel.ConfigurationException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * How to smoke-test the image; plain values, validated by {@link #validate()}.
 *
 * @param image the POM's image name; what {@code build} recorded for it is run
 * @param tag the POM's first tag, run as {@code image:tag} when {@code build} recorded no image of
 *     that name; {@code null} when the POM names none
 * @param configuredPort the POM's {@code port}, used with {@code image:tag}
 * @param outputDirectory where {@code build} recorded the image and {@code smoke.json} goes
 * @param network how the container is reached
 * @param probes the configured probes; empty for {@link Probe#defaults()}
 * @param timeout how long the server may take to answer the first probe
 * @param stopTimeoutSeconds the grace period between SIGTERM and the kill
 * @param gracefulStop what a stop that was not graceful does
 * @param project {@code groupId:artifactId}, a label on the container
 * @param projectDirectory the project's directory, a label that finds leftovers of this project only
 * @param env environment variables for the container
 * @param userDockerfile the user's own Dockerfile, or {@code null}; read for better advice
 */
public record SmokeSettings(
        String image,
        String tag,
        int configuredPort,
        Path outputDirectory,
        SmokeNetwork network,
        List<Probe> probes,
        Duration timeout,
        int stopTimeoutSeconds,
        GracefulStop gracefulStop,
        String project,
        Path projectDirectory,
        Map<String, String> env,
        Path userDockerfile) {

    public static final int MAX_SECONDS = 3600;

    public SmokeSettings validate() {
        if (timeout.isNegative() || timeout.isZero() || timeout.toSeconds() > MAX_SECONDS) {
            throw new ConfigurationException("<smokeTimeout> / fastapi.smoke.timeout must be 1-" + MAX_SECONDS
                    + " seconds, was " + timeout.toSeconds());
        }
        if (stopTimeoutSeconds < 0 || stopTimeoutSeconds > MAX_SECONDS) {
            throw new ConfigurationException("<stopTimeout> / fastapi.smoke.stopTimeout must be 0-" + MAX_SECONDS
                    + " seconds, was " + stopTimeoutSeconds);
        }
        if (configuredPort < 1 || configuredPort > 65535) {
            throw new ConfigurationException("<port> must be 1-65535, was " + configuredPort);
        }
        env.keySet().forEach(k -> {
            if (k == null || k.isBlank() || k.contains("=") || k.chars().anyMatch(Character::isWhitespace)) {
                throw new ConfigurationException("<smokeEnv> has an invalid variable name '" + k + "'");
            }
        });
        for (int i = 0; i < probes.size(); i++) {
            probes.get(i).validate(i + 1);
        }
        return this;
    }

    /** The configured probes, or the defaults when none are. */
    public List<Probe> effectiveProbes() {
        return probes.isEmpty() ? Probe.defaults() : new ArrayList<>(probes);
    }
}
