package io.github.fastapidocker.docker.dockerjava;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.fastapidocker.docker.json.JsonTrees;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
                JsonNode node = JsonTrees.read(text);
                if (node != null && node.hasNonNull("message")) {
                    return node.get("message").asText().strip();
                }
            } catch (IOException e) {
                // Not JSON after all: the text is the message.
            }
        }
        if (text.isEmpty()) {
            return "HTTP " + status;
        }
        // Not the engine's JSON: a web page from something that is not an engine, say. Its start is enough.
        return text.length() > SHOWN_TEXT
                ? text.substring(0, SHOWN_TEXT).strip() + "... (HTTP " + status + ", " + text.length()
                        + " characters; is this a Docker engine?)"
                : text;
    }

    /** What is shown of an error body that is not the engine's JSON. */
    static final int SHOWN_TEXT = 300;

    /** The certificates' names the docker CLI looks for in DOCKER_CERT_PATH. */
    private static final String CERTIFICATES = "ca.pem, cert.pem and key.pem";

    /** docker-java's "certificate path (DOCKER_CERT_PATH) '/x' doesn't exist." */
    private static final Pattern MISSING_CERT_PATH = Pattern.compile("\\(DOCKER_CERT_PATH\\) '(.*)' doesn't exist");

    /**
     * Why the connection could not be configured, and what to do: docker-java's words about TLS
     * set-up said plainly (no "Start the Docker engine": it is a setting to fix), others as they are.
     *
     * @param source where the engine address came from
     * @param howToChange the general hint, for problems that are not the TLS set-up
     */
    static String configurationProblem(String message, String source, String howToChange) {
        String text = message == null ? "" : message.strip();
        while (text.endsWith(".")) {
            text = text.substring(0, text.length() - 1);
        }
        Matcher missing = MISSING_CERT_PATH.matcher(text);
        if (missing.find()) {
            return "Cannot configure the Docker engine connection (from " + source
                    + "): the DOCKER_CERT_PATH directory '"
                    + missing.group(1) + "' does not exist (DOCKER_TLS_VERIFY=1 asks for TLS with the certificates"
                    + " there). Unset DOCKER_CERT_PATH and DOCKER_TLS_VERIFY, or point DOCKER_CERT_PATH at the"
                    + " directory that holds " + CERTIFICATES;
        }
        if (text.contains("DOCKER_CERT_PATH") && text.contains("not defined")) {
            return "Cannot configure the Docker engine connection (from " + source + "): DOCKER_TLS_VERIFY=1 asks for"
                    + " TLS but DOCKER_CERT_PATH is not set. Point DOCKER_CERT_PATH at the directory that holds "
                    + CERTIFICATES + ", or unset DOCKER_TLS_VERIFY";
        }
        return "Cannot configure the Docker engine connection (from " + source + "): " + text + ". " + howToChange;
    }

    /** What an engine that speaks only TLS answers a plain HTTP request. */
    static boolean wantsTls(int status, String message) {
        return status == 400 && message != null && message.contains("Client sent an HTTP request to an HTTPS server");
    }

    /** The engine speaks TLS and we did not: how to turn it on. */
    static String tlsWanted(String host, String source) {
        return "The Docker engine at " + host + " (from " + source + ") wants TLS: it answered \"Client sent an HTTP"
                + " request to an HTTPS server\". Set DOCKER_TLS_VERIFY=1 and DOCKER_CERT_PATH to the directory that"
                + " holds its client certificates (" + CERTIFICATES + ")";
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
