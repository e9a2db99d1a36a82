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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * How the container is started and reached: on the bridge network its port is published on a free
 * loopback port; on the host network a generated server command is moved to a free loopback port,
 * and an image's own command is probed where it listens.
 */
final class ContainerLaunch {
    private final SmokeNetwork network;
    private final ContainerSpec spec;
    private final int port;
    private final String hint;
    private final Hints hints;

    private ContainerLaunch(SmokeNetwork network, ContainerSpec spec, int port, String hint, Hints hints) {
        this.network = network;
        this.spec = spec;
        this.port = port;
        this.hint = hint;
        this.hints = hints;
    }

    /**
     * Plans the launch of {@code target}.
     *
     * @param ports finds a free loopback port, and whether the image's own one is taken
     * @param log told when the image's own port is used as it is
     * @throws ConfigurationException when the image's own command would listen on a port in use
     */
    static ContainerLaunch plan(
            SmokeSettings settings, SmokeTarget target, LoopbackPorts ports, Hints hints, BuildLog log) {
        Map<String, String> labels = new LinkedHashMap<>(SmokeLabels.ofProject(settings));
        labels.put(SmokeLabels.RUN, UUID.randomUUID().toString());
        labels.putAll(SmokeOwner.current().labels());
        Map<String, String> env = new LinkedHashMap<>(settings.env());
        // The image's own health check, run often enough that the smoke test need not wait its interval.
        Duration health = target.healthcheck() ? HealthWait.SMOKE_INTERVAL : null;
        if (settings.network() == SmokeNetwork.BRIDGE) {
            int hostPort = ports.free();
            return new ContainerLaunch(
                    SmokeNetwork.BRIDGE,
                    new ContainerSpec(
                            target.reference(),
                            null,
                            labels,
                            SmokeNetwork.BRIDGE.engineName(),
                            target.port(),
                            hostPort,
                            LoopbackPorts.ADDRESS,
                            env,
                            health),
                    hostPort,
                    "The server must listen on 0.0.0.0, port " + target.port() + " inside the container: "
                            + hints.name(Setting.PORT) + ".",
                    hints);
        }
        if (target.command() != null) {
            int port = ports.free();
            return new ContainerLaunch(
                    SmokeNetwork.HOST,
                    new ContainerSpec(
                            target.reference(),
                            onLoopbackPort(target.command(), port),
                            labels,
                            SmokeNetwork.HOST.engineName(),
                            null,
                            null,
                            null,
                            env,
                            health),
                    port,
                    "",
                    hints);
        }
        // The plugin cannot move the port of a command it did not write.
        int port = target.port();
        if (ports.inUse(port)) {
            throw new ConfigurationException("Port " + port + " on " + LoopbackPorts.ADDRESS + " is in use, and on the"
                    + " host network your image's own command listens there. Set " + hints.name(Setting.PORT)
                    + " to the port your CMD uses, free it, or use " + hints.set(Setting.SMOKE_NETWORK, "bridge")
                    + ".");
        }
        log.info("Host network and your own Dockerfile: running the image's own command and probing port " + port
                + " from " + hints.name(Setting.PORT) + "; the plugin cannot move it to a free port");
        log.info("The image's own command decides its bind address: on the host network a server on 0.0.0.0"
                + " is reachable from other machines while the smoke test runs (the plugin probes "
                + LoopbackPorts.ADDRESS + ")");
        return new ContainerLaunch(
                SmokeNetwork.HOST,
                new ContainerSpec(
                        target.reference(),
                        null,
                        labels,
                        SmokeNetwork.HOST.engineName(),
                        null,
                        null,
                        null,
                        env,
                        health),
                port,
                "On the host network your image's own command must listen on port " + port + ": set "
                        + hints.name(Setting.PORT) + " to the port your CMD uses.",
                hints);
    }

    /** What the engine creates. */
    ContainerSpec spec() {
        return spec;
    }

    /** The loopback port to probe, as planned. */
    int port() {
        return port;
    }

    /** What to check when the server never answers; empty when there is nothing to add. */
    String hint() {
        return hint;
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
     * The loopback port the started container is reached on: on the bridge network, the one the
     * engine really published, since an engine without a bridge silently publishes none.
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
                        + containerPort + " on " + LoopbackPorts.ADDRESS + ":"
                        + port + ": it has no working bridge network (an engine started with --bridge=none?). "
                        + useHostNetwork()));
    }

    private String useHostNetwork() {
        return "Use the host network: " + hints.set(Setting.SMOKE_NETWORK, "host") + ".";
    }

    /** The recorded server command with {@code --port} moved and {@code --host} kept on loopback. */
    static List<String> onLoopbackPort(List<String> command, int port) {
        List<String> out = new ArrayList<>();
        boolean portSet = false;
        boolean hostSet = false;
        for (int i = 0; i < command.size(); i++) {
            String arg = command.get(i);
            if ((arg.equals("--port") || arg.equals("--host")) && i + 1 < command.size()) {
                boolean isPort = arg.equals("--port");
                out.add(arg);
                out.add(isPort ? Integer.toString(port) : LoopbackPorts.ADDRESS);
                portSet |= isPort;
                hostSet |= !isPort;
                i++;
            } else if (arg.startsWith("--port=")) {
                out.add("--port=" + port);
                portSet = true;
            } else if (arg.startsWith("--host=")) {
                out.add("--host=" + LoopbackPorts.ADDRESS);
                hostSet = true;
            } else {
                out.add(arg);
            }
        }
        if (!portSet) {
            out.add("--port");
            out.add(Integer.toString(port));
        }
        if (!hostSet) {
            // Sharing the host's network, the server would otherwise listen on every interface.
            out.add("--host");
            out.add(LoopbackPorts.ADDRESS);
        }
        return out;
    }
}
