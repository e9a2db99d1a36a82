package io.github.fastapidocker.smoke;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The probes of a ready server, and the message when one does not pass. */
class ProbeRunnerTest extends SmokeFixture {
    @Test
    void defaultProbesAreSwaggerUiAndOpenApi() {
        recordBuild(GUIDE_CMD, 80);
        SmokeReport report = runner().run(settings(SmokeNetwork.HOST, List.of()));
        assertEquals(
                List.of("/docs", "/openapi.json"),
                report.probes().stream().map(SmokeReport.ProbeResult::path).toList());
    }

    @Test
    void failingProbeShowsExpectedAndActualBodiesAndTheLogAndRemovesTheContainer() throws Exception {
        recordBuild(GUIDE_CMD, 80);
        Probe wrong = new Probe("/items/5?q=somequery", null, null, "{\"item_id\": 5, \"q\": \"otherquery\"}");
        engine.onStart = c -> c.log = "INFO:     Uvicorn running on http://127.0.0.1:41234\n";
        SmokeFailedException e = assertThrows(
                SmokeFailedException.class, () -> runner().run(settings(SmokeNetwork.HOST, List.of(wrong, DOCS))));

        String m = e.getMessage();
        assertTrue(m.startsWith("Smoke test of hello:1.0 failed: 1 of 2 probes did not pass"), m);
        assertTrue(m.contains("GET /items/5?q=somequery: JSON body differs"), m);
        assertTrue(m.contains("expected: status 200, JSON {\"item_id\":5,\"q\":\"otherquery\"}"), m);
        assertTrue(m.contains("actual:   status 200, body {\"item_id\":5,\"q\":\"somequery\"}"), m);
        assertFalse(m.contains("GET /docs:"), "passing probes are not listed as failures");
        assertTrue(m.contains("Uvicorn running on"), "the container log: " + m);
        assertTrue(engine.containers.isEmpty(), "removed after a failure");
        assertFalse(engine.calls.contains("stop 10"), "no graceful-stop check after a failed probe");

        JsonNode json = new ObjectMapper().readTree(dir.resolve("smoke.json").toFile());
        assertFalse(json.get("passed").asBoolean());
        assertTrue(json.get("failure").asText().contains("JSON body differs"));
        assertEquals(
                "JSON body differs", json.get("probes").get(0).get("problem").asText());
    }

    @Test
    void longBodiesAreShortened() {
        recordBuild(GUIDE_CMD, 80);
        answers.put("/docs", new HttpProber.Answer(500, "x".repeat(5000)));
        SmokeFailedException e = assertThrows(
                SmokeFailedException.class, () -> runner().run(settings(SmokeNetwork.HOST, List.of(DOCS))));
        assertTrue(e.getMessage().contains("x".repeat(500) + "... (5000 chars)"), e.getMessage());
        assertFalse(e.getMessage().contains("x".repeat(501)));
    }

    @Test
    void theFailureSaysWhereProbesAreConfigured() {
        recordBuild(GUIDE_CMD, 80);
        answers.put("/docs", new HttpProber.Answer(404, ""));
        SmokeFailedException e = assertThrows(
                SmokeFailedException.class, () -> runner().run(settings(SmokeNetwork.HOST, List.of(DOCS))));
        assertTrue(
                e.getMessage()
                        .startsWith("Smoke test of hello:1.0 failed: 1 of 1 probes did not pass"
                                + " (configure them in <probes>)."),
                e.getMessage());
        assertTrue(e.getMessage().contains("actual:   status 404, body (empty)"), e.getMessage());
    }
}
