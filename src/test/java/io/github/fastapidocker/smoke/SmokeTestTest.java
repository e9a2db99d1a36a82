package io.github.fastapidocker.smoke;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.fastapidocker.build.BuildRecord;
import io.github.fastapidocker.docker.DockerEngine.ContainerSpec;
import io.github.fastapidocker.docker.EngineException;
import io.github.fastapidocker.kernel.ConfigurationException;
import io.github.fastapidocker.kernel.RecordingLog;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The whole smoke test against a fake engine and a scripted HTTP prober. */
class SmokeTestTest {
    private static final List<String> GUIDE_CMD = List.of("fastapi", "run", "app/main.py", "--port", "80");
    private static final Probe ITEMS =
            new Probe("/items/5?q=somequery", null, null, "{\"item_id\": 5, \"q\": \"somequery\"}");
    private static final Probe DOCS = new Probe("/docs", null, "Swagger UI", null);
    private static final int FREE_PORT = 41234;

    @TempDir
    Path dir;

    private final FakeEngine engine = new FakeEngine().withImage("sha256:built", "sha256:built");
    private final Map<String, HttpProber.Answer> answers = new HashMap<>();
    private final List<URI> requested = new ArrayList<>();
    private final Set<Integer> portsInUse = new java.util.HashSet<>();

    private final HttpProber http = (uri, timeout) -> {
        requested.add(uri);
        HttpProber.Answer answer =
                answers.get(uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()));
        if (answer == null) {
            throw new IOException("Connection refused");
        }
        return answer;
    };

    private final LoopbackPorts ports = new LoopbackPorts() {
        @Override
        public int free() {
            return FREE_PORT;
        }

        @Override
        public boolean inUse(int port) {
            return portsInUse.contains(port);
        }
    };

    private final RecordingLog buildLog = new RecordingLog();
    private final List<String> log = buildLog.lines;

    @BeforeEach
    void guideApp() {
        answers.put("/items/5?q=somequery", new HttpProber.Answer(200, "{\"item_id\":5,\"q\":\"somequery\"}"));
        answers.put("/docs", new HttpProber.Answer(200, "<title>FastAPI - Swagger UI</title>"));
        answers.put(
                "/openapi.json",
                new HttpProber.Answer(200, "{\"openapi\":\"3.1.0\",\"info\":{\"title\":\"FastAPI\"}}"));
        engine.logOnStop = "INFO:     Application shutdown complete.\n";
    }

    private void recordBuild(List<String> command, int port) {
        new BuildRecord("sha256:built", "hello", List.of("1.0", "latest"), command, port).write(dir);
    }

    private SmokeSettings settings(SmokeNetwork network, List<Probe> probes, GracefulStop stop, Path dockerfile) {
        return new SmokeSettings(
                "hello",
                "1.0",
                80,
                dir,
                network,
                probes,
                Duration.ofSeconds(5),
                10,
                stop,
                "io.example:hello",
                Path.of("/src/hello"),
                Map.of("GREETING", "hi"),
                dockerfile);
    }

    private SmokeSettings settings(SmokeNetwork network, List<Probe> probes) {
        return settings(network, probes, GracefulStop.FAIL, null);
    }

    private SmokeTest smokeTest() {
        return new SmokeTest(engine, http, buildLog, ports);
    }

    @Test
    void hostNetworkRunsTheRecordedCommandOnAFreeLoopbackPort() throws Exception {
        recordBuild(GUIDE_CMD, 80);
        SmokeReport report = smokeTest().run(settings(SmokeNetwork.HOST, List.of(ITEMS, DOCS)));

        assertTrue(report.passed());
        ContainerSpec spec = engine.created.get(0);
        assertEquals("sha256:built", spec.image());
        assertEquals("host", spec.network());
        assertEquals(
                List.of("fastapi", "run", "app/main.py", "--port", "41234", "--host", "127.0.0.1"), spec.command());
        assertNull(spec.containerPort(), "nothing published on the host network");
        assertEquals(Map.of("GREETING", "hi"), spec.env());
        assertEquals("true", spec.labels().get(SmokeTest.LABEL_SMOKE));
        assertEquals("io.example:hello", spec.labels().get(SmokeTest.LABEL_PROJECT));
        assertEquals(
                Path.of("/src/hello").toAbsolutePath().toString(), spec.labels().get(SmokeTest.LABEL_DIRECTORY));
        assertEquals(36, spec.labels().get(SmokeTest.LABEL_RUN).length(), "a run id");

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
    void anImageThatPassedIsNotTestedAgainWithTheSameSettings() {
        recordBuild(GUIDE_CMD, 80);
        assertTrue(smokeTest()
                .runUnlessPassed(settings(SmokeNetwork.HOST, List.of(ITEMS, DOCS)))
                .isPresent());
        assertEquals(1, engine.created.size());

        assertTrue(smokeTest()
                .runUnlessPassed(settings(SmokeNetwork.HOST, List.of(ITEMS, DOCS)))
                .isEmpty());
        assertEquals(1, engine.created.size(), "same image, same settings: the earlier pass stands");
        assertTrue(
                log.stream()
                        .anyMatch(l -> l.startsWith(
                                "INFO Smoke test of hello:1.0 skipped: image sha256:built already passed")),
                String.join("\n", log));

        assertTrue(smokeTest()
                .runUnlessPassed(settings(SmokeNetwork.HOST, List.of(DOCS)))
                .isPresent());
        assertEquals(2, engine.created.size(), "other probes: tested again");
        smokeTest().run(settings(SmokeNetwork.HOST, List.of(DOCS)));
        assertEquals(3, engine.created.size(), "run() always tests (-Dfastapi.smoke.force)");

        engine.withImage("sha256:rebuilt", "sha256:rebuilt");
        new BuildRecord("sha256:rebuilt", "hello", List.of("1.0"), GUIDE_CMD, 80).write(dir);
        assertTrue(smokeTest()
                .runUnlessPassed(settings(SmokeNetwork.HOST, List.of(DOCS)))
                .isPresent());
        assertEquals(4, engine.created.size(), "another image: tested again");
    }

    @Test
    void aFailureIsNeverTakenForAPass() {
        recordBuild(GUIDE_CMD, 80);
        smokeTest().runUnlessPassed(settings(SmokeNetwork.HOST, List.of(ITEMS)));
        answers.put("/items/5?q=somequery", new HttpProber.Answer(200, "{\"item_id\":6,\"q\":\"somequery\"}"));
        assertThrows(
                SmokeTestFailedException.class, () -> smokeTest().run(settings(SmokeNetwork.HOST, List.of(ITEMS))));
        assertThrows(
                SmokeTestFailedException.class,
                () -> smokeTest().runUnlessPassed(settings(SmokeNetwork.HOST, List.of(ITEMS))),
                "the failed run removed the earlier pass");
        assertEquals(3, engine.created.size());
    }

    @Test
    void reportIsWrittenAsSmokeJson() throws Exception {
        recordBuild(GUIDE_CMD, 80);
        smokeTest().run(settings(SmokeNetwork.HOST, List.of(ITEMS, DOCS)));

        JsonNode json = new ObjectMapper().readTree(dir.resolve("smoke.json").toFile());
        assertTrue(json.get("passed").asBoolean());
        assertEquals("hello:1.0", json.get("image").asText());
        assertEquals("sha256:built", json.get("imageId").asText());
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
    void bridgeNetworkPublishesTheContainerPortOnLoopback() {
        recordBuild(GUIDE_CMD, 80);
        smokeTest().run(settings(SmokeNetwork.BRIDGE, List.of(DOCS)));

        ContainerSpec spec = engine.created.get(0);
        assertEquals("bridge", spec.network());
        assertNull(spec.command(), "the image's own command, unchanged");
        assertEquals(80, spec.containerPort());
        assertEquals(FREE_PORT, spec.hostPort());
        assertEquals("127.0.0.1", spec.hostIp());
        assertEquals(URI.create("http://127.0.0.1:41234/docs"), requested.get(0));
    }

    @Test
    void bridgeWithoutAPublishedPortSaysToUseTheHostNetwork() {
        recordBuild(GUIDE_CMD, 80);
        engine.publishes = false;
        SmokeTestFailedException e = assertThrows(
                SmokeTestFailedException.class, () -> smokeTest().run(settings(SmokeNetwork.BRIDGE, List.of(DOCS))));
        assertTrue(e.getMessage().contains("did not publish container port 80 on 127.0.0.1:41234"), e.getMessage());
        assertTrue(e.getMessage().contains("-Dfastapi.smoke.network=host"), e.getMessage());
        assertTrue(engine.containers.isEmpty());
        assertTrue(requested.isEmpty(), "no probing of a port nobody published");
    }

    @Test
    void hostNetworkWithTheUsersDockerfileRunsItsOwnCommandOnThePort() {
        recordBuild(List.of(), 8080);
        answers.put("/docs", new HttpProber.Answer(200, "Swagger UI"));
        smokeTest().run(settings(SmokeNetwork.HOST, List.of(DOCS)));

        assertNull(engine.created.get(0).command());
        assertEquals(URI.create("http://127.0.0.1:8080/docs"), requested.get(0));
        assertTrue(
                log.stream()
                        .anyMatch(l -> l.startsWith("INFO Host network and your own Dockerfile: running the image's"
                                + " own command and probing port 8080")),
                String.join("\n", log));
    }

    @Test
    void hostNetworkWithTheUsersDockerfileRefusesATakenPort() {
        recordBuild(List.of(), 8080);
        portsInUse.add(8080);
        ConfigurationException e = assertThrows(
                ConfigurationException.class, () -> smokeTest().run(settings(SmokeNetwork.HOST, List.of(DOCS))));
        assertTrue(e.getMessage().startsWith("Port 8080 on 127.0.0.1 is in use"), e.getMessage());
        assertTrue(engine.created.isEmpty());
    }

    @Test
    void defaultProbesAreSwaggerUiAndOpenApi() {
        recordBuild(GUIDE_CMD, 80);
        SmokeReport report = smokeTest().run(settings(SmokeNetwork.HOST, List.of()));
        assertEquals(
                List.of("/docs", "/openapi.json"),
                report.probes().stream().map(SmokeReport.ProbeResult::path).toList());
    }

    @Test
    void failingProbeShowsExpectedAndActualBodiesAndTheLogAndRemovesTheContainer() throws Exception {
        recordBuild(GUIDE_CMD, 80);
        Probe wrong = new Probe("/items/5?q=somequery", null, null, "{\"item_id\": 5, \"q\": \"otherquery\"}");
        engine.onStart = c -> c.log = "INFO:     Uvicorn running on http://127.0.0.1:41234\n";
        SmokeTestFailedException e = assertThrows(SmokeTestFailedException.class, () -> smokeTest()
                .run(settings(SmokeNetwork.HOST, List.of(wrong, DOCS))));

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
        SmokeTestFailedException e = assertThrows(
                SmokeTestFailedException.class, () -> smokeTest().run(settings(SmokeNetwork.HOST, List.of(DOCS))));
        assertTrue(e.getMessage().contains("x".repeat(500) + "... (5000 chars)"), e.getMessage());
        assertFalse(e.getMessage().contains("x".repeat(501)));
    }

    @Test
    void containerThatDiesAtImportIsRemoved() throws Exception {
        recordBuild(GUIDE_CMD, 80);
        engine.onStart = c -> {
            c.running = false;
            c.exitCode = 1;
            c.log = "ModuleNotFoundError: No module named 'does_not_exist'";
        };
        SmokeTestFailedException e = assertThrows(
                SmokeTestFailedException.class, () -> smokeTest().run(settings(SmokeNetwork.HOST, List.of(DOCS))));
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
        assertThrows(EngineException.class, () -> smokeTest().run(settings(SmokeNetwork.HOST, List.of(DOCS))));
        assertEquals(List.of("create", "start", "remove"), engine.calls);
        assertTrue(engine.containers.isEmpty());
    }

    @Test
    void leftoversOfAnEarlierKilledBuildOfThisProjectAreRemovedFirst() {
        recordBuild(GUIDE_CMD, 80);
        String directory = Path.of("/src/hello").toAbsolutePath().toString();
        engine.leftovers.put(
                "leftover1",
                Map.of(
                        SmokeTest.LABEL_SMOKE,
                        "true",
                        SmokeTest.LABEL_PROJECT,
                        "io.example:hello",
                        SmokeTest.LABEL_DIRECTORY,
                        directory,
                        SmokeTest.LABEL_RUN,
                        "x"));
        engine.leftovers.put(
                "same-project-other-checkout",
                Map.of(
                        SmokeTest.LABEL_SMOKE,
                        "true",
                        SmokeTest.LABEL_PROJECT,
                        "io.example:hello",
                        SmokeTest.LABEL_DIRECTORY,
                        "/elsewhere/hello"));
        engine.leftovers.put(
                "other-project",
                Map.of(
                        SmokeTest.LABEL_SMOKE,
                        "true",
                        SmokeTest.LABEL_PROJECT,
                        "io.example:other",
                        SmokeTest.LABEL_DIRECTORY,
                        directory));

        smokeTest().run(settings(SmokeNetwork.HOST, List.of(DOCS)));

        assertEquals("leftover1", engine.removed.get(0));
        assertEquals(Set.of("same-project-other-checkout", "other-project"), engine.leftovers.keySet());
        assertTrue(
                log.contains("WARN Removed container leftover1 that an earlier smoke test of io.example:hello"
                        + " left behind (was that build killed?)"),
                String.join("\n", log));
    }

    @Test
    void shellFormCmdKilledAfterTheGracePeriodFailsExplainingExecForm() throws Exception {
        recordBuild(List.of(), 8080);
        answers.put("/docs", new HttpProber.Answer(200, "Swagger UI"));
        Path dockerfile = dir.resolve("Dockerfile");
        Files.writeString(dockerfile, "FROM python:3.14\nCMD fastapi run app/main.py --port 8080\n");
        engine.stopExitCode = 137;

        SmokeTestFailedException e = assertThrows(SmokeTestFailedException.class, () -> smokeTest()
                .run(settings(SmokeNetwork.HOST, List.of(DOCS), GracefulStop.FAIL, dockerfile)));
        String m = e.getMessage();
        assertTrue(m.startsWith("The server did not stop within 10 s of SIGTERM and was killed (exit 137"), m);
        assertTrue(m.contains(dockerfile + " has CMD in shell form (CMD fastapi run app/main.py --port 8080)"), m);
        assertTrue(m.contains("/bin/sh becomes process 1 and does not pass SIGTERM on"), m);
        assertTrue(m.contains("CMD [\"fastapi\", \"run\", \"app/main.py\", \"--port\", \"8080\"]"), m);
        assertTrue(m.contains("<gracefulStop>warn</gracefulStop>"), m);
        assertTrue(engine.containers.isEmpty());

        JsonNode json = new ObjectMapper().readTree(dir.resolve("smoke.json").toFile());
        assertTrue(json.get("stop").get("killed").asBoolean());
        assertEquals(137, json.get("stop").get("exitCode").asInt());
    }

    @Test
    void killedGeneratedImageBlamesTheAppsShutdownNotTheCmd() {
        recordBuild(GUIDE_CMD, 80);
        engine.stopExitCode = 137;
        SmokeTestFailedException e = assertThrows(
                SmokeTestFailedException.class, () -> smokeTest().run(settings(SmokeNetwork.HOST, List.of(DOCS))));
        assertTrue(
                e.getMessage().contains("The generated CMD is in exec form, so the server received SIGTERM"),
                e.getMessage());
    }

    @Test
    void nonZeroExitAfterSigtermFails() {
        recordBuild(GUIDE_CMD, 80);
        engine.stopExitCode = 3;
        SmokeTestFailedException e = assertThrows(
                SmokeTestFailedException.class, () -> smokeTest().run(settings(SmokeNetwork.HOST, List.of(DOCS))));
        assertTrue(e.getMessage().startsWith("The server exited with code 3 after SIGTERM"), e.getMessage());
    }

    @Test
    void gracefulStopWarnOnlyWarns() {
        recordBuild(GUIDE_CMD, 80);
        engine.stopExitCode = 137;
        SmokeReport report = smokeTest().run(settings(SmokeNetwork.HOST, List.of(DOCS), GracefulStop.WARN, null));
        assertTrue(report.passed());
        assertTrue(
                log.stream().anyMatch(l -> l.startsWith("WARN The server did not stop within 10 s")),
                String.join("\n", log));
        assertTrue(engine.containers.isEmpty());
    }

    @Test
    void gracefulStopOffRemovesAtOnce() {
        recordBuild(GUIDE_CMD, 80);
        engine.stopExitCode = 137;
        SmokeReport report = smokeTest().run(settings(SmokeNetwork.HOST, List.of(DOCS), GracefulStop.OFF, null));
        assertTrue(report.passed());
        assertNull(report.stop());
        assertEquals(List.of("create", "start", "remove"), engine.calls);
    }

    @Test
    void withoutARecordTheConfiguredImageAndFirstTagRun() {
        engine.withImage("hello:1.0", "sha256:tagged");
        SmokeReport report = new SmokeTest(engine, http, buildLog, ports)
                .run(new SmokeSettings(
                        "hello",
                        "1.0",
                        8000,
                        dir,
                        SmokeNetwork.BRIDGE,
                        List.of(DOCS),
                        Duration.ofSeconds(5),
                        10,
                        GracefulStop.FAIL,
                        "io.example:hello",
                        dir,
                        Map.of(),
                        null));
        assertEquals("hello:1.0", engine.created.get(0).image());
        assertEquals(8000, engine.created.get(0).containerPort());
        assertEquals("sha256:tagged", report.imageId());
    }

    @Test
    void aRecordOfAnotherImageIsNotUsed() {
        new BuildRecord("sha256:built", "other", List.of("2.0"), GUIDE_CMD, 80).write(dir);
        engine.withImage("hello:1.0", "sha256:tagged");
        smokeTest().run(settings(SmokeNetwork.HOST, List.of(DOCS)));
        assertEquals("hello:1.0", engine.created.get(0).image());
    }

    @Test
    void noImageToTestSaysToRunTheBuild() {
        ConfigurationException e = assertThrows(ConfigurationException.class, () -> smokeTest()
                .run(new SmokeSettings(
                        "hello",
                        null,
                        80,
                        dir,
                        SmokeNetwork.HOST,
                        List.of(),
                        Duration.ofSeconds(5),
                        10,
                        GracefulStop.FAIL,
                        "io.example:hello",
                        dir,
                        Map.of(),
                        null)));
        assertTrue(e.getMessage().startsWith("No image to smoke-test"), e.getMessage());

        e = assertThrows(ConfigurationException.class, () -> smokeTest().run(settings(SmokeNetwork.HOST, List.of())));
        assertEquals(
                "Image hello:1.0 not found on the engine at fake://engine. Run the build goal first (mvn package),"
                        + " or set <image> and <tags> to an image the engine has.",
                e.getMessage());
        assertTrue(engine.created.isEmpty());
    }

    @Test
    void settingsNameTheElementToFix() {
        SmokeSettings zeroTimeout = new SmokeSettings(
                "hello",
                "1.0",
                80,
                dir,
                SmokeNetwork.HOST,
                List.of(),
                Duration.ZERO,
                10,
                GracefulStop.FAIL,
                "p",
                dir,
                Map.of(),
                null);
        assertEquals(
                "<smokeTimeout> / fastapi.smoke.timeout must be 1-3600 seconds, was 0",
                assertThrows(ConfigurationException.class, zeroTimeout::validate)
                        .getMessage());
        SmokeSettings negativeStop = new SmokeSettings(
                "hello",
                "1.0",
                80,
                dir,
                SmokeNetwork.HOST,
                List.of(),
                Duration.ofSeconds(1),
                -1,
                GracefulStop.FAIL,
                "p",
                dir,
                Map.of(),
                null);
        assertEquals(
                "<stopTimeout> / fastapi.smoke.stopTimeout must be 0-3600 seconds, was -1",
                assertThrows(ConfigurationException.class, negativeStop::validate)
                        .getMessage());
        assertEquals(
                "<smokeNetwork> / fastapi.smoke.network must be bridge or host, was 'overlay'",
                assertThrows(ConfigurationException.class, () -> SmokeNetwork.parse("overlay"))
                        .getMessage());
        assertEquals(
                "<gracefulStop> / fastapi.smoke.gracefulStop must be fail, warn or off, was 'maybe'",
                assertThrows(ConfigurationException.class, () -> GracefulStop.parse("maybe"))
                        .getMessage());
        assertEquals(SmokeNetwork.HOST, SmokeNetwork.parse(" Host "));
    }

    @Test
    void onLoopbackPortMovesThePortAndKeepsTheServerOnLoopback() {
        assertEquals(
                List.of(
                        "fastapi",
                        "run",
                        "app/main.py",
                        "--port",
                        "5000",
                        "--proxy-headers",
                        "--workers",
                        "2",
                        "--host",
                        "127.0.0.1"),
                SmokeTest.onLoopbackPort(
                        List.of("fastapi", "run", "app/main.py", "--port", "80", "--proxy-headers", "--workers", "2"),
                        5000));
        assertEquals(
                List.of("uvicorn", "app.main:app", "--host", "127.0.0.1", "--port=5000"),
                SmokeTest.onLoopbackPort(List.of("uvicorn", "app.main:app", "--host", "0.0.0.0", "--port=80"), 5000));
        assertEquals(
                List.of("fastapi", "run", "--port", "5000", "--host", "127.0.0.1"),
                SmokeTest.onLoopbackPort(List.of("fastapi", "run"), 5000));
    }

    @Test
    void shutdownHookRemovesTheContainer() {
        String id = engine.createContainer(
                new ContainerSpec("sha256:built", null, Map.of(), "host", null, null, null, Map.of()));
        ShutdownCleanup cleanup = ShutdownCleanup.register(engine, id);
        cleanup.runHook();
        assertTrue(engine.containers.isEmpty(), "the hook removes the container on Ctrl-C");
        assertTrue(cleanup.deregister(), "registered until released");
        assertFalse(cleanup.deregister());
    }
}
