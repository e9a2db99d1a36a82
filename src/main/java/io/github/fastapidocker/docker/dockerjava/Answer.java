package io.github.fastapidocker.docker.dockerjava;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.dockerjava.transport.DockerHttpClient;
import io.github.fastapidocker.docker.EngineException;
import io.github.fastapidocker.docker.EngineTimeoutException;
import io.github.fastapidocker.docker.EngineUnavailableException;
import io.github.fastapidocker.docker.json.JsonTrees;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;

/** An answer of the engine: its status, headers and body, read under the call's deadline. */
final class Answer implements Closeable {
    private final EngineTransport transport;
    private final String what;
    private final DockerHttpClient.Response response;
    private final Watchdog.Watch watch;
    private InputStream body;

    Answer(EngineTransport transport, String what, DockerHttpClient.Response response, Watchdog.Watch watch) {
        this.transport = transport;
        this.what = what;
        this.response = response;
        this.watch = watch;
    }

    int status() {
        return response.getStatusCode();
    }

    /** A header, case-insensitively, or {@code null}. */
    String header(String name) {
        for (Map.Entry<String, List<String>> e : response.getHeaders().entrySet()) {
            if (e.getKey() != null
                    && e.getKey().equalsIgnoreCase(name)
                    && !e.getValue().isEmpty()) {
                return e.getValue().get(0);
            }
        }
        return null;
    }

    /** The body; every byte read from it keeps the call alive. */
    synchronized InputStream body() {
        if (body == null) {
            InputStream raw = response.getBody();
            body = new WatchedStream(raw == null ? InputStream.nullInputStream() : raw, watch);
        }
        return body;
    }

    /** The body as a JSON tree, or {@code null} when it is empty. */
    JsonNode json() {
        try {
            byte[] bytes = body().readAllBytes();
            return bytes.length == 0 ? null : JsonTrees.read(bytes);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new EngineException("The engine's answer to " + what + " is not JSON", e);
        } catch (IOException e) {
            throw broken(e);
        }
    }

    /** Whether the call stayed silent past its limit, and was abandoned. */
    boolean timedOut() {
        return watch.expired();
    }

    /** The timeout of this call. */
    EngineTimeoutException timeout(Throwable cause) {
        return transport.timedOut(what, watch, cause);
    }

    /** The connection broke off while reading this answer, or the call was abandoned as silent. */
    EngineUnavailableException broken(IOException e) {
        if (timedOut()) {
            return timeout(e);
        }
        return transport.unavailable("Cannot " + what + " on the Docker engine", e);
    }

    @Override
    public void close() {
        watch.close();
        closeQuietly(response);
    }

    static void closeQuietly(DockerHttpClient.Response response) {
        try {
            response.close();
        } catch (RuntimeException e) {
            // Closing an answer we are done with: nothing to report.
        }
    }
}
