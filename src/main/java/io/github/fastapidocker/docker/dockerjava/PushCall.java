package io.github.fastapidocker.docker.dockerjava;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.dockerjava.transport.DockerHttpClient.Request;
import io.github.fastapidocker.docker.DockerEngine.PushEvent;
import io.github.fastapidocker.docker.DockerEngine.RegistryAuth;
import io.github.fastapidocker.docker.EngineException;
import io.github.fastapidocker.docker.EngineTimeoutException;
import io.github.fastapidocker.docker.PushFailedException;
import io.github.fastapidocker.docker.PushFailedException.Reason;
import io.github.fastapidocker.docker.json.JsonTrees;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code POST /images/{name}/push} with our own {@code X-Registry-Auth}, and its answer: a stream
 * of JSON messages ({@code status}, {@code id}, {@code error}/{@code errorDetail},
 * {@code aux.Digest}). The registry's refusals come inside that HTTP 200 stream.
 */
final class PushCall {
    /** What Docker 29's containerd store and Podman send instead of an aux digest. */
    private static final Pattern STATUS_DIGEST = Pattern.compile("digest: (sha256:[0-9a-f]{64}) size: [0-9]+");

    /**
     * The distribution spec's error codes for a refused login or access: at the start of the
     * message (dockerd), or as the last link of a Go error chain ({@code ...exists in
     * 127.0.0.1:5555/app: unauthorized: authentication required}, Podman).
     */
    private static final Pattern REFUSAL_CODE = Pattern.compile("(?:^|: )(?:unauthorized|denied)(?::|$)");

    /**
     * Go's {@code net/http} words, in dockerd's and Podman's messages alike, when the engine spoke
     * HTTPS to a registry that answers plain HTTP.
     */
    private static final String PLAIN_HTTP = "server gave http response to https client";

    /** The engine's own words when the registry asked for a login and it had none to give. */
    private static final String NO_CREDENTIALS = "no basic auth credentials";

    /** The status the engine's registry client reports when the registry's body says nothing more. */
    private static final Pattern UNEXPECTED_STATUS = Pattern.compile("unexpected http status: ([0-9]{3})\\b");

    private final EngineTransport transport;

    PushCall(EngineTransport transport) {
        this.transport = transport;
    }

    /**
     * The {@code X-Registry-Auth} header: base64url of the auth JSON. Always our own, also for an
     * anonymous push ({@code {}}), so nothing from the docker config is sent in its place.
     */
    static String authHeader(RegistryAuth auth) {
        ObjectNode json = JsonTrees.object();
        if (auth != null) {
            if (auth.identityToken() != null) {
                json.put("identitytoken", auth.identityToken());
            } else {
                json.put("username", auth.username());
                json.put("password", auth.password());
            }
            if (auth.serverAddress() != null) {
                json.put("serveraddress", auth.serverAddress());
            }
        }
        return Base64.getUrlEncoder().encodeToString(JsonTrees.write(json).getBytes(StandardCharsets.UTF_8));
    }

    String push(String repository, String tag, RegistryAuth auth, Consumer<PushEvent> progress) {
        Request request = EngineTransport.request(
                        Request.Method.POST,
                        "/images/" + EngineTransport.encode(repository) + "/push?tag=" + EngineTransport.encode(tag))
                .putHeader("X-Registry-Auth", authHeader(auth))
                .build();
        try (Answer answer = transport.send(
                request,
                "push " + repository + ":" + tag,
                (status, message) -> new PushFailedException(message, reason(status, message), status))) {
            return read(answer, repository + ":" + tag, progress);
        } catch (EngineTimeoutException e) {
            // A registry that stalls the upload silences the push: a failed push, tried again if allowed.
            throw new PushFailedException(e.getMessage(), Reason.OTHER);
        }
    }

    /** Reads the push's stream to its end; the digest, or the failure the registry reported. */
    static String read(Answer answer, String reference, Consumer<PushEvent> progress) {
        String auxDigest = null;
        String statusDigest = null;
        String error = null;
        int errorCode = 0;
        try (JsonTrees.Values messages = JsonTrees.values(answer.body())) {
            while (messages.hasNext()) {
                JsonNode message = messages.next();
                String failure = StreamErrors.message(message);
                if (failure != null) {
                    error = failure;
                    errorCode = StreamErrors.code(message);
                }
                String digest = message.path("aux").path("Digest").asText("");
                if (!digest.isBlank()) {
                    auxDigest = digest;
                }
                String status = message.path("status").asText(null);
                if (status != null) {
                    Matcher m = STATUS_DIGEST.matcher(status);
                    if (m.find()) {
                        statusDigest = m.group(1);
                    }
                    JsonNode detail = message.path("progressDetail");
                    progress.accept(new PushEvent(
                            message.path("id").asText(null),
                            status,
                            detail.path("current").asLong(0),
                            detail.path("total").asLong(0)));
                }
            }
        } catch (JsonProcessingException e) {
            if (answer.timedOut()) {
                throw answer.timeout(e);
            }
            throw new EngineException("The engine's push output is not JSON", e);
        } catch (IOException e) {
            throw answer.broken(e);
        }
        if (error != null) {
            throw new PushFailedException(error, reason(errorCode, error));
        }
        String digest = auxDigest != null ? auxDigest : statusDigest;
        if (digest == null) {
            throw new PushFailedException("the registry reported no digest for " + reference, Reason.OTHER);
        }
        return digest;
    }

    /**
     * Why the push failed: a refused login or access (by HTTP status, else by the registry's error
     * code), a registry that answers plain HTTP to the engine's HTTPS, or anything else.
     */
    static Reason reason(int status, String message) {
        if (status == 401 || status == 403 || isUnauthorized(message)) {
            return Reason.REFUSED_LOGIN;
        }
        if (message != null && message.toLowerCase(Locale.ROOT).contains(PLAIN_HTTP)) {
            return Reason.PLAIN_HTTP_REGISTRY;
        }
        return Reason.OTHER;
    }

    /**
     * Whether the message is a refused login or access: the distribution error code
     * {@code unauthorized} or {@code denied} at its start, the engine's "no basic auth
     * credentials", or the engine's "unexpected HTTP status: 401/403".
     */
    static boolean isUnauthorized(String message) {
        String m = message == null ? "" : message.strip().toLowerCase(Locale.ROOT);
        if (REFUSAL_CODE.matcher(m).find() || m.startsWith(NO_CREDENTIALS)) {
            return true;
        }
        Matcher status = UNEXPECTED_STATUS.matcher(m);
        return status.find()
                && (status.group(1).equals("401") || status.group(1).equals("403"));
    }
}
