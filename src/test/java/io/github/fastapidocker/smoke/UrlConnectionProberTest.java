package io.github.fastapidocker.smoke;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
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
    void aBodyThatNeverEndsTimesOut() throws Exception {
        try (LocalHttpServer server = new LocalHttpServer()) {
            server.handler = exchange -> {
                exchange.sendResponseHeaders(200, 0);
                OutputStream out = exchange.getResponseBody();
                out.write("partial".getBytes());
                out.flush();
                try {
                    Thread.sleep(1500);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            };
            long start = System.nanoTime();
            assertThrows(HttpTimeoutException.class, () -> prober.get(server.uri("/stream"), Duration.ofMillis(300)));
            long millis = (System.nanoTime() - start) / 1_000_000;
            assertTrue(millis < 1200, "the timeout covers the body too, took " + millis + " ms");
        }
    }
}
