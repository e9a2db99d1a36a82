package io.github.fastapidocker.smoke;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.fastapidocker.docker.DockerEngine.ContainerSpec;
import io.github.fastapidocker.docker.EngineException;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The whole smoke test, step by step, against a fake engine and a scripted HTTP prober. */
class SmokeRunnerTest extends SmokeFixture {
    @Test
    void hostNetworkRunsTheRecordedCommandOnAFreeLoopbackPort() throws Exception {
        recordBuild(GUIDE_CMD, 80);
        SmokeReport report = runner().run(settings(SmokeNetwork.HOST, List.of(ITEMS, DOCS)));

        assertTrue(report.passed());
        ContainerSpec spec = engine.created.get(0);
        assertEquals("sha256:built", spec.image());
        assertEquals("host", spec.network());
        assertEquals(
                List.of("fastapi", "run", "app/main.py", "--port", "41234", "--host", "127.0.0.1"), spec.command());
        assertNull(spec.containerPort(), "nothing published on the host network");
        assertEquals(Map.of("GREETING", "hi"), spec.env());
        assertEquals("true", spec.labels().get(SmokeLabels.SMOKE));
        assertEquals("io.example:hello", spec.labels().get(SmokeLabels.PROJECT));
        assertEquals(
                Path.of("/src/hello").toAbsolutePath().toString(), spec.labels().get(SmokeLabels.DIRECTORY));
        assertEquals(36, spec.labels().get(SmokeLabels.RUN).length(), "a run id");

        assertEquals(
                List.of(
                        URI.create("http://127.0.0.1:41234/items/5?q=somequery"),
                        URI.create("http://127.0.0.1:41234/items/5?q=somequery"),
                        URI.create("http://127.0.0.1:41234/docs")),
                requested,
                "ready on the first probe, then every probe");
        assertEquals(List.of("create", "start", "stop 10", "remove"), engine.calls);
        assertTrue(engine.containers.isEmpty(), "no container left");
        assertTrue(log.contains("INFO Smoke test of hello:1.0 passed"), String.join("\n", log));
        assertTrue(
                log.stream().anyMatch(l -> l.matches("INFO   GET /items/5\\?q=somequery  200 +\\d+ ms  ok")),
                String.join("\n", log));
        assertTrue(
                log.stream().anyMatch(l -> l.matches("INFO   stopped in \\d+\\.\\d s, exit 0 \\(graceful\\)")),
                String.join("\n", log));
        for (String phase :
                List.of("container create + start", "ready after", "probes", "stop", "remove", "smoke test")) {
            assertTrue(log.stream().anyMatch(l -> l.startsWith("DEBUG timing: " + phase)), "timing of " + phase);
        }
    }

    @Test
    void reportIsWrittenAsSmokeJson() throws Exception {
        recordBuild(GUIDE_CMD, 80);
        runner().run(settings(SmokeNetwork.HOST, List.of(ITEMS, DOCS)));

        JsonNode json = new ObjectMapper().readTree(dir.resolve("smoke.json").toFile());
        assertTrue(json.get("passed").asBoolean());
        assertEquals("hello:1.0", json.get("image").asText());
        assertEquals("sha256:built", json.get("imageId").asText());
        assertEquals("Podman Engine", json.get("engine").get("name").asText(), "which engine ran it");
        assertEquals("4.3.1", json.get("engine").get("version").asText());
        assertEquals("1.41", json.get("engine").get("apiVersion").asText());
        assertEquals("host", json.get("network").asText());
        assertEquals(FREE_PORT, json.get("port").asInt());
        assertEquals(1, json.get("ready").get("attempts").asInt());
        assertEquals(2, json.get("probes").size());
        JsonNode items = json.get("probes").get(0);
        assertEquals("/items/5?q=somequery", items.get("path").asText());
        assertEquals(200, items.get("status").asInt());
        assertTrue(items.get("passed").asBoolean());
        assertTrue(items.get("latencyMillis").isIntegralNumber());
        assertTrue(json.get("stop").get("graceful").asBoolean());
        assertEquals(0, json.get("stop").get("exitCode").asInt());
        assertEquals(10, json.get("stop").get("graceSeconds").asInt());
        assertTrue(json.get("failure").isNull());
        assertTrue(json.get("containerLog").asText().contains("Application shutdown complete"));
    }

    @Test
    void containerThatDiesAtImportIsRemoved() throws Exception {
        recordBuild(GUIDE_CMD, 80);
        engine.onStart = c -> {
            c.running = false;
            c.exitCode = 1;
            c.log = "ModuleNotFoundError: No module named 'does_not_exist'";
        };
        SmokeFailedException e = assertThrows(
                SmokeFailedException.class, () -> runner().run(settings(SmokeNetwork.HOST, List.of(DOCS))));
        assertTrue(e.getMessage().contains("exited with code 1"), e.getMessage());
        assertTrue(e.getMessage().contains("ModuleNotFoundError"), e.getMessage());
        assertTrue(engine.containers.isEmpty());
        assertEquals(1, engine.removed.size());
        JsonNode json = new ObjectMapper().readTree(dir.resolve("smoke.json").toFile());
        assertTrue(json.get("ready").isNull());
        assertTrue(json.get("containerLog").asText().contains("ModuleNotFoundError"), "the log is kept in the report");
    }

    @Test
    void containerThatFailsToStartIsRemoved() {
        recordBuild(GUIDE_CMD, 80);
        engine.failStart = new EngineException("The engine refused to start container: port is already allocated");
        assertThrows(EngineException.class, () -> runner().run(settings(SmokeNetwork.HOST, List.of(DOCS))));
        assertEquals(List.of("create", "start", "remove"), engine.calls);
        assertTrue(engine.containers.isEmpty());
    }

    @Test
    void gracefulStopOffRemovesAtOnce() {
        recordBuild(GUIDE_CMD, 80);
        engine.stopExitCode = 137;
        SmokeReport report = runner().run(settings(SmokeNetwork.HOST, List.of(DOCS), GracefulStop.OFF, null));
        assertTrue(report.passed());
        assertNull(report.stop());
        assertEquals(List.of("create", "start", "remove"), engine.calls);
    }
}
