package io.github.fastapidocker.docker.dockerjava;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.fastapidocker.docker.EngineLocation;
import io.github.fastapidocker.docker.EngineTimeoutException;
import io.github.fastapidocker.docker.EngineTimeouts;
import io.github.fastapidocker.docker.PushFailedException;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The deadlines over docker-java's real transport, against servers that accept and then stall. */
class RealSocketDeadlinesTest {
    private static final EngineTimeouts TIMEOUTS = new EngineTimeouts(Duration.ofMillis(500), "Allow more");
    private static final Duration BOUND = Duration.ofSeconds(10);

    /** An answer that starts a push stream and never finishes it. */
    private static final String PUSH_HEAD = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
            + "Transfer-Encoding: chunked\r\n\r\n"
            + "33\r\n{\"status\":\"Pushing\",\"id\":\"l1\",\"progressDetail\":{}}\n\r\n";

    @TempDir
    Path dir;

    @Test
    void aTcpEngineThatAcceptsAndNeverAnswersFailsThePingInTime() throws IOException {
        try (StallingServer server = StallingServer.tcp(null)) {
            assertPingTimesOut(server);
        }
    }

    @Test
    void aUnixSocketEngineThatNeverAnswersFailsThePingInTime() throws IOException {
        try (StallingServer server = StallingServer.unix(dir.resolve("docker.sock"), null)) {
            assertPingTimesOut(server);
        }
    }

    @Test
    void aPushStreamThatStallsOverTcpIsClosedAndFails() throws IOException {
        try (StallingServer server = StallingServer.tcp(PUSH_HEAD)) {
            assertPushTimesOut(server);
        }
    }

    @Test
    void aPushStreamThatStallsOverAUnixSocketIsClosedAndFails() throws IOException {
        try (StallingServer server = StallingServer.unix(dir.resolve("docker.sock"), PUSH_HEAD)) {
            assertPushTimesOut(server);
        }
    }

    private static void assertPingTimesOut(StallingServer server) {
        DockerJavaEngine engine = DockerJavaEngine.connect(new EngineLocation(server.address()), TIMEOUTS);
        try {
            EngineTimeoutException e =
                    assertTimeoutPreemptively(BOUND, () -> assertThrows(EngineTimeoutException.class, engine::ping));
            assertTrue(
                    e.getMessage()
                            .startsWith("The Docker engine at " + server.address()
                                    + " (from the configured host) did not answer \"ping\" within 0.5 s"),
                    e.getMessage());
            assertTrue(server.accepted() >= 1, "the server must have been reached");
        } finally {
            engine.close();
        }
        assertNoDeadlineThreadLeft();
    }

    private static void assertPushTimesOut(StallingServer server) {
        DockerJavaEngine engine = DockerJavaEngine.connect(new EngineLocation(server.address()), TIMEOUTS);
        try {
            PushFailedException e = assertTimeoutPreemptively(
                    BOUND,
                    () -> assertThrows(
                            PushFailedException.class, () -> engine.push("127.0.0.1:5000/app", "1.0", null, x -> {})));
            assertTrue(
                    e.getMessage().contains("sent nothing for 0.5 s during \"push 127.0.0.1:5000/app:1.0\""),
                    e.getMessage());
        } finally {
            engine.close();
        }
        assertNoDeadlineThreadLeft();
    }

    /** Closing the engine ends the deadline thread (bounded wait). */
    private static void assertNoDeadlineThreadLeft() {
        long until = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (deadlineThreadAlive() && System.nanoTime() < until) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        assertFalse(deadlineThreadAlive(), "the deadline thread outlived the engine");
    }

    private static boolean deadlineThreadAlive() {
        return Thread.getAllStackTraces().keySet().stream()
                .anyMatch(t -> t.isAlive() && t.getName().equals(Watchdog.THREAD_NAME));
    }
}
