package io.github.fastapidocker.docker.dockerjava;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/** What the engine said when it refused, and what a broken connection says. */
final class EngineErrors {
    /** Error bodies are short; a longer one is cut here. */
    private static final int MAX_ERROR_BODY = 64 * 1024;

    private EngineErrors() {}

    /** The {@code message} of the engine's JSON error body; else its text; else "HTTP status". */
    static String errorMessage(int status, InputStream body) throws IOException {
        byte[] bytes = body == null ? new byte[0] : body.readNBytes(MAX_ERROR_BODY);
        String text = new String(bytes, StandardCharsets.UTF_8).strip();
        if (text.startsWith("{")) {
            try {
                JsonNode node = EngineTransport.JSON.readTree(text);
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
}
