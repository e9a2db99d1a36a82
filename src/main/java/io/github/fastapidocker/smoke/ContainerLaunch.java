package io.github.fastapidocker.smoke;

import io.github.fastapidocker.docker.DockerEngine;
import io.github.fastapidocker.docker.DockerEngine.ContainerSpec;
import io.github.fastapidocker.docker.EngineException;
import io.github.fastapidocker.docker.EngineUnavailableException;
import io.github.fastapidocker.kernel.BuildLog;
import io.github.fastapidocker.kernel.ConfigurationException;
import io.github.fastapidocker.kernel.Hints;
import io.github.fastapidocker.kernel.Setting;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * How the container is started and reached at the {@link ProbeHost}: on the bridge network its port
 * is published on a free port (on this machine's loopback, or one the remote engine picks); on the
 * host network a generated server command is moved to a free port, and an image's own command is
 * probed where it listens.
 */
final class ContainerLaunch {
    /** Ports tried on a remote engine's host network before one that nothing answers on there is taken. */
    static final int REMOTE_PORT_TRIES = 3;

    private final SmokeNetwork network;
    private final ContainerSpec spec;
    private final ProbeHost host;
    private final int port;
    private final String hint;
    private final Hints hints;

    private ContainerLaunch(
            SmokeNetwork network, ContainerSpec spec, ProbeHost host, int port, String hint, Hints hints) {
        this.network = network;
        this.spec = spec;
        this.host = host;
        this.port = port;
        this.hint = hint;
        this.hints = hints;
    }

    /**
     * Plans the launch of {@code target}, probed at {@code host}.
     *
     * @param ports finds a free port, and whether the image's own one is taken
     * @param log told when the image's own port is used as it is
     * @throws ConfigurationException when the image's own command would listen on a port in use
     */
    static ContainerLaunch plan(
            SmokeSettings settings,
            SmokeTarget target,
            ProbeHost host,
            LoopbackPorts ports,
            Hints hints,
            BuildLog log) {
        Map<String, String> labels = new LinkedHashMap<>(SmokeLabels.ofProject(settings));
        labels.put(SmokeLabels.RUN, UUID.randomUUID().toString());
        labels.putAll(SmokeOwner.current().labels());
        Map<String, String> env = new LinkedHashMap<>(settings.env());
        // The image's own health check, run often enough that the smoke test need not wait its interval.
        Duration health = target.healthcheck() ? HealthWait.SMOKE_INTERVAL : null;
        if (settings.network() == SmokeNetwork.BRIDGE) {
            // A remote engine picks a port free on its own host; 0 until it says which.
            Integer hostPort = host.onThisMachine() ? ports.free(host.host()) : null;
            return new ContainerLaunch(
                    SmokeNetwork.BRIDGE,
                    new ContainerSpec(
                            target.reference(),
                            null,
                            labels,
                            SmokeNetwork.BRIDGE.engineName(),
                            target.port(),
                            hostPort,
                            host.publishAddress(),
                            env,
                            health),
                    host,
                    hostPort == null ? 0 : hostPort,
                    "The server must listen on 0.0.0.0, port " + target.port() + " inside the container: "
                            + hints.name(Setting.PORT) + ".",
                    hints);
        }
        if (target.command() != null) {
            int port = freePort(host, ports);
            return new ContainerLaunch(
                    SmokeNetwork.HOST,
                    onHostNetwork(
                            target,
                            ServerCommand.onPort(target.command(), port, host.serverAddress()),
                            labels,
                            env,
                            health),
                    host,
                    port,
                    "",
                    hints);
        }
        // The plugin cannot move the port of a command it did not write.
        int port = target.port();
        if (ports.inUse(host.host(), port)) {
            throw new ConfigurationException("Port " + port + " on " + host.host() + " is in use, and on the"
                    + " host network your image's own command listens there. Set " + hints.name(Setting.PORT)
                    + " to the port your CMD uses, free it, or use " + hints.set(Setting.SMOKE_NETWORK, "bridge")
                    + ".");
        }
        log.info("Host network and your own Dockerfile: running the image's own command and probing port " + port
                + " from " + hints.name(Setting.PORT) + "; the plugin cannot move it to a free port");
        log.info("The image's own command decides its bind address: on the host network a server on 0.0.0.0"
                + " is reachable from other machines while the smoke test runs (the plugin probes "
                + host.host() + ")");
        return new ContainerLaunch(
                SmokeNetwork.HOST,
                onHostNetwork(target, null, labels, env, health),
                host,
                port,
                "On the host network your image's own command must listen on port " + port
                        + (host.origin() == ProbeHost.Origin.LOCAL_SOCKET
                                ? ""
                                : " where " + host.host() + " reaches it (" + host.host() + " itself, or 0.0.0.0)")
                        + ": set " + hints.name(Setting.PORT) + " to the port your CMD uses.",
                hints);
    }

    /**
     * A free port for a server the plugin starts on the host network: free on the loopback address
     * probed; for a remote engine, free here and answered by nothing on the engine's host as far as
     * a connection can tell (a port taken there without answering makes the server fail to start,
     * with its log).
     */
    private static int freePort(ProbeHost host, LoopbackPorts ports) {
        if (host.onThisMachine()) {
            return ports.free(host.host());
        }
        int port = 0;
        for (int i = 0; i < REMOTE_PORT_TRIES; i++) {
            port = ports.free(LoopbackPorts.ADDRESS);
            if (!ports.inUse(host.host(), port)) {
                break;
            }
        }
        return port;
    }

    /** What the engine creates. */
    ContainerSpec spec() {
        return spec;
    }

    /** The port to probe, as planned; 0 when the engine picks it. */
    int port() {
        return port;
    }

    /** Where the probes go. */
    ProbeHost host() {
        return host;
    }

    /** What to check when the server never answers; empty when there is nothing to add. */
    String hint() {
        String where = host.unreachableHint(hints);
        return hint.isEmpty() || where.isEmpty() ? hint + where : hint + " " + where;
    }

    /** The command the container runs, or empty for the image's own. */
    List<String> command() {
        return spec.command() == null ? List.of() : spec.command();
    }

    /** {@code " (fastapi run ...)"}, or empty for the image's own command. */
    String describeCommand() {
        return spec.command() == null ? "" : " (" + String.join(" ", spec.command()) + ")";
    }

    /**
     * Creates the container.
     *
     * @return its id
     * @throws SmokeFailedException when the bridge network is what the engine refused
     */
    String create(DockerEngine engine) {
        try {
            return engine.createContainer(spec);
        } catch (EngineUnavailableException e) {
            throw e;
        } catch (EngineException e) {
            // A 404 names a missing image or a missing network; the image is known to be there,
            // so ask the engine rather than read its words.
            if (network == SmokeNetwork.BRIDGE
                    && e.status() == 404
                    && engine.inspectImage(spec.image()).isPresent()) {
                throw new SmokeFailedException(e.getMessage() + ". " + useHostNetwork());
            }
            throw e;
        }
    }

    /**
     * The port the started container is reached on: on the bridge network, the one the engine
     * really published, since an engine without a bridge silently publishes none.
     *
     * @throws SmokeFailedException when the engine published nothing
     */
    int reachablePort(DockerEngine engine, String containerId) {
        if (network != SmokeNetwork.BRIDGE) {
            return port;
        }
        int containerPort = spec.containerPort();
        return engine.publishedPort(containerId, containerPort)
                .orElseThrow(() -> new SmokeFailedException("The engine did not publish container port "
                        + containerPort + " on " + (port > 0 ? host.authority(port) : "its host")
                        + ": it has no working bridge network (an engine started with --bridge=none?). "
                        + useHostNetwork()));
    }

    private String useHostNetwork() {
        return "Use the host network: " + hints.set(Setting.SMOKE_NETWORK, "host") + ".";
    }

    /** A container on the host network: nothing published; {@code command} null for the image's own. */
    private static ContainerSpec onHostNetwork(
            SmokeTarget target,
            List<String> command,
            Map<String, String> labels,
            Map<String, String> env,
            Duration health) {
        return new ContainerSpec(
                target.reference(), command, labels, SmokeNetwork.HOST.engineName(), null, null, null, env, health);
    }
}
