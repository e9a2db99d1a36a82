package io.github.fastapidocker.smoke;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.fastapidocker.maven.MavenHints;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
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

    @Test
    void aFailedBodyCheckOnACutBodySaysWhereItWasCut() {
        recordBuild(GUIDE_CMD, 80);
        answers.put("/docs", new HttpProber.Answer(200, "<html>".repeat(10), 60));
        SmokeFailedException e = assertThrows(
                SmokeFailedException.class, () -> runner().run(settings(SmokeNetwork.HOST, List.of(DOCS))));
        assertTrue(
                e.getMessage()
                        .contains("GET /docs: body does not contain \"Swagger UI\"; the body was cut at 60 bytes"
                                + " (a probe reads at most 65536 bytes, within its time limit)"),
                e.getMessage());
    }

    @Test
    void anEndlessStreamAsFirstProbeIsReadyAtOnceAndItsStatusCounts() throws Exception {
        recordBuild(GUIDE_CMD, 80);
        try (LocalHttpServer server = new LocalHttpServer()) {
            server.handler = exchange -> {
                exchange.sendResponseHeaders(200, 0);
                byte[] event = "data: tick\n\n".getBytes(StandardCharsets.UTF_8);
                long end = System.nanoTime() + Duration.ofSeconds(20).toNanos();
                try (OutputStream out = exchange.getResponseBody()) {
                    while (System.nanoTime() < end) {
                        out.write(event);
                    }
                } catch (IOException gone) {
                    // The prober hung up.
                }
            };
            LoopbackPorts serverPort = new LoopbackPorts() {
                @Override
                public int free(String address) {
                    return server.port();
                }

                @Override
                public boolean inUse(String host, int port) {
                    return false;
                }
            };
            Probe events = new Probe("/events", null, "data: tick", null);
            Probe missing = new Probe("/events", null, "event: done", null);
            long start = System.nanoTime();
            SmokeFailedException e = assertThrows(SmokeFailedException.class, () -> new SmokeRunner(
                            engine, UrlConnectionProber.create(), buildLog, MavenHints.INSTANCE, serverPort)
                    .run(settings(SmokeNetwork.HOST, List.of(events, missing))));
            long millis = (System.nanoTime() - start) / 1_000_000;

            assertTrue(millis < 5000, "no waiting for the stream's end: " + millis + " ms");
            JsonNode report =
                    new ObjectMapper().readTree(dir.resolve("smoke.json").toFile());
            assertEquals(1, report.get("ready").get("attempts").asInt(), "ready at the first answer");
            assertTrue(report.get("probes").get(0).get("passed").asBoolean());
            assertTrue(
                    e.getMessage()
                            .contains("GET /events: body does not contain \"event: done\"; the body was cut at 65536"
                                    + " bytes"),
                    e.getMessage());
        }
    }
}
