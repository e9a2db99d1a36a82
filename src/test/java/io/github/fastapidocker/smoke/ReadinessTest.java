package io.github.fastapidocker.smoke;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.fastapidocker.docker.DockerEngine.ContainerSpec;
import io.github.fastapidocker.maven.MavenHints;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The polling loop against a fake engine and a real HTTP server on 127.0.0.1. */
class ReadinessTest {
    private final FakeEngine engine = new FakeEngine().withImage("app:1", "sha256:1");
    private final UrlConnectionProber http = UrlConnectionProber.create();
    private String id;

    @BeforeEach
    void runningContainer() {
        id = engine.createContainer(new ContainerSpec("app:1", null, Map.of(), "host", null, null, null, Map.of()));
        engine.startContainer(id);
    }

    @Test
    void readyAtTheFirstAnswerWhateverItsStatus() throws Exception {
        try (LocalHttpServer server = new LocalHttpServer()) {
            server.handler = exchange -> LocalHttpServer.respond(exchange, 404, "{\"detail\":\"Not Found\"}");
            Readiness.Ready ready = new Readiness(engine, http, MavenHints.INSTANCE)
                    .await(id, server.uri("/docs"), Duration.ofSeconds(5), "");
            assertEquals(1, ready.attempts());
            assertEquals(1, server.requests.get());
        }
    }

    @Test
    void pollsUntilTheServerAnswers() {
        AtomicInteger tries = new AtomicInteger();
        HttpProber startsOnTheFourthTry = (uri, timeout) -> {
            if (tries.incrementAndGet() < 4) {
                throw new java.net.ConnectException("Connection refused");
            }
            return new HttpProber.Answer(200, "ok");
        };
        long start = System.nanoTime();
        Readiness.Ready ready = new Readiness(engine, startsOnTheFourthTry, MavenHints.INSTANCE)
                .await(id, URI.create("http://127.0.0.1:1/docs"), Duration.ofSeconds(5), "");
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertEquals(4, ready.attempts());
        // Three pauses of the poll interval between the four tries.
        long pauses = 3 * Readiness.POLL_INTERVAL.toMillis();
        assertTrue(millis >= pauses - 10 && millis < 1500, "took " + millis + " ms");
    }

    @Test
    void neverReadyTimesOutWithAClearMessage() throws Exception {
        int port;
        try (LocalHttpServer server = new LocalHttpServer()) {
            port = server.port();
        }
        engine.only().log = "INFO:     Started server process [1]";
        long start = System.nanoTime();
        SmokeFailedException e =
                assertThrows(SmokeFailedException.class, () -> new Readiness(engine, http, MavenHints.INSTANCE)
                        .await(id, ProbeRunner.uri(port, "/docs"), Duration.ofMillis(800), "Check <port>."));
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertTrue(millis >= 700 && millis < 3000, "bounded by the timeout, took " + millis + " ms");
        String m = e.getMessage();
        assertTrue(m.startsWith("No answer from GET http://127.0.0.1:" + port + "/docs within 0.8 s ("), m);
        assertTrue(m.contains("last: ConnectException"), m);
        assertTrue(m.contains("The container is still running. Check <port>."), m);
        assertTrue(m.contains("<smokeTimeout>SECONDS</smokeTimeout> (-Dfastapi.smoke.timeout=SECONDS)"), m);
        assertTrue(m.contains("INFO:     Started server process [1]"), "the log tail is shown: " + m);
    }

    @Test
    void triesAreBoundedInCountAsWellAsTime() {
        AtomicInteger tries = new AtomicInteger();
        HttpProber refuses = (uri, timeout) -> {
            tries.incrementAndGet();
            throw new IOException("refused");
        };
        assertThrows(SmokeFailedException.class, () -> new Readiness(engine, refuses, MavenHints.INSTANCE)
                .await(id, URI.create("http://127.0.0.1:1/docs"), Duration.ofMillis(500), ""));
        long most = 500 / Readiness.POLL_INTERVAL.toMillis() + 2;
        assertTrue(tries.get() >= 3 && tries.get() <= most, "tries: " + tries.get());
        // The engine is asked whether the container runs at most every RUNNING_CHECK_INTERVAL (and once at the end).
        long checks = 500 / Readiness.RUNNING_CHECK_INTERVAL.toMillis() + 2;
        assertTrue(
                engine.inspections >= 2 && engine.inspections <= checks,
                "inspections: " + engine.inspections + " for " + tries.get() + " tries");
    }

    @Test
    void containerThatDiedFailsAtOnceWithExitCodeAndLog() {
        String traceback = String.join(
                "\n",
                List.of(
                        "Traceback (most recent call last):",
                        "  File \"/code/app/main.py\", line 1, in <module>",
                        "    import does_not_exist",
                        "ModuleNotFoundError: No module named 'does_not_exist'"));
        AtomicInteger tries = new AtomicInteger();
        HttpProber diesAfterTwoTries = (uri, timeout) -> {
            if (tries.incrementAndGet() == 2) {
                FakeEngine.Container c = engine.only();
                c.running = false;
                c.exitCode = 1;
                c.log = traceback;
            }
            throw new IOException("Connection refused");
        };
        long start = System.nanoTime();
        SmokeFailedException e = assertThrows(
                SmokeFailedException.class, () -> new Readiness(engine, diesAfterTwoTries, MavenHints.INSTANCE)
                        .await(id, URI.create("http://127.0.0.1:1/docs"), Duration.ofSeconds(60), ""));
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertTrue(millis < 2000, "fails at once, not after the timeout: " + millis + " ms");
        // Seen at the next look at the container, at most RUNNING_CHECK_INTERVAL after it died.
        long most = 2 + Readiness.RUNNING_CHECK_INTERVAL.toMillis() / Readiness.POLL_INTERVAL.toMillis() + 1;
        assertTrue(tries.get() >= 2 && tries.get() <= most, "tries: " + tries.get());
        assertTrue(e.getMessage().startsWith("The container exited with code 1 after "), e.getMessage());
        assertTrue(e.getMessage().contains("before it answered GET /docs: the server did not start."), e.getMessage());
        assertTrue(e.getMessage().contains(traceback), e.getMessage());
    }

    @Test
    void containerRemovedBehindOurBackFailsAtOnce() {
        engine.containers.clear();
        SmokeFailedException e =
                assertThrows(SmokeFailedException.class, () -> new Readiness(engine, http, MavenHints.INSTANCE)
                        .await(id, URI.create("http://127.0.0.1:1/docs"), Duration.ofSeconds(60), ""));
        assertTrue(e.getMessage().contains("disappeared"), e.getMessage());
    }
}
