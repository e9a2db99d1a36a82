package io.github.fastapidocker.docker.dockerjava;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.dockerjava.transport.DockerHttpClient;
import com.github.dockerjava.transport.DockerHttpClient.Request;
import io.github.fastapidocker.docker.EngineException;
import io.github.fastapidocker.docker.EngineUnavailableException;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;

/**
 * Every call to the engine goes through here, and this is the one place that turns the engine's
 * answer into our exceptions: an answer that is not 2xx (and not one the caller expects) becomes
 * an {@link EngineException} with its status and the {@code message} of the engine's JSON body;
 * a connection that fails or breaks off becomes an {@link EngineUnavailableException} that says
 * where we tried.
 */
final class EngineTransport implements Closeable {
    /** Requests and answers as JSON trees: no bean deserializers to build on first use. */
    static final ObjectMapper JSON = new ObjectMapper();

    /** Error bodies are short; a longer one is cut here. */
    private static final int MAX_ERROR_BODY = 64 * 1024;

    private final DockerHttpClient http;
    private final String host;
    private final String source;
    private final String howToChange;

    /** What an answer that is not 2xx becomes, given its status and the engine's message. */
    @FunctionalInterface
    interface Refusal {
        EngineException of(int status, String engineMessage);
    }

    EngineTransport(DockerHttpClient http, String host, String source, String howToChange) {
        this.http = http;
        this.host = host;
        this.source = source;
        this.howToChange = howToChange;
    }

    String host() {
        return host;
    }

    /** "The engine refused to WHAT: its message", for calls with no exception of their own. */
    static Refusal refused(String what) {
        return (status, message) ->
                new EngineException("The engine refused to " + what + ": " + message, status, message);
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    static Request.Builder request(Request.Method method, String path) {
        return Request.builder().method(method).path(path);
    }

    static Request.Builder json(Request.Method method, String path, JsonNode body) {
        return request(method, path)
                .putHeader("Content-Type", "application/json")
                .bodyBytes(body.toString().getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Sends a request; the caller reads and closes the answer.
     *
     * @param what the call, for messages ("inspect container 0123456789ab")
     * @param refusal what a refusal becomes
     * @param expected statuses besides 2xx that the caller handles itself (404 for "gone")
     */
    Answer send(Request request, String what, Refusal refusal, int... expected) {
        DockerHttpClient.Response response;
        try {
            response = http.execute(request);
        } catch (RuntimeException e) {
            throw unavailable("Cannot " + what + " on the Docker engine", e);
        }
        int status = response.getStatusCode();
        if (status / 100 == 2 || Arrays.stream(expected).anyMatch(s -> s == status)) {
            return new Answer(this, what, response);
        }
        String message;
        try (response) {
            message = errorMessage(status, response.getBody());
        } catch (IOException | RuntimeException e) {
            message = "HTTP " + status;
        }
        throw refusal.of(status, message);
    }

    /** Sends a request whose answer is JSON (or nothing), and reads it. */
    JsonNode call(Request request, String what, Refusal refusal, int... expected) {
        try (Answer answer = send(request, what, refusal, expected)) {
            return answer.json();
        }
    }

    /** {@code GET /_ping}: any failure means the engine cannot be reached. */
    void ping() {
        DockerHttpClient.Response response;
        try {
            response = http.execute(request(Request.Method.GET, "/_ping").build());
        } catch (RuntimeException e) {
            throw unavailable("Cannot reach the Docker engine", e);
        }
        try (response) {
            int status = response.getStatusCode();
            if (status / 100 != 2) {
                String message = errorMessage(status, response.getBody());
                throw new EngineUnavailableException(
                        "Cannot reach the Docker engine at " + host + " (from " + source + "): HTTP " + status + " "
                                + message + ". " + howToChange,
                        status,
                        message);
            }
        } catch (IOException e) {
            throw unavailable("Cannot reach the Docker engine", e);
        }
    }

    /** The engine's answer was cut or could not be read: it is as unreachable as a closed port. */
    EngineUnavailableException unavailable(String cannot, Throwable e) {
        return new EngineUnavailableException(
                cannot + " at " + host + " (from " + source + "): " + rootMessage(e) + ". " + howToChange, e);
    }

    /** The {@code message} of the engine's JSON error body; else its text; else "HTTP status". */
    static String errorMessage(int status, InputStream body) throws IOException {
        byte[] bytes = body == null ? new byte[0] : body.readNBytes(MAX_ERROR_BODY);
        String text = new String(bytes, StandardCharsets.UTF_8).strip();
        if (text.startsWith("{")) {
            try {
                JsonNode node = JSON.readTree(text);
                if (node != null && node.hasNonNull("message")) {
                    return node.get("message").asText().strip();
                }
            } catch (IOException e) {
                // Not JSON after all: the text is the message.
            }
        }
        return text.isEmpty() ? "HTTP " + status : text;
    }

    static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        String message = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        return t == e ? message : message + " (" + t.getClass().getSimpleName() + ")";
    }

    @Override
    public void close() {
        try {
            http.close();
        } catch (IOException e) {
            // Closing a client we are done with: nothing to report.
        }
    }

    /** An accepted answer: its status, headers and body. */
    static final class Answer implements Closeable {
        private final EngineTransport transport;
        private final String what;
        private final DockerHttpClient.Response response;

        private Answer(EngineTransport transport, String what, DockerHttpClient.Response response) {
            this.transport = transport;
            this.what = what;
            this.response = response;
        }

        int status() {
            return response.getStatusCode();
        }

        /** A header, case-insensitively, or {@code null}. */
        String header(String name) {
            for (Map.Entry<String, java.util.List<String>> e :
                    response.getHeaders().entrySet()) {
                if (e.getKey() != null
                        && e.getKey().equalsIgnoreCase(name)
                        && !e.getValue().isEmpty()) {
                    return e.getValue().get(0);
                }
            }
            return null;
        }

        InputStream body() {
            return response.getBody();
        }

        /** The body as a JSON tree, or {@code null} when it is empty. */
        JsonNode json() {
            try {
                InputStream body = body();
                if (body == null) {
                    return null;
                }
                byte[] bytes = body.readAllBytes();
                return bytes.length == 0 ? null : JSON.readTree(bytes);
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new EngineException("The engine's answer to " + what + " is not JSON", e);
            } catch (IOException e) {
                throw broken(e);
            }
        }

        /** The connection broke off while reading this answer. */
        EngineUnavailableException broken(IOException e) {
            return transport.unavailable("Cannot " + what + " on the Docker engine", e);
        }

        @Override
        public void close() {
            try {
                response.close();
            } catch (RuntimeException e) {
                // Closing an answer we are done with: nothing to report.
            }
        }
    }
}
