package io.github.fastapidocker.docker.dockerjava;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Errors inside an HTTP 200 stream (build and push): {@code {"errorDetail":{"code":N,
 * "message":"..."},"error":"..."}}.
 */
final class StreamErrors {
    private StreamErrors() {}

    /** The error this stream message reports, or {@code null}. */
    static String message(JsonNode message) {
        String detail = message.path("errorDetail").path("message").asText("");
        if (!detail.isBlank()) {
            return detail;
        }
        String error = message.path("error").asText("");
        return error.isBlank() ? null : error;
    }

    /** The code of {@code errorDetail}, or {@code 0}: an HTTP status for registry errors, an exit code for RUN. */
    static int code(JsonNode message) {
        return message.path("errorDetail").path("code").asInt(0);
    }
}
