package io.github.fastapidocker.docker.dockerjava;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.dockerjava.transport.DockerHttpClient;
import io.github.fastapidocker.docker.DockerEngine.BuildRequest;
import io.github.fastapidocker.docker.DockerEngine.PushEvent;
import io.github.fastapidocker.docker.EngineTimeoutException;
import io.github.fastapidocker.docker.EngineTimeouts;
import io.github.fastapidocker.docker.EngineUnavailableException;
import io.github.fastapidocker.docker.PushFailedException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every call has a deadline: a silent engine or a stalled stream ends the call, naming it and the engine. */
class DeadlinesTest {
    private static final String HOST = "tcp://127.0.0.1:40123";
    private static final String SOURCE = "the test";
    private static final String HINT = "Point the test elsewhere";
    private static final String MORE = "Allow more with the test's timeout";
    private static final Duration LIMIT = Duration.ofMillis(300);
    private static final Duration BOUND = Duration.ofSeconds(5);

    @TempDir
    Path dir;

    private final AtomicInteger clientsMade = new AtomicInteger();

    private DockerJavaEngine engine(DockerHttpClient first, DockerHttpClient next) {
        return new DockerJavaEngine(
                first,
                () -> {
                    clientsMade.incrementAndGet();
                    return next;
                },
                HOST,
                SOURCE,
                HINT,
                new EngineTimeouts(LIMIT, MORE));
    }

    @Test
    void aPingThatIsNeverAnsweredTimesOutNamingTheCallAndTheEngine() {
        StallingHttpClient silent = StallingHttpClient.silent();
        ReplayingHttpClient next = new ReplayingHttpClient().answer("ping");
        try (DockerJavaEngine engine = engine(silent, next)) {
            long start = System.nanoTime();
            EngineTimeoutException e =
                    assertTimeoutPreemptively(BOUND, () -> assertThrows(EngineTimeoutException.class, engine::ping));
            long millis = (System.nanoTime() - start) / 1_000_000;
            assertEquals(
                    "The Docker engine at " + HOST + " (from " + SOURCE + ") did not answer \"ping\" within 0.3 s;"
                            + " the call was abandoned. " + HINT + ". " + MORE,
                    e.getMessage());
            assertEquals("ping", e.call());
            assertEquals(LIMIT, e.limit());
            assertTrue(millis >= 250 && millis < 3000, "timed out after " + millis + " ms");
            assertTrue(silent.isClosed(), "the silent call's connection must be closed");

            // The next call gets a fresh client.
            engine.ping();
            assertEquals(1, clientsMade.get());
        }
    }

    @Test
    void aPushWhoseStreamStallsFailsAsAPushNamingTheCallAfterItsProgress() {
        StallingHttpClient stalling = StallingHttpClient.stallingAfter(
                "{\"status\":\"The push refers to repository [127.0.0.1:5000/app]\"}\n"
                        + "{\"status\":\"Pushing\",\"progressDetail\":{\"current\":512,\"total\":2048},\"id\":\"l1\"}\n");
        List<PushEvent> events = new ArrayList<>();
        try (DockerJavaEngine engine = engine(stalling, stalling)) {
            PushFailedException e = assertTimeoutPreemptively(
                    BOUND,
                    () -> assertThrows(
                            PushFailedException.class,
                            () -> engine.push("127.0.0.1:5000/app", "1.0", null, events::add)));
            assertEquals(
                    "The Docker engine at " + HOST + " (from " + SOURCE + ") sent nothing for 0.3 s during"
                            + " \"push 127.0.0.1:5000/app:1.0\"; the call was abandoned. " + MORE,
                    e.getMessage());
            assertTrue(!e.unauthorized(), "a stalled push may pass on a second try");
            assertTrue(stalling.answerClosed, "the stalled stream must be closed");
            assertEquals(0, clientsMade.get(), "an answered call closes its answer, not the client");
        }
        assertEquals(new PushEvent("l1", "Pushing", 512, 2048), events.get(1));
    }

    @Test
    void aStreamThatKeepsMovingIsNotCutHoweverLongItLasts() {
        String[] messages = {
            "{\"status\":\"Pushing\",\"progressDetail\":{\"current\":1,\"total\":4},\"id\":\"l1\"}\n",
            "{\"status\":\"Pushing\",\"progressDetail\":{\"current\":2,\"total\":4},\"id\":\"l1\"}\n",
            "{\"status\":\"Pushing\",\"progressDetail\":{\"current\":3,\"total\":4},\"id\":\"l1\"}\n",
            "{\"status\":\"Pushing\",\"progressDetail\":{\"current\":4,\"total\":4},\"id\":\"l1\"}\n",
            "{\"status\":\"Pushed\",\"progressDetail\":{},\"id\":\"l1\"}\n",
            "{\"status\":\"1.0: digest: sha256:" + "c".repeat(64) + " size: 528\"}\n"
        };
        // Six messages 150 ms apart: 0.9 s in all, never 0.3 s of silence.
        InputStream slow = new InputStream() {
            private int message;
            private int at;

            @Override
            public int read() {
                throw new UnsupportedOperationException();
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (message == messages.length) {
                    return -1;
                }
                if (at == 0) {
                    sleep(150);
                }
                byte[] bytes = messages[message].getBytes(StandardCharsets.UTF_8);
                int n = Math.min(len, bytes.length - at);
                System.arraycopy(bytes, at, b, off, n);
                at += n;
                if (at == bytes.length) {
                    message++;
                    at = 0;
                }
                return n;
            }
        };
        ReplayingHttpClient http = new ReplayingHttpClient()
                .answer(ReplayingHttpClient.response(200, Map.of("Content-Type", List.of("application/json")), slow));
        try (DockerJavaEngine engine = engine(http, http)) {
            String digest =
                    assertTimeoutPreemptively(BOUND, () -> engine.push("127.0.0.1:5000/app", "1.0", null, event -> {}));
            assertEquals("sha256:" + "c".repeat(64), digest);
        }
    }

    @Test
    void aBuildMayBeSilentLongerThanOtherCalls() throws IOException {
        Path tar = Files.write(dir.resolve("context.tar"), new byte[1024]);
        String[] chunks = {
            "{\"stream\":\"Step 1/2 : RUN pip install\\n\"}\n", "{\"aux\":{\"ID\":\"sha256:" + "a".repeat(64) + "\"}}\n"
        };
        // The RUN step prints nothing for 0.6 s: twice the limit of other calls.
        InputStream silentStep = new InputStream() {
            private int chunk;

            @Override
            public int read() {
                throw new UnsupportedOperationException();
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (chunk == chunks.length) {
                    return -1;
                }
                if (chunk > 0) {
                    sleep(600);
                }
                byte[] bytes = chunks[chunk++].getBytes(StandardCharsets.UTF_8);
                System.arraycopy(bytes, 0, b, off, bytes.length);
                return bytes.length;
            }
        };
        ReplayingHttpClient http = new ReplayingHttpClient()
                .answer(ReplayingHttpClient.response(
                        200, Map.of("Content-Type", List.of("application/json")), silentStep));
        try (DockerJavaEngine engine = engine(http, http)) {
            String id = assertTimeoutPreemptively(
                    BOUND,
                    () -> engine.build(
                            new BuildRequest(tar, List.of("app:1"), Map.of(), Map.of(), null, false, false),
                            chunk -> {}));
            assertEquals("sha256:" + "a".repeat(64), id);
        }
    }

    @Test
    void aCallAfterCloseFailsAtOnceAndMakesNoClient() {
        ReplayingHttpClient http = new ReplayingHttpClient();
        DockerJavaEngine engine = engine(http, http);
        engine.close();
        assertThrows(EngineUnavailableException.class, engine::ping);
        assertEquals(0, clientsMade.get());
        assertTrue(http.closed);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
