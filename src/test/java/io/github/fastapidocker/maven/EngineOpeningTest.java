package io.github.fastapidocker.maven;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.fastapidocker.docker.EngineUnavailableException;
import io.github.fastapidocker.kernel.ConfigurationException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugin.logging.SystemStreamLog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The engine opened on a thread of its own: its failures, its deadline, and nothing left open. */
class EngineOpeningTest {
    @TempDir
    Path dir;

    /** A log that keeps what it is told, and says which thread told it. */
    static final class KeepingLog extends SystemStreamLog {
        final List<String> lines = new ArrayList<>();

        @Override
        public void info(CharSequence content) {
            lines.add(Thread.currentThread().getName() + ": " + content);
        }

        @Override
        public boolean isDebugEnabled() {
            return false;
        }
    }

    @Test
    void aWrongTimeoutFailsBeforeAnythingStarts() {
        int before = Thread.activeCount();
        assertThrows(ConfigurationException.class, () -> EngineConnection.start(null, 0, new KeepingLog()));
        assertTrue(Thread.activeCount() <= before, "no opening thread was started");
    }

    @Test
    void takeRethrowsTheEnginesOwnFailure() {
        String socket = "unix://" + dir.resolve("no-engine.sock");
        try (EngineConnection.Opening opening = EngineConnection.start(socket, 5, new KeepingLog())) {
            EngineUnavailableException e = assertThrows(EngineUnavailableException.class, opening::take);
            assertTrue(e.getMessage().startsWith("Cannot reach the Docker engine at " + socket), e.getMessage());
            assertTrue(e.getMessage().contains("<dockerHost>"), "names where the host came from: " + e.getMessage());
        }
    }

    @Test
    void closingAnEngineNobodyTookDoesNotFailTheGoal() {
        String socket = "unix://" + dir.resolve("no-engine.sock");
        EngineConnection.Opening opening = EngineConnection.start(socket, 5, new KeepingLog());
        opening.close(); // the goal failed first: the engine's own failure is not reported
        opening.close();
    }

    @Test
    void aGoalThatFailsWhileTheEngineIsSilentIsNotHeldUp() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Thread holder = new Thread(() -> {
                try (Socket accepted = silent.accept()) {
                    Thread.sleep(3_000); // accepts, never answers
                } catch (Exception e) {
                    // the test closed the server
                }
            });
            holder.setDaemon(true);
            holder.start();
            String host = "tcp://127.0.0.1:" + silent.getLocalPort();
            long start = System.nanoTime();
            EngineConnection.Opening opening = EngineConnection.start(host, 2, new KeepingLog());
            opening.close();
            long millis = (System.nanoTime() - start) / 1_000_000;
            assertTrue(millis < 1_000, "close waited " + millis + " ms for a silent engine");
        }
    }

    @Test
    void aSilentEngineFailsTheTakeWithinItsDeadline() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Thread holder = new Thread(() -> {
                try (Socket accepted = silent.accept()) {
                    Thread.sleep(5_000);
                } catch (Exception e) {
                    // the test closed the server
                }
            });
            holder.setDaemon(true);
            holder.start();
            String host = "tcp://127.0.0.1:" + silent.getLocalPort();
            long start = System.nanoTime();
            try (EngineConnection.Opening opening = EngineConnection.start(host, 1, new KeepingLog())) {
                EngineUnavailableException e = assertThrows(EngineUnavailableException.class, opening::take);
                long millis = (System.nanoTime() - start) / 1_000_000;
                assertTrue(millis < 1_000 + EngineConnection.WAIT_MARGIN.toMillis(), "took " + millis + " ms");
                assertTrue(e.getMessage().contains("1 s"), e.getMessage());
            }
        }
    }
}
