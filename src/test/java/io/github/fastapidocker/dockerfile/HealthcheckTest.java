package io.github.fastapidocker.dockerfile;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.net.httpserver.HttpServer;
import io.github.fastapidocker.kernel.ConfigurationException;
import io.github.fastapidocker.maven.MavenHints;
import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The health check's values, its errors, and its program run by a real python3. */
class HealthcheckTest {

    private static String error(Healthcheck check) {
        return assertThrows(ConfigurationException.class, () -> check.validate(MavenHints.INSTANCE))
                .getMessage();
    }

    @Test
    void defaults() {
        assertEquals(new Healthcheck("/docs", "30s", "5s", "5s", 3), Healthcheck.of(null, null, " ", null, null));
        assertEquals(new Healthcheck("/health", "10s", "2s", "0s", 5), Healthcheck.of("/health", "10s", "2s", "0s", 5));
    }

    @Test
    void durationsAsDockerWritesThem() {
        for (String d : new String[] {"30s", "1m30s", "500ms", "1h", "1.5s", "2m", "1h2m3s4ms"}) {
            assertDoesNotThrow(() -> Healthcheck.of(null, d, d, d, null).validate(MavenHints.INSTANCE), d);
        }
        assertEquals(90_000, Healthcheck.millis("1m30s"));
        assertEquals(1500, Healthcheck.millis("1.5s"));
        assertEquals(500, Healthcheck.millis("500ms"));
    }

    @Test
    void badDurationsNameTheElement() {
        assertEquals(
                "<healthcheck><interval> must be a duration such as 30s, 1m30s or 500ms (units h, m, s, ms), was '30'",
                error(Healthcheck.of(null, "30", null, null, null)));
        for (String d : new String[] {"30 s", "s", "-1s", "1d", "PT30S", "1s2"}) {
            assertTrue(
                    error(Healthcheck.of(null, null, d, null, null))
                            .startsWith("<healthcheck><timeout> must be a" + " duration"),
                    d);
        }
        assertEquals(
                "<healthcheck><interval> must be at least 1ms, was '0s'",
                error(Healthcheck.of(null, "0s", null, null, null)));
        assertEquals(
                "<healthcheck><timeout> must be at least 1ms, was '0.1ms'",
                error(Healthcheck.of(null, null, "0.1ms", null, null)));
        assertDoesNotThrow(() -> Healthcheck.of(null, null, null, "0s", null).validate(MavenHints.INSTANCE));
        assertTrue(error(Healthcheck.of(null, null, null, "soon", null)).startsWith("<healthcheck><startPeriod>"));
    }

    @Test
    void badPathsAndRetries() {
        assertEquals(
                "<healthcheck><path> must be a path starting with / and without spaces, such as /health, was 'health'",
                error(Healthcheck.of("health", null, null, null, null)));
        assertTrue(error(Healthcheck.of("/a b", null, null, null, null)).contains("without spaces"));
        assertEquals("<healthcheck><retries> must be 1-100, was 0", error(Healthcheck.of(null, null, null, null, 0)));
        assertTrue(error(Healthcheck.of(null, null, null, null, 101)).contains("must be 1-100, was 101"));
    }

    @Test
    void theInstructionIsExecFormWithOnlyTheStandardLibrary() {
        String instruction = Healthcheck.of("/health", "10s", "1500ms", "0s", 2).instruction(8000);
        assertTrue(
                instruction.startsWith("HEALTHCHECK --interval=10s --timeout=1500ms --start-period=0s --retries=2 \\\n"
                        + "    CMD [\"python3\", \"-c\", \"import sys, urllib.request as u;"),
                instruction);
        assertTrue(instruction.endsWith("\", \"/health\", \"8000\", \"1.5\"]\n"), instruction);
        assertTrue(instruction.contains("split('\\\\0')"), "a JSON-escaped backslash: " + instruction);
        assertEquals("5", Healthcheck.of(null, null, null, null, null).timeoutSeconds());
    }

    // --- the program itself, run by python3 as the engine would run it ---

    private static String python() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            File candidate = new File(dir, "python3");
            if (candidate.canExecute()) {
                return candidate.getPath();
            }
        }
        return null;
    }

    /** Runs the check against a loopback server answering {@code status}; its exit code and output. */
    private static Object[] check(int status, String path) throws Exception {
        String python = python();
        assumeTrue(python != null, "python3 is needed to run the health check's program");
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        List<String> seen = new ArrayList<>();
        server.createContext("/", exchange -> {
            seen.add(exchange.getRequestMethod() + " " + exchange.getRequestURI());
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
        try {
            int port = server.getAddress().getPort();
            List<String> command =
                    new ArrayList<>(Healthcheck.of(path, null, "2s", null, null).command(port));
            command.set(0, python);
            // Process 1 of this machine has no --port on its command line: the configured port is used.
            Process process =
                    new ProcessBuilder(command).redirectErrorStream(true).start();
            assertTrue(process.waitFor(20, TimeUnit.SECONDS), "the check must end");
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            return new Object[] {process.exitValue(), output, seen, port};
        } finally {
            server.stop(0);
        }
    }

    @Test
    void aHealthyServerExitsZero() throws Exception {
        Object[] result = check(200, "/health?deep=1");
        assertEquals(0, result[0], String.valueOf(result[1]));
        assertEquals(List.of("GET /health?deep=1"), result[2]);
    }

    @Test
    void aServerErrorExitsOneWithOneLineForTheHealthLog() throws Exception {
        Object[] result = check(500, "/health");
        assertEquals(1, result[0]);
        assertEquals(
                "GET /health on port " + result[3] + ": HTTP Error 500: Internal Server Error\n",
                result[1],
                "one line, no traceback");
    }

    @Test
    void noServerExitsOne() throws IOException, InterruptedException {
        String python = python();
        assumeTrue(python != null, "python3 is needed to run the health check's program");
        List<String> command =
                new ArrayList<>(Healthcheck.of(null, null, "2s", null, null).command(9));
        command.set(0, python);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        assertTrue(process.waitFor(20, TimeUnit.SECONDS));
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(1, process.exitValue());
        assertTrue(output.startsWith("GET /docs on port 9: <urlopen error"), output);
    }
}
