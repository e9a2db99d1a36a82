package io.github.fastapidocker.docker.dockerjava;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.dockerjava.transport.DockerHttpClient;
import com.github.dockerjava.transport.DockerHttpClient.Request;
import io.github.fastapidocker.docker.DockerEngine;
import io.github.fastapidocker.docker.EngineException;
import io.github.fastapidocker.docker.EngineIdentity;
import io.github.fastapidocker.docker.EngineLocation;
import io.github.fastapidocker.docker.EngineTimeouts;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * {@link DockerEngine} over the Engine REST API (classic builder, unversioned paths), spoken
 * through docker-java's {@link DockerHttpClient} transport with JSON trees: docker-java finds the
 * engine and its TLS set-up as the docker CLI does; the calls and their answers are ours
 * ({@link EngineTransport}, {@link BuildCall}, {@link PushCall}, {@link ContainerCalls},
 * {@link ExecCall}).
 */
public final class DockerJavaEngine implements DockerEngine {
    private final EngineTransport transport;
    private final BuildCall builds;
    private final PushCall pushes;
    private final ContainerCalls containers;
    /** Which engine answered; {@code null} until the ping or {@code GET /version} told. */
    private volatile EngineIdentity identity;

    private final ExecCall execs;

    /** Over any transport: tests replay recorded answers through a fake one. */
    DockerJavaEngine(DockerHttpClient http, String host, String source, String howToChange) {
        this(http, () -> http, host, source, howToChange, EngineTimeouts.defaults());
    }

    /**
     * @param http the client to start with
     * @param clients a fresh client, when a call that got no answer in time took the last one down
     */
    DockerJavaEngine(
            DockerHttpClient http,
            Supplier<DockerHttpClient> clients,
            String host,
            String source,
            String howToChange,
            EngineTimeouts timeouts) {
        this.transport = new EngineTransport(http, clients, host, source, howToChange, timeouts);
        this.builds = new BuildCall(transport);
        this.pushes = new PushCall(transport);
        this.containers = new ContainerCalls(transport);
        this.execs = new ExecCall(transport);
    }

    /** Connects as the docker CLI would, with the default timeouts. */
    public static DockerJavaEngine connect(EngineLocation location) {
        return connect(location, EngineTimeouts.defaults());
    }

    /**
     * Connects as the docker CLI would. No API version is pinned: unversioned paths work from
     * Engine 20.10 to current engines, a pinned old one breaks on Engine 29. Every call gets a
     * deadline from {@code timeouts}; the connection itself waits at most
     * {@link EngineTimeouts#connect()}.
     */
    public static DockerJavaEngine connect(EngineLocation location, EngineTimeouts timeouts) {
        return connect(location, timeouts, message -> {});
    }

    /**
     * Connects as the docker CLI would; when nothing names the engine and the default socket is
     * missing, to the first socket of a common engine that exists ({@link EngineLocation#resolve}).
     *
     * @param found told which engine's socket was found by searching, if one was
     */
    public static DockerJavaEngine connect(EngineLocation location, EngineTimeouts timeouts, Consumer<String> found) {
        return EngineConnector.connect(
                location,
                timeouts,
                found,
                System.getenv(),
                Path.of(System.getProperty("user.home")),
                File.separatorChar == '/' ? Files::exists : null);
    }

    /** Loads what opening an engine needs, connecting nowhere ({@link EngineConnector#prepare}). */
    public static void prepare() {
        EngineConnector.prepare();
    }

    @Override
    public String host() {
        return transport.host();
    }

    @Override
    public void ping() {
        transport.ping().ifPresent(found -> identity = found);
    }

    @Override
    public EngineIdentity identity() {
        EngineIdentity known = identity;
        if (known != null) {
            return known;
        }
        synchronized (this) {
            if (identity == null) {
                identity = askVersion();
            }
            return identity;
        }
    }

    /** {@code GET /version}, for an engine whose ping did not say which it is. */
    private EngineIdentity askVersion() {
        try {
            return EngineIdentification.fromVersion(transport.call(
                    EngineTransport.request(Request.Method.GET, "/version").build(),
                    "version",
                    EngineTransport.refused("tell its version")));
        } catch (EngineException e) {
            // Which engine it is only informs: a call that needs the engine fails on its own.
            return EngineIdentity.UNKNOWN;
        }
    }

    @Override
    public String build(BuildRequest request, Consumer<String> output) {
        return builds.build(request, output);
    }

    @Override
    public Optional<ImageInfo> inspectImage(String reference) {
        String what = "inspect image " + reference;
        try (Answer answer = transport.send(
                EngineTransport.request(Request.Method.GET, "/images/" + EngineTransport.encode(reference) + "/json")
                        .build(),
                what,
                EngineTransport.refused(what),
                404)) {
            JsonNode image = answer.status() == 404 ? null : answer.json();
            return Optional.ofNullable(image)
                    .map(i -> new ImageInfo(
                            i.path("Id").asText(),
                            strings(i.get("RepoTags")),
                            i.path("Size").asLong(0),
                            strings(i.path("RootFS").get("Layers")),
                            strings(i.get("RepoDigests")),
                            i.path("Config").path("User").asText(""),
                            strings(i.path("Config").path("Healthcheck").get("Test"))));
        }
    }

    static List<String> strings(JsonNode array) {
        List<String> result = new ArrayList<>();
        if (array != null && array.isArray()) {
            array.forEach(n -> result.add(n.asText()));
        }
        return List.copyOf(result);
    }

    @Override
    public void tag(String imageId, String repository, String tag) {
        String what = "tag " + repository + ":" + tag;
        transport.call(
                EngineTransport.request(
                                Request.Method.POST,
                                "/images/" + EngineTransport.encode(imageId) + "/tag?repo="
                                        + EngineTransport.encode(repository) + "&tag=" + EngineTransport.encode(tag)
                                        + "&force=1")
                        .build(),
                what,
                EngineTransport.refused(what));
    }

    @Override
    public String createContainer(ContainerSpec spec) {
        return containers.create(spec);
    }

    @Override
    public void startContainer(String id) {
        containers.start(id);
    }

    @Override
    public Optional<ContainerState> inspectContainer(String id) {
        return containers.inspect(id).map(ContainerCalls.Inspection::state);
    }

    @Override
    public Optional<Integer> publishedPort(String id, int containerPort) {
        return containers.inspect(id).flatMap(inspection -> inspection.hostPort(containerPort));
    }

    @Override
    public ExecResult exec(String id, List<String> command) {
        return execs.run(id, command);
    }

    @Override
    public String logs(String id, int tailLines) {
        return containers.logs(id, tailLines);
    }

    @Override
    public void stopContainer(String id, int graceSeconds) {
        containers.stop(id, graceSeconds);
    }

    @Override
    public void removeContainer(String id) {
        containers.remove(id);
    }

    @Override
    public List<String> containersWithLabels(Map<String, String> labels) {
        return containers.withLabels(labels);
    }

    @Override
    public Map<String, Map<String, String>> labelledContainers(Map<String, String> labels) {
        return containers.labelled(labels);
    }

    @Override
    public String push(String repository, String tag, RegistryAuth auth, Consumer<PushEvent> progress) {
        return pushes.push(repository, tag, auth, progress);
    }

    @Override
    public void close() {
        transport.close();
    }
}
