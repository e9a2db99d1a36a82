package io.github.fastapidocker.docker.dockerjava;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.dockerjava.transport.DockerHttpClient;
import com.github.dockerjava.transport.DockerHttpClient.Request;
import io.github.fastapidocker.docker.EngineException;
import io.github.fastapidocker.docker.EngineIdentity;
import io.github.fastapidocker.docker.EngineTimeoutException;
import io.github.fastapidocker.docker.EngineTimeouts;
import io.github.fastapidocker.docker.EngineUnavailableException;
import io.github.fastapidocker.docker.json.JsonTrees;
import java.io.Closeable;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Every call to the engine goes through here, and this is the one place that turns the engine's
 * answer into our exceptions: an answer that is not 2xx (and not one the caller expects) becomes
 * an {@link EngineException} with its status and the {@code message} of the engine's JSON body;
 * a connection that fails or breaks off becomes an {@link EngineUnavailableException} that says
 * where we tried; a call that stays silent past its limit ({@link EngineTimeouts}) is abandoned
 * and becomes an {@link EngineTimeoutException} that names the call and the engine.
 *
 * <p>Longer than 250 lines because the one error path and the deadline of each call are one
 * concern: every answer passes both here, and splitting them would open a second way out.
 */
final class EngineTransport implements Closeable {

    private final Supplier<DockerHttpClient> clients;
    private final String host;
    private final String source;
    private final String howToChange;
    private final EngineTimeouts timeouts;
    private final Watchdog watchdog = new Watchdog();
    private DockerHttpClient http;
    private boolean closed;

    /** What an answer that is not 2xx becomes, given its status and the engine's message. */
    @FunctionalInterface
    interface Refusal {
        EngineException of(int status, String engineMessage);
    }

    /**
     * @param http the client to start with
     * @param clients a fresh client, after a silent call took the last one down with it
     */
    EngineTransport(
            DockerHttpClient http,
            Supplier<DockerHttpClient> clients,
            String host,
            String source,
            String howToChange,
            EngineTimeouts timeouts) {
        this.http = http;
        this.clients = clients;
        this.host = host;
        this.source = source;
        this.howToChange = howToChange;
        this.timeouts = timeouts;
    }

    String host() {
        return host;
    }

    EngineTimeouts timeouts() {
        return timeouts;
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
                .bodyBytes(JsonTrees.write(body).getBytes(StandardCharsets.UTF_8));
    }

    /** {@link #send(Duration, Request, String, Refusal, int...)} within the usual limit of a call. */
    Answer send(Request request, String what, Refusal refusal, int... expected) {
        return send(timeouts.call(), request, what, refusal, expected);
    }

    /**
     * Sends a request; the caller reads and closes the answer.
     *
     * @param limit the most silence allowed, before the answer and between its bytes
     * @param what the call, for messages ("inspect container 0123456789ab")
     * @param refusal what a refusal becomes
     * @param expected statuses besides 2xx that the caller handles itself (404 for "gone")
     */
    Answer send(Duration limit, Request request, String what, Refusal refusal, int... expected) {
        Answer answer = open(limit, request, what, "Cannot " + what + " on the Docker engine");
        int status = answer.status();
        if (status / 100 == 2 || Arrays.stream(expected).anyMatch(s -> s == status)) {
            return answer;
        }
        String message;
        try (answer) {
            message = EngineErrors.errorMessage(status, answer.body());
        } catch (IOException | RuntimeException e) {
            if (answer.timedOut()) {
                throw answer.timeout(e);
            }
            message = "HTTP " + status;
        }
        throw refusal.of(status, message);
    }

    /** Sends a request whose answer is JSON (or nothing), and reads it. */
    JsonNode call(Request request, String what, Refusal refusal, int... expected) {
        return call(timeouts.call(), request, what, refusal, expected);
    }

    JsonNode call(Duration limit, Request request, String what, Refusal refusal, int... expected) {
        try (Answer answer = send(limit, request, what, refusal, expected)) {
            return answer.json();
        }
    }

    /**
     * {@code GET /_ping}, within the first contact's limit: any failure means the engine cannot be
     * reached. Returns which engine answered, when its headers say ({@link EngineIdentification}).
     */
    Optional<EngineIdentity> ping() {
        Answer answer = open(
                timeouts.ping(),
                request(Request.Method.GET, "/_ping").build(),
                "ping",
                "Cannot reach the Docker engine");
        try (answer) {
            int status = answer.status();
            if (status / 100 != 2) {
                String message = EngineErrors.errorMessage(status, answer.body());
                if (EngineErrors.wantsTls(status, message)) {
                    throw new EngineUnavailableException(EngineErrors.tlsWanted(host, source), status, message);
                }
                throw new EngineUnavailableException(
                        "Cannot reach the Docker engine at " + host + " (from " + source + "): HTTP " + status + " "
                                + message + ". " + howToChange,
                        status,
                        message);
            }
            answer.body().readAllBytes();
            return EngineIdentification.fromPing(answer.header("Server"), answer.header("Api-Version"));
        } catch (IOException e) {
            if (answer.timedOut()) {
                throw answer.timeout(e);
            }
            throw unavailable("Cannot reach the Docker engine", e);
        }
    }

    /** Sends a request under a deadline; any status. */
    private Answer open(Duration limit, Request request, String what, String cannot) {
        DockerHttpClient client = client();
        if (client == null) {
            throw unavailable(cannot, new IllegalStateException("the connection to the engine was closed"));
        }
        Watchdog.Watch watch = watchdog.watch(limit, () -> abandon(client));
        DockerHttpClient.Response response;
        try {
            response = client.execute(watched(request, watch));
        } catch (RuntimeException e) {
            watch.close();
            if (watch.expired()) {
                throw timedOut(what, watch, e);
            }
            throw unavailable(cannot, e);
        }
        watch.answered(() -> Answer.closeQuietly(response));
        return new Answer(this, what, response, watch);
    }

    /** The request, its body counted as activity: a large context going out is not silence. */
    private static Request watched(Request request, Watchdog.Watch watch) {
        if (request.body() == null) {
            return request;
        }
        return Request.builder()
                .from(request)
                .body(new WatchedStream(request.body(), watch))
                .build();
    }

    private synchronized DockerHttpClient client() {
        if (http == null && !closed) {
            http = clients.get();
        }
        return http;
    }

    /**
     * A call got no answer in time: close its client, which closes the connection it waits on, and
     * use a fresh one for the next call.
     */
    private void abandon(DockerHttpClient client) {
        synchronized (this) {
            if (http == client) {
                http = null;
            }
        }
        closeQuietly(client);
    }

    /** The engine's answer was cut or could not be read: it is as unreachable as a closed port. */
    EngineUnavailableException unavailable(String cannot, Throwable e) {
        return new EngineUnavailableException(
                cannot + " at " + host + " (from " + source + "): " + EngineErrors.rootMessage(e) + ". " + howToChange,
                e);
    }

    /** The call stayed silent past its limit and was abandoned. */
    EngineTimeoutException timedOut(String what, Watchdog.Watch watch, Throwable cause) {
        String limit = EngineTimeouts.seconds(watch.limit());
        String engine = "The Docker engine at " + host + " (from " + source + ")";
        String silence = watch.answeredWhenExpired()
                ? engine + " sent nothing for " + limit + " during \"" + what + "\""
                : engine + " did not answer \"" + what + "\" within " + limit;
        String advice;
        if (what.equals("ping")) {
            // Past the first contact's cap, a longer setting would not help: it is the wrong address.
            advice = howToChange
                    + (watch.limit().compareTo(EngineTimeouts.FIRST_CONTACT) < 0
                            ? ". " + timeouts.howToAllowMore()
                            : "");
        } else {
            advice = timeouts.howToAllowMore();
        }
        return new EngineTimeoutException(silence + "; the call was abandoned. " + advice, what, watch.limit(), cause);
    }

    @Override
    public void close() {
        DockerHttpClient last;
        synchronized (this) {
            closed = true;
            last = http;
            http = null;
        }
        watchdog.close();
        if (last != null) {
            closeQuietly(last);
        }
    }

    private static void closeQuietly(DockerHttpClient client) {
        try {
            client.close();
        } catch (IOException | RuntimeException e) {
            // Closing a client we are done with: nothing to report.
        }
    }
}
