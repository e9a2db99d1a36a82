package io.github.fastapidocker.docker.dockerjava;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** What of an error body the message shows. */
class EngineErrorsTest {
    private static String message(int status, String body) throws IOException {
        return EngineErrors.errorMessage(status, new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void theEnginesJsonMessageWhole() throws IOException {
        String long_ = "x".repeat(2000);
        assertEquals(long_, message(500, "{\"message\":\"" + long_ + "\"}"));
        assertEquals("HTTP 404", message(404, ""));
    }

    @Test
    void aWebPageOfSomethingElseOnlyItsStart() throws IOException {
        String page = "<!DOCTYPE HTML><html><head><title>Error response</title></head><body>"
                + "<p>Error code: 404</p>".repeat(100) + "</body></html>";
        String shown = message(404, page);
        assertTrue(shown.startsWith("<!DOCTYPE HTML><html><head><title>Error response</title>"), shown);
        assertTrue(shown.endsWith("... (HTTP 404, " + page.length() + " characters; is this a Docker engine?)"), shown);
        assertTrue(shown.length() < EngineErrors.SHOWN_TEXT + 80, shown);
    }
}
