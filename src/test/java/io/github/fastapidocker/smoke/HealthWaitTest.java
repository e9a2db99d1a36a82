package io.github.fastapidocker.smoke;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.fastapidocker.docker.DockerEngine.Health;
import io.github.fastapidocker.docker.DockerEngine.HealthCheck;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** An image with a health check: the smoke test waits for the engine's verdict. */
class HealthWaitTest extends SmokeFixture {
    static final List<String> CHECK = List.of("CMD", "python3", "-c", "...", "/docs", "80", "5");
    static final HealthCheck OK = new HealthCheck(0, "");
    static final HealthCheck FAILED =
            new HealthCheck(1, "GET /health on port 41234: HTTP Error 500: Internal Server Error\n");

    private void imageWithHealthcheck() {
        engine.withImage("sha256:built", "sha256:built", "", CHECK);
        recordBuild(GUIDE_CMD, 80);
    }

    /** The health the engine reports, one entry per inspect; the last one stays. */
    private void healthSequence(Health... states) {
        AtomicInteger look = new AtomicInteger();
        engine.health = c -> states[Math.min(look.getAndIncrement(), states.length - 1)];
    }

    @Test
    void theEngineChecksOftenInTheSmokeContainerOnlyForAnImageWithAHealthCheck() {
        imageWithHealthcheck();
        healthSequence(new Health("healthy", 0, List.of(OK)));
        runner().run(settings(SmokeNetwork.HOST, List.of(DOCS)));
        assertEquals(Duration.ofMillis(500), engine.created.get(0).healthInterval());

        engine.withImage("sha256:built", "sha256:built");
        runner().run(settings(SmokeNetwork.BRIDGE, List.of(DOCS)));
        assertNull(engine.created.get(1).healthInterval(), "no health check: nothing to shorten");
    }

    @Test
    void startingThenHealthyPassesAndIsReported() throws Exception {
        imageWithHealthcheck();
        healthSequence(
                new Health("starting", 0, List.of()),
                new Health("starting", 1, List.of(FAILED)),
                new Health("healthy", 0, List.of(FAILED, OK)));
        SmokeReport report = runner().run(settings(SmokeNetwork.HOST, List.of(DOCS)));

        assertTrue(report.passed());
        assertEquals(2, report.health().checks());
        assertTrue(
                log.stream()
                        .anyMatch(l -> l.matches("INFO   healthy after \\d+\\.\\d s \\(2 checks of the image's"
                                + " HEALTHCHECK, every 0\\.5 s for the smoke test\\)")),
                String.join("\n", log));
        JsonNode health =
                new ObjectMapper().readTree(dir.resolve("smoke.json").toFile()).get("health");
        assertEquals("healthy", health.get("status").asText());
        assertEquals(2, health.get("checks").asInt());
    }

    @Test
    void unhealthyFailsWithTheLastHealthLogAndTheContainerLog() throws Exception {
        imageWithHealthcheck();
        engine.onStart = c -> c.log = "INFO:     127.0.0.1:50000 - \"GET /health HTTP/1.1\" 500 Internal Server Error";
        healthSequence(new Health("starting", 1, List.of(FAILED)), new Health("unhealthy", 3, List.of(FAILED, FAILED)));
        SmokeFailedException e = assertThrows(
                SmokeFailedException.class, () -> runner().run(settings(SmokeNetwork.HOST, List.of(DOCS))));

        assertTrue(
                e.getMessage()
                        .matches("(?s)The health check reported the container unhealthy after \\d+\\.\\d s \\(3"
                                + " failed checks in a row\\): the last check exited 1: GET /health on port 41234: HTTP Error"
                                + " 500: Internal Server Error\\.\\n--- container log.*500 Internal Server Error.*"),
                e.getMessage());
        assertTrue(engine.containers.isEmpty(), "removed all the same");
        JsonNode json = new ObjectMapper().readTree(dir.resolve("smoke.json").toFile());
        assertTrue(json.get("failure").asText().contains("HTTP Error 500"));
        assertTrue(json.get("health").isNull());
    }

    @Test
    void anUndecidedCheckFailsAtTheDeadlineSayingWhatItLastSaw() {
        imageWithHealthcheck();
        healthSequence(new Health("starting", 1, List.of(FAILED)));
        long start = System.nanoTime();
        SmokeFailedException e = assertThrows(SmokeFailedException.class, () -> new HealthWait(
                        engine, io.github.fastapidocker.maven.MavenHints.INSTANCE)
                .await(startedContainer(), Duration.ofMillis(300)));
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertTrue(millis >= 250 && millis < 5000, millis + " ms");
        assertTrue(
                e.getMessage()
                        .startsWith("The health check did not decide within 0.3 s (still 'starting'; the last check"
                                + " exited 1: GET /health on port 41234: HTTP Error 500: Internal Server Error)."
                                + " A slow start needs a longer timeout: <smokeTimeout>SECONDS</smokeTimeout>"
                                + " (-Dfastapi.smoke.timeout=SECONDS)."),
                e.getMessage());
    }

    @Test
    void anEngineThatRunsNoHealthChecksIsSaidSo() {
        imageWithHealthcheck();
        SmokeFailedException e = assertThrows(SmokeFailedException.class, () -> new HealthWait(
                        engine, io.github.fastapidocker.maven.MavenHints.INSTANCE)
                .await(startedContainer(), Duration.ofSeconds(5)));
        assertTrue(e.getMessage().contains("the engine reports no health for its container"), e.getMessage());
    }

    @Test
    void aContainerThatExitsWhileCheckedFailsAtOnce() {
        imageWithHealthcheck();
        List<Integer> looks = new ArrayList<>();
        engine.health = c -> {
            looks.add(1);
            c.running = false;
            c.exitCode = 3;
            return new Health("starting", 0, List.of());
        };
        SmokeFailedException e = assertThrows(SmokeFailedException.class, () -> new HealthWait(
                        engine, io.github.fastapidocker.maven.MavenHints.INSTANCE)
                .await(startedContainer(), Duration.ofSeconds(30)));
        assertTrue(e.getMessage().startsWith("The container exited with code 3 while its health check ran."));
        // The fake reports the state before it stops the container: the next look sees it exited.
        assertEquals(2, looks.size(), "no waiting for the deadline");
    }

    private String startedContainer() {
        String id = engine.createContainer(new io.github.fastapidocker.docker.DockerEngine.ContainerSpec(
                "sha256:built", null, java.util.Map.of(), "host", null, null, null, java.util.Map.of()));
        engine.startContainer(id);
        return id;
    }
}
