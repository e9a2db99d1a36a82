package io.github.fastapidocker.smoke;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class UrlConnectionProberTest {
    private final UrlConnectionProber prober = UrlConnectionProber.create();

    @Test
    void getsStatusAndBodyWithGet() throws Exception {
        try (LocalHttpServer server = new LocalHttpServer()) {
            server.handler = exchange -> LocalHttpServer.respond(
                    exchange,
                    exchange.getRequestMethod().equals("GET") ? 200 : 405,
                    exchange.getRequestURI().toString());
            HttpProber.Answer answer = prober.get(server.uri("/items/5?q=somequery"), Duration.ofSeconds(5));
            assertEquals(200, answer.status());
            assertEquals("/items/5?q=somequery", answer.body());
        }
    }

    @Test
    void doesNotFollowRedirects() throws Exception {
        try (LocalHttpServer server = new LocalHttpServer()) {
            server.handler = exchange -> {
                exchange.getResponseHeaders().add("Location", "http://192.0.2.1/elsewhere");
                LocalHttpServer.respond(exchange, 307, "");
            };
            assertEquals(
                    307, prober.get(server.uri("/docs"), Duration.ofSeconds(5)).status());
        }
    }

    @Test
    void nothingListeningIsAnIOException() throws Exception {
        int port;
        try (LocalHttpServer server = new LocalHttpServer()) {
            port = server.port();
        }
        assertThrows(IOException.class, () -> prober.get(ProbeRunner.uri(port, "/docs"), Duration.ofSeconds(2)));
    }

    @Test
    void aBodyThatStallsIsCutAtTheTimeoutWithItsStatus() throws Exception {
        try (LocalHttpServer server = new LocalHttpServer()) {
            server.handler = exchange -> {
                exchange.sendResponseHeaders(200, 0);
                OutputStream out = exchange.getResponseBody();
                out.write("partial".getBytes());
                out.flush();
                pause(1500);
            };
            long start = System.nanoTime();
            HttpProber.Answer answer = prober.get(server.uri("/stream"), Duration.ofMillis(300));
            long millis = (System.nanoTime() - start) / 1_000_000;
            assertEquals(200, answer.status());
            assertEquals("partial", answer.body());
            assertEquals(7, answer.cutAt());
            assertTrue(millis < 1200, "the timeout covers the body too, took " + millis + " ms");
        }
    }

    @Test
    void anEndlessStreamAnswersQuicklyWithItsStatusAndABoundedPrefix() throws Exception {
        try (LocalHttpServer server = new LocalHttpServer()) {
            AtomicLong sent = new AtomicLong();
            server.handler = exchange -> endless(exchange, "data: tick\n\n", 0, sent);
            long start = System.nanoTime();
            HttpProber.Answer answer = prober.get(server.uri("/events"), Duration.ofSeconds(10));
            long millis = (System.nanoTime() - start) / 1_000_000;
            assertEquals(200, answer.status());
            assertEquals(HttpProber.BODY_LIMIT, answer.cutAt());
            assertEquals(HttpProber.BODY_LIMIT, answer.body().length());
            assertTrue(
                    answer.body().startsWith("data: tick\n\ndata: tick"),
                    answer.body().substring(0, 40));
            assertTrue(millis < 3000, "cut at the limit, not at the timeout: took " + millis + " ms");
        }
    }

    @Test
    void aSlowEndlessStreamIsCutAtTheTimeout() throws Exception {
        try (LocalHttpServer server = new LocalHttpServer()) {
            server.handler = exchange -> endless(exchange, "data: tick\n\n", 50, new AtomicLong());
            long start = System.nanoTime();
            HttpProber.Answer answer = prober.get(server.uri("/events"), Duration.ofMillis(500));
            long millis = (System.nanoTime() - start) / 1_000_000;
            assertEquals(200, answer.status());
            assertTrue(answer.body().startsWith("data: tick\n\n"), answer.body());
            assertEquals(answer.body().length(), answer.cutAt());
            assertTrue(millis < 1500, "cut at the timeout: took " + millis + " ms");
        }
    }

    @Test
    void aBodyOfExactlyTheLimitIsWhole() throws Exception {
        try (LocalHttpServer server = new LocalHttpServer()) {
            server.handler = exchange -> LocalHttpServer.respond(exchange, 200, "0123456789abcdef");
            UrlConnectionProber small = UrlConnectionProber.withBodyLimit(16);
            HttpProber.Answer whole = small.get(server.uri("/"), Duration.ofSeconds(5));
            assertEquals("0123456789abcdef", whole.body());
            assertNull(whole.cutAt());

            server.handler = exchange -> LocalHttpServer.respond(exchange, 500, "0123456789abcdefX");
            HttpProber.Answer cut = small.get(server.uri("/"), Duration.ofSeconds(5));
            assertEquals(500, cut.status());
            assertEquals("0123456789abcdef", cut.body());
            assertEquals(16, cut.cutAt());
        }
    }

    /**
     * Writes {@code event} every {@code pauseMillis} until the client goes away, and at most for
     * this test's own 20 s.
     */
    private static void endless(HttpExchange exchange, String event, long pauseMillis, AtomicLong sent)
            throws IOException {
        exchange.getResponseHeaders().add("Content-Type", "text/event-stream");
        exchange.sendResponseHeaders(200, 0);
        OutputStream out = exchange.getResponseBody();
        byte[] bytes = event.getBytes(StandardCharsets.UTF_8);
        long end = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        try {
            while (System.nanoTime() < end) {
                out.write(bytes);
                sent.addAndGet(bytes.length);
                if (pauseMillis > 0) {
                    out.flush();
                    pause(pauseMillis);
                }
            }
        } catch (IOException e) {
            // The prober hung up: what it should do.
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
