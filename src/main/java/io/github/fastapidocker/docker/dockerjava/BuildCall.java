package io.github.fastapidocker.docker.dockerjava;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.dockerjava.transport.DockerHttpClient.Request;
import io.github.fastapidocker.docker.BuildFailedException;
import io.github.fastapidocker.docker.DockerEngine.BuildRequest;
import io.github.fastapidocker.docker.EngineException;
import io.github.fastapidocker.docker.json.JsonTrees;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * {@code POST /build} with the context tar as body (classic builder), and its answer: a stream of
 * JSON messages ({@code stream} text, {@code error}/{@code errorDetail}, {@code aux.ID}), with
 * "Successfully built ID" as the fallback for the image id.
 */
final class BuildCall {
    /**
     * What Podman 4.3 appends to a Dockerfile error: a Go dump of the step
     * ({@code &imagebuilder.Step{Env:[]string{...}, ...}}), which says nothing the step line does not.
     */
    private static final Pattern GO_STEP_DUMP = Pattern.compile("\\s*&imagebuilder\\.Step\\{.*$", Pattern.DOTALL);

    private final EngineTransport transport;

    BuildCall(EngineTransport transport) {
        this.transport = transport;
    }

    static String path(BuildRequest request) {
        StringBuilder path = new StringBuilder("/build?rm=1&forcerm=1");
        for (String tag : request.tags()) {
            path.append("&t=").append(EngineTransport.encode(tag));
        }
        if (request.noCache()) {
            path.append("&nocache=1");
        }
        if (request.pull()) {
            path.append("&pull=1");
        }
        if (request.labels() != null && !request.labels().isEmpty()) {
            path.append("&labels=").append(EngineTransport.encode(object(request.labels())));
        }
        if (request.buildArgs() != null && !request.buildArgs().isEmpty()) {
            path.append("&buildargs=").append(EngineTransport.encode(object(request.buildArgs())));
        }
        if (request.network() != null && !request.network().isBlank()) {
            path.append("&networkmode=").append(EngineTransport.encode(request.network()));
        }
        return path.toString();
    }

    private static String object(Map<String, String> values) {
        ObjectNode node = JsonTrees.object();
        values.forEach(node::put);
        return JsonTrees.write(node);
    }

    String build(BuildRequest request, Consumer<String> output) {
        try (InputStream tar = Files.newInputStream(request.contextTar())) {
            Request http = EngineTransport.request(Request.Method.POST, path(request))
                    .putHeader("Content-Type", "application/x-tar")
                    .body(tar)
                    .build();
            try (Answer answer = transport.send(
                    transport.timeouts().build(),
                    http,
                    "build",
                    (status, message) -> new BuildFailedException(message, status))) {
                return read(answer, output);
            }
        } catch (IOException e) {
            throw new EngineException(
                    "Cannot read the build context " + request.contextTar() + ": " + e.getMessage(), e);
        }
    }

    /** Reads the build's stream to its end; the image id, or the failure the engine reported. */
    static String read(Answer answer, Consumer<String> output) {
        String imageId = null;
        String error = null;
        try (JsonTrees.Values messages = JsonTrees.values(answer.body())) {
            while (messages.hasNext()) {
                JsonNode message = messages.next();
                String stream = message.path("stream").asText(null);
                if (stream != null) {
                    output.accept(stream);
                    if (imageId == null && stream.startsWith("Successfully built ")) {
                        imageId =
                                stream.substring("Successfully built ".length()).strip();
                    }
                }
                String failure = StreamErrors.message(message);
                if (failure != null) {
                    error = failure;
                }
                String id = message.path("aux").path("ID").asText("");
                if (!id.isBlank()) {
                    imageId = id.strip();
                }
            }
        } catch (JsonProcessingException e) {
            if (answer.timedOut()) {
                throw answer.timeout(e);
            }
            throw new EngineException("The engine's build output is not JSON", e);
        } catch (IOException e) {
            throw answer.broken(e);
        }
        if (error != null) {
            throw new BuildFailedException(
                    GO_STEP_DUMP.matcher(error.strip()).replaceFirst("").strip());
        }
        if (imageId == null || imageId.isBlank()) {
            throw new BuildFailedException("the engine ended the build without an image id");
        }
        return imageId;
    }
}
