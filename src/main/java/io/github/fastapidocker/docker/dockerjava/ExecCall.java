package io.github.fastapidocker.docker.dockerjava;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.dockerjava.transport.DockerHttpClient.Request;
import io.github.fastapidocker.docker.DockerEngine;
import io.github.fastapidocker.docker.DockerEngine.ExecResult;
import io.github.fastapidocker.docker.json.JsonTrees;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** {@code POST /containers/{id}/exec}, {@code POST /exec/{id}/start}, {@code GET /exec/{id}/json}. */
final class ExecCall {
    private final EngineTransport transport;

    ExecCall(EngineTransport transport) {
        this.transport = transport;
    }

    /**
     * Runs a command in the container: create the exec, start it attached (its output comes
     * multiplexed, whatever the Content-Type says, as there is no TTY), then read its exit code.
     */
    ExecResult run(String id, List<String> command) {
        String what = "run " + String.join(" ", command) + " in container " + DockerEngine.shortId(id);
        ObjectNode create = JsonTrees.object();
        create.put("AttachStdout", true);
        create.put("AttachStderr", true);
        ArrayNode cmd = create.putArray("Cmd");
        command.forEach(cmd::add);
        JsonNode created = transport.call(
                EngineTransport.json(Request.Method.POST, ContainerCalls.path(id) + "/exec", create)
                        .build(),
                what,
                EngineTransport.refused(what));
        String exec = "/exec/"
                + EngineTransport.encode(
                        created == null ? "" : created.path("Id").asText(""));
        ObjectNode start = JsonTrees.object();
        start.put("Detach", false);
        start.put("Tty", false);
        String output;
        try (Answer answer = transport.send(
                EngineTransport.json(Request.Method.POST, exec + "/start", start)
                        .build(),
                what,
                EngineTransport.refused(what))) {
            try {
                output = new String(LogFrames.demux(answer.body().readAllBytes()), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw answer.broken(e);
            }
        }
        JsonNode inspected = transport.call(
                EngineTransport.request(Request.Method.GET, exec + "/json").build(),
                what,
                EngineTransport.refused(what));
        JsonNode exit = inspected == null ? null : inspected.get("ExitCode");
        return new ExecResult(exit == null || exit.isNull() ? -1 : exit.asInt(), output);
    }
}
