package io.github.fastapidocker.docker.dockerjava;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.dockerjava.transport.DockerHttpClient.Request;
import io.github.fastapidocker.docker.DockerEngine;
import io.github.fastapidocker.docker.DockerEngine.ContainerSpec;
import io.github.fastapidocker.docker.DockerEngine.ContainerState;
import io.github.fastapidocker.docker.DockerEngine.Health;
import io.github.fastapidocker.docker.DockerEngine.HealthCheck;
import io.github.fastapidocker.docker.json.JsonTrees;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The container calls: create, start, inspect, logs, stop, remove, list. */
final class ContainerCalls {
    private static final int NOT_MODIFIED = 304;
    private static final int NOT_FOUND = 404;
    private static final int CONFLICT = 409;

    private final EngineTransport transport;

    ContainerCalls(EngineTransport transport) {
        this.transport = transport;
    }

    /** What one {@code GET /containers/{id}/json} tells: the state, and the published ports. */
    record Inspection(ContainerState state, JsonNode ports) {
        /** The host port bound for TCP {@code containerPort}, if the engine published one. */
        Optional<Integer> hostPort(int containerPort) {
            JsonNode bindings = ports == null ? null : ports.get(containerPort + "/tcp");
            if (bindings != null && bindings.isArray()) {
                for (JsonNode binding : bindings) {
                    String port = binding.path("HostPort").asText("");
                    if (port.matches("[0-9]{1,5}")) {
                        return Optional.of(Integer.parseInt(port));
                    }
                }
            }
            return Optional.empty();
        }
    }

    static ObjectNode createBody(ContainerSpec spec) {
        ObjectNode body = JsonTrees.object();
        body.put("Image", spec.image());
        if (spec.command() != null) {
            ArrayNode cmd = body.putArray("Cmd");
            spec.command().forEach(cmd::add);
        }
        if (spec.env() != null && !spec.env().isEmpty()) {
            ArrayNode env = body.putArray("Env");
            spec.env().forEach((k, v) -> env.add(k + "=" + v));
        }
        if (spec.healthInterval() != null) {
            // Only the interval: the engine takes the image's command, timeout, start period and retries.
            body.putObject("Healthcheck").put("Interval", spec.healthInterval().toNanos());
        }
        ObjectNode labels = body.putObject("Labels");
        if (spec.labels() != null) {
            spec.labels().forEach(labels::put);
        }
        ObjectNode host = JsonTrees.object();
        if (spec.network() != null) {
            host.put("NetworkMode", spec.network());
        }
        if (spec.containerPort() != null) {
            String port = spec.containerPort() + "/tcp";
            body.putObject("ExposedPorts").putObject(port);
            ObjectNode binding = host.putObject("PortBindings").putArray(port).addObject();
            binding.put("HostIp", spec.hostIp() == null ? "" : spec.hostIp());
            // An empty host port lets the engine pick a free one on its host, as 'docker run -p 80' does.
            binding.put("HostPort", spec.hostPort() == null ? "" : String.valueOf(spec.hostPort()));
        }
        host.put("Init", false);
        body.set("HostConfig", host);
        return body;
    }

    String create(ContainerSpec spec) {
        String what = "create a container from " + spec.image();
        JsonNode answer = transport.call(
                EngineTransport.json(Request.Method.POST, "/containers/create", createBody(spec))
                        .build(),
                what,
                EngineTransport.refused(what));
        return answer == null ? "" : answer.path("Id").asText("");
    }

    void start(String id) {
        String what = "start container " + DockerEngine.shortId(id);
        // 304: already running.
        transport.call(post(path(id) + "/start"), what, EngineTransport.refused(what), NOT_MODIFIED);
    }

    Optional<Inspection> inspect(String id) {
        String what = "inspect container " + DockerEngine.shortId(id);
        try (Answer answer = transport.send(
                EngineTransport.request(Request.Method.GET, path(id) + "/json").build(),
                what,
                EngineTransport.refused(what),
                NOT_FOUND)) {
            if (answer.status() == NOT_FOUND) {
                return Optional.empty();
            }
            JsonNode container = answer.json();
            if (container == null) {
                return Optional.empty();
            }
            JsonNode state = container.path("State");
            return Optional.of(new Inspection(
                    new ContainerState(
                            state.path("Running").asBoolean(false),
                            state.hasNonNull("ExitCode") ? state.get("ExitCode").asInt() : null,
                            state.path("OOMKilled").asBoolean(false),
                            state.path("Status").asText(null),
                            health(state.get("Health"))),
                    container.path("NetworkSettings").get("Ports")));
        }
    }

    /** {@code State.Health}: absent for a container without a health check. */
    static Health health(JsonNode health) {
        if (health == null || !health.isObject()) {
            return null;
        }
        List<HealthCheck> log = new ArrayList<>();
        health.path("Log")
                .forEach(check -> log.add(new HealthCheck(
                        check.hasNonNull("ExitCode") ? check.get("ExitCode").asInt() : null,
                        check.path("Output").asText(""))));
        return new Health(
                health.path("Status").asText(""), health.path("FailingStreak").asInt(0), List.copyOf(log));
    }

    String logs(String id, int tailLines) {
        String what = "read the logs of container " + DockerEngine.shortId(id);
        try (Answer answer = transport.send(
                EngineTransport.request(
                                Request.Method.GET, path(id) + "/logs?stdout=1&stderr=1&tail=" + Math.max(0, tailLines))
                        .build(),
                what,
                EngineTransport.refused(what),
                NOT_FOUND)) {
            if (answer.status() == NOT_FOUND) {
                return "";
            }
            try {
                return LogFrames.text(answer.header("Content-Type"), answer.body());
            } catch (IOException e) {
                throw answer.broken(e);
            }
        }
    }

    void stop(String id, int graceSeconds) {
        String what = "stop container " + DockerEngine.shortId(id);
        // 304: already stopped; 404: gone. Nothing to do for either.
        transport.call(
                transport.timeouts().stop(graceSeconds),
                post(path(id) + "/stop?t=" + Math.max(0, graceSeconds)),
                what,
                EngineTransport.refused(what),
                NOT_MODIFIED,
                NOT_FOUND);
    }

    void remove(String id) {
        String what = "remove container " + DockerEngine.shortId(id);
        // 404: gone already. 409 with force=1: another removal of it is under way.
        transport.call(
                EngineTransport.request(Request.Method.DELETE, path(id) + "?force=1&v=1")
                        .build(),
                what,
                EngineTransport.refused(what),
                NOT_FOUND,
                CONFLICT);
    }

    List<String> withLabels(Map<String, String> labels) {
        return new ArrayList<>(labelled(labels).keySet());
    }

    Map<String, Map<String, String>> labelled(Map<String, String> labels) {
        ObjectNode filters = JsonTrees.object();
        ArrayNode wanted = filters.putArray("label");
        labels.forEach((k, v) -> wanted.add(k + "=" + v));
        JsonNode list = transport.call(
                EngineTransport.request(
                                Request.Method.GET,
                                "/containers/json?all=1&filters=" + EngineTransport.encode(JsonTrees.write(filters)))
                        .build(),
                "list containers",
                EngineTransport.refused("list containers"));
        Map<String, Map<String, String>> found = new LinkedHashMap<>();
        if (list != null) {
            list.forEach(c -> {
                Map<String, String> own = new LinkedHashMap<>();
                c.path("Labels")
                        .fields()
                        .forEachRemaining(l -> own.put(l.getKey(), l.getValue().asText()));
                found.put(c.path("Id").asText(), own);
            });
        }
        return found;
    }

    static String path(String id) {
        return "/containers/" + EngineTransport.encode(id);
    }

    private static Request post(String path) {
        return EngineTransport.request(Request.Method.POST, path).build();
    }
}
