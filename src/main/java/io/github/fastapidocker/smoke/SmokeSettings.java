package io.github.fastapidocker.smoke;

import io.github.fastapidocker.kernel.ConfigurationException;
import io.github.fastapidocker.kernel.Hints;
import io.github.fastapidocker.kernel.Setting;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * How to smoke-test the image; plain values. Made with {@link #builder()}, whose {@link
 * Builder#build(Hints) build} validates them once, before anything is contacted: {@link
 * SmokeRunner} takes them as they are.
 *
 * @param image the configured image name; what {@code build} recorded for it is run
 * @param tag the first configured tag, run as {@code image:tag} when {@code build} recorded no
 *     image of that name; {@code null} when none is configured
 * @param configuredPort the configured server port, used with {@code image:tag}
 * @param outputDirectory where {@code build} recorded the image and {@code smoke.json} goes
 * @param network how the container is reached
 * @param host where the probes go instead of the engine's host, validated; {@code null} for the
 *     engine's host ({@code ProbeHost})
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
        String host,
        List<Probe> probes,
        Duration timeout,
        int stopTimeoutSeconds,
        GracefulStop gracefulStop,
        String project,
        Path projectDirectory,
        Map<String, String> env,
        Path userDockerfile) {

    /** The longest timeout and grace period accepted, in seconds. */
    public static final int MAX_SECONDS = 3600;

    /** Settings to fill in by name; see {@link Builder} for the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** The configured probes, or the defaults when none are. */
    public List<Probe> effectiveProbes() {
        return probes.isEmpty() ? Probe.defaults() : new ArrayList<>(probes);
    }

    private SmokeSettings validate(Hints hints) {
        if (timeout.isNegative() || timeout.isZero() || timeout.toSeconds() > MAX_SECONDS) {
            throw new ConfigurationException(hints.name(Setting.SMOKE_TIMEOUT) + " must be 1-" + MAX_SECONDS
                    + " seconds, was " + timeout.toSeconds());
        }
        if (stopTimeoutSeconds < 0 || stopTimeoutSeconds > MAX_SECONDS) {
            throw new ConfigurationException(hints.name(Setting.STOP_TIMEOUT) + " must be 0-" + MAX_SECONDS
                    + " seconds, was " + stopTimeoutSeconds);
        }
        if (configuredPort < 1 || configuredPort > 65535) {
            throw new ConfigurationException(hints.name(Setting.PORT) + " must be 1-65535, was " + configuredPort);
        }
        env.keySet().forEach(k -> {
            if (k == null || k.isBlank() || k.contains("=") || k.chars().anyMatch(Character::isWhitespace)) {
                throw new ConfigurationException(
                        hints.name(Setting.SMOKE_ENV) + " has an invalid variable name '" + k + "'");
            }
        });
        for (int i = 0; i < probes.size(); i++) {
            probes.get(i).validate(i + 1, hints);
        }
        return this;
    }

    /**
     * Fills in {@link SmokeSettings} by name. Defaults: the bridge network, the engine's host, no probes (so {@link
     * Probe#defaults()}), a 60 s timeout, a 10 s grace period, {@link GracefulStop#FAIL}, no
     * environment, no tag and no Dockerfile of the user's.
     */
    public static final class Builder {
        private String image;
        private String tag;
        private int port;
        private Path outputDirectory;
        private SmokeNetwork network = SmokeNetwork.BRIDGE;
        private String host;
        private List<Probe> probes = List.of();
        private Duration timeout = Duration.ofSeconds(60);
        private int stopTimeoutSeconds = 10;
        private GracefulStop gracefulStop = GracefulStop.FAIL;
        private String project;
        private Path projectDirectory;
        private Map<String, String> env = Map.of();
        private Path userDockerfile;

        private Builder() {}

        /** The image name; what {@code build} recorded for it is run. */
        public Builder image(String image) {
            this.image = image;
            return this;
        }

        /** The tag run as {@code image:tag} when nothing was recorded; {@code null} for none. */
        public Builder tag(String tag) {
            this.tag = tag;
            return this;
        }

        /** The port the server listens on inside the container, used with {@code image:tag}. */
        public Builder port(int port) {
            this.port = port;
            return this;
        }

        /** Where {@code build} recorded the image and {@code smoke.json} goes. */
        public Builder outputDirectory(Path outputDirectory) {
            this.outputDirectory = outputDirectory;
            return this;
        }

        /** How the container is reached. */
        public Builder network(SmokeNetwork network) {
            this.network = network;
            return this;
        }

        /** Where the probes go, as configured; {@code null} or blank for the engine's host. */
        public Builder host(String host) {
            this.host = host;
            return this;
        }

        /** The probes; empty for {@link Probe#defaults()}. */
        public Builder probes(List<Probe> probes) {
            this.probes = probes;
            return this;
        }

        /** How long the server may take to answer the first probe. */
        public Builder timeout(Duration timeout) {
            this.timeout = timeout;
            return this;
        }

        /** The grace period between SIGTERM and the kill. */
        public Builder stopTimeoutSeconds(int stopTimeoutSeconds) {
            this.stopTimeoutSeconds = stopTimeoutSeconds;
            return this;
        }

        /** What a stop that was not graceful does. */
        public Builder gracefulStop(GracefulStop gracefulStop) {
            this.gracefulStop = gracefulStop;
            return this;
        }

        /** {@code groupId:artifactId}, a label on the container. */
        public Builder project(String project) {
            this.project = project;
            return this;
        }

        /** The project's directory, a label that finds leftovers of this project only. */
        public Builder projectDirectory(Path projectDirectory) {
            this.projectDirectory = projectDirectory;
            return this;
        }

        /** Environment variables for the container. */
        public Builder env(Map<String, String> env) {
            this.env = env;
            return this;
        }

        /** The user's own Dockerfile, or {@code null}; read for better advice. */
        public Builder userDockerfile(Path userDockerfile) {
            this.userDockerfile = userDockerfile;
            return this;
        }

        /**
         * The settings, validated.
         *
         * @param hints names the setting to fix in an error
         * @throws ConfigurationException when a value is out of range, the host is not one, or a
         *     probe is wrong
         */
        public SmokeSettings build(Hints hints) {
            return new SmokeSettings(
                            image,
                            tag,
                            port,
                            outputDirectory,
                            network,
                            ProbeHost.parse(host, hints),
                            probes,
                            timeout,
                            stopTimeoutSeconds,
                            gracefulStop,
                            project,
                            projectDirectory,
                            env,
                            userDockerfile)
                    .validate(hints);
        }
    }
}
