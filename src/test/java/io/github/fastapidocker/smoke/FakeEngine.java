package io.github.fastapidocker.smoke;

import io.github.fastapidocker.docker.DockerEngine;
import io.github.fastapidocker.docker.EngineException;
import io.github.fastapidocker.docker.EngineIdentity;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/** An engine in memory: records what the smoke test asks and answers as a test scripts it. */
final class FakeEngine implements DockerEngine {
    /** A container the fake knows. */
    static final class Container {
        final String id;
        final ContainerSpec spec;
        boolean running;
        Integer exitCode;
        String log = "";

        Container(String id, ContainerSpec spec) {
            this.id = id;
            this.spec = spec;
        }
    }

    final Map<String, ImageInfo> images = new LinkedHashMap<>();
    final Map<String, Container> containers = new LinkedHashMap<>();
    final List<ContainerSpec> created = new ArrayList<>();
    final List<String> removed = new ArrayList<>();
    final List<String> calls = new ArrayList<>();
    /** How often inspectContainer was asked. */
    int inspections;
    /** Containers by id that {@link #containersWithLabels} reports as leftovers. */
    final Map<String, Map<String, String>> leftovers = new LinkedHashMap<>();

    /** Runs when a container starts (e.g. it crashes at once). */
    Consumer<Container> onStart = c -> {};
    /** The exit code a stop leaves; 0 is a graceful stop. */
    int stopExitCode = 0;
    /** The health the engine reports for a container on each inspect; {@code null} for none. */
    java.util.function.Function<Container, Health> health = c -> null;
    /** Published ports the engine reports; empty when it publishes none. */
    boolean publishes = true;
    /** The port the engine picks when the spec leaves it to the engine. */
    int pickedPort = 49153;

    /** Where the engine was reached, as the adapter reports it. */
    String host = "fake://engine";

    RuntimeException failStart;
    RuntimeException failCreate;
    String logOnStop = "";
    int counter;
    /** Which engine it says it is. */
    EngineIdentity identity = new EngineIdentity(EngineIdentity.PODMAN, "4.3.1", "1.41");

    /** What a command run in a container answers, by the command joined with spaces; others exit 127. */
    final Map<String, ExecResult> execs = new LinkedHashMap<>();

    FakeEngine withImage(String reference, String id) {
        return withImage(reference, id, "", List.of());
    }

    /** An image whose processes run as {@code user}, with this health check command (empty: none). */
    FakeEngine withImage(String reference, String id, String user, List<String> healthcheck) {
        images.put(reference, new ImageInfo(id, List.of(reference), 1000, List.of(), List.of(), user, healthcheck));
        images.put(id, new ImageInfo(id, List.of(reference), 1000, List.of(), List.of(), user, healthcheck));
        return this;
    }

    @Override
    public ExecResult exec(String id, List<String> command) {
        calls.add("exec " + String.join(" ", command));
        if (!containers.containsKey(id) || !containers.get(id).running) {
            throw new EngineException("Container " + id + " is not running", 409, null);
        }
        return execs.getOrDefault(String.join(" ", command), new ExecResult(127, command.get(0) + ": not found"));
    }

    Container only() {
        if (containers.size() != 1) {
            throw new AssertionError("expected one container, have " + containers.keySet());
        }
        return containers.values().iterator().next();
    }

    @Override
    public String host() {
        return host;
    }

    @Override
    public void ping() {}

    @Override
    public EngineIdentity identity() {
        return identity;
    }

    @Override
    public String build(BuildRequest request, Consumer<String> output) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Optional<ImageInfo> inspectImage(String reference) {
        return Optional.ofNullable(images.get(reference));
    }

    @Override
    public void tag(String imageId, String repository, String tag) {
        throw new UnsupportedOperationException();
    }

    @Override
    public String createContainer(ContainerSpec spec) {
        calls.add("create");
        if (failCreate != null) {
            throw failCreate;
        }
        if (!images.containsKey(spec.image())) {
            throw new EngineException("No such image: " + spec.image());
        }
        String id = String.format("%064x", ++counter);
        containers.put(id, new Container(id, spec));
        created.add(spec);
        return id;
    }

    @Override
    public void startContainer(String id) {
        calls.add("start");
        if (failStart != null) {
            throw failStart;
        }
        Container c = containers.get(id);
        c.running = true;
        onStart.accept(c);
    }

    @Override
    public Optional<ContainerState> inspectContainer(String id) {
        inspections++;
        Container c = containers.get(id);
        if (c == null) {
            return Optional.empty();
        }
        return Optional.of(
                new ContainerState(c.running, c.exitCode, false, c.running ? "running" : "exited", health.apply(c)));
    }

    @Override
    public Optional<Integer> publishedPort(String id, int containerPort) {
        Container c = containers.get(id);
        if (!publishes || c == null || c.spec.containerPort() == null || c.spec.containerPort() != containerPort) {
            return Optional.empty();
        }
        return Optional.of(c.spec.hostPort() == null ? pickedPort : c.spec.hostPort());
    }

    @Override
    public String logs(String id, int tailLines) {
        Container c = containers.get(id);
        return c == null ? "" : c.log;
    }

    @Override
    public void stopContainer(String id, int graceSeconds) {
        calls.add("stop " + graceSeconds);
        Container c = containers.get(id);
        if (c != null && c.running) {
            c.running = false;
            c.exitCode = stopExitCode;
            c.log += logOnStop;
        }
    }

    @Override
    public void removeContainer(String id) {
        calls.add("remove");
        removed.add(id);
        containers.remove(id);
        leftovers.remove(id);
    }

    @Override
    public List<String> containersWithLabels(Map<String, String> labels) {
        List<String> ids = new ArrayList<>();
        leftovers.forEach((id, l) -> {
            if (l.entrySet().containsAll(labels.entrySet())) {
                ids.add(id);
            }
        });
        containers.forEach((id, c) -> {
            if (c.spec.labels().entrySet().containsAll(labels.entrySet())) {
                ids.add(id);
            }
        });
        return ids;
    }

    @Override
    public Map<String, Map<String, String>> labelledContainers(Map<String, String> labels) {
        Map<String, Map<String, String>> found = new LinkedHashMap<>();
        leftovers.forEach((id, l) -> {
            if (l.entrySet().containsAll(labels.entrySet())) {
                found.put(id, l);
            }
        });
        containers.forEach((id, c) -> {
            if (c.spec.labels().entrySet().containsAll(labels.entrySet())) {
                found.put(id, c.spec.labels());
            }
        });
        return found;
    }

    @Override
    public String push(String repository, String tag, RegistryAuth auth, Consumer<PushEvent> progress) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void close() {}
}
