package io.github.fastapidocker.docker.dockerjava;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.dockerjava.transport.DockerHttpClient.Request;
import com.github.dockerjava.transport.DockerHttpClient.Response;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The unix socket transport against a real unix socket, with a server that records what it is sent. */
@Timeout(60)
class UnixSocketHttpClientTest {
    private static final Duration BOUND = Duration.ofSeconds(10);

    @TempDir
    Path dir;

    @Test
    void aStreamedBodyGoesOutChunkedAndWholeWithTheHostAndTheHeadersAsked() throws Exception {
        String answer = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nWarning: one\r\nWarning: two\r\n"
                + "Transfer-Encoding: chunked\r\n\r\n7\r\n{\"a\":1}\r\n0\r\n\r\n";
        try (Server server = new Server(dir.resolve("docker.sock"), answer, true);
                UnixSocketHttpClient client = new UnixSocketHttpClient(server.path())) {
            byte[] tar = new byte[70_000];
            for (int i = 0; i < tar.length; i++) {
                tar[i] = (byte) (i % 251);
            }
            Request request = Request.builder()
                    .method(Request.Method.POST)
                    .path("/build?t=app%3A1&labels=%7B%7D")
                    .putHeader("Content-Type", "application/x-tar")
                    .body(new ByteArrayInputStream(tar))
                    .build();
            try (Response response = client.execute(request)) {
                assertEquals(200, response.getStatusCode());
                assertEquals("application/json", response.getHeader("content-type"));
                assertEquals(List.of("one", "two"), response.getHeaders().get("Warning"));
                assertEquals("{\"a\":1}", new String(response.getBody().readAllBytes(), StandardCharsets.UTF_8));
            }
            Recorded sent = server.next();
            assertTrue(sent.head().startsWith("POST /build?t=app%3A1&labels=%7B%7D HTTP/1.1\r\n"), sent.head());
            assertTrue(sent.head().contains("\r\nHost: localhost\r\n"), sent.head());
            assertTrue(sent.head().contains("\r\nConnection: close\r\n"), sent.head());
            assertTrue(sent.head().contains("\r\nContent-Type: application/x-tar\r\n"), sent.head());
            assertTrue(sent.head().contains("\r\nTransfer-Encoding: chunked\r\n"), sent.head());
            // No "Expect: 100-continue": waiting for the engine's "100 Continue" would have no deadline.
            assertFalse(sent.head().contains("Expect"), sent.head());
            assertEquals(tar.length, dechunk(sent.body()).length);
            assertTrue(java.util.Arrays.equals(tar, dechunk(sent.body())));
        }
    }

    @Test
    void eachCallHasItsOwnConnectionAndClosingTheAnswerClosesIt() throws Exception {
        String answer = "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nOK";
        try (Server server = new Server(dir.resolve("docker.sock"), answer, false);
                UnixSocketHttpClient client = new UnixSocketHttpClient(server.path())) {
            for (int i = 0; i < 3; i++) {
                try (Response response = client.execute(get("/_ping"))) {
                    assertEquals("OK", new String(response.getBody().readAllBytes(), StandardCharsets.UTF_8));
                }
                Recorded sent = server.next();
                assertFalse(sent.head().contains("Transfer-Encoding"), sent.head());
                // The server kept its end open: the client's close is what ended the connection.
                assertTimeoutPreemptively(
                        BOUND, () -> assertEquals(-1, sent.connection().read(ByteBuffer.allocate(1))));
            }
            assertEquals(3, server.accepted());
        }
    }

    @Test
    void closingAnAnswerWhoseBodyNeverEndsReturnsAtOnce() throws Exception {
        // A followed log: the stream goes on until the container stops.
        String head = "HTTP/1.1 200 OK\r\nContent-Type: application/vnd.docker.raw-stream\r\n"
                + "Transfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n";
        try (Server server = new Server(dir.resolve("docker.sock"), head, false);
                UnixSocketHttpClient client = new UnixSocketHttpClient(server.path())) {
            assertTimeoutPreemptively(BOUND, () -> {
                Response response = client.execute(get("/containers/x/logs?follow=1"));
                InputStream body = response.getBody();
                assertEquals("hello", new String(body.readNBytes(5), StandardCharsets.UTF_8));
                body.close();
                response.close();
            });
            Recorded sent = server.next();
            assertTimeoutPreemptively(
                    BOUND, () -> assertEquals(-1, sent.connection().read(ByteBuffer.allocate(1))));
        }
    }

    @Test
    void closingTheClientEndsACallThatWaitsForItsAnswerAndRefusesNewOnes() throws Exception {
        try (Server server = new Server(dir.resolve("docker.sock"), null, false);
                UnixSocketHttpClient client = new UnixSocketHttpClient(server.path())) {
            CompletableFuture<Response> call = CompletableFuture.supplyAsync(() -> client.execute(get("/_ping")));
            server.next(); // the request is in: the call now waits for the answer
            client.close();
            Exception failed = assertThrows(Exception.class, () -> call.get(BOUND.toSeconds(), TimeUnit.SECONDS));
            assertTrue(failed.getCause() instanceof UncheckedIOException, String.valueOf(failed.getCause()));
            IllegalStateException refused =
                    assertThrows(IllegalStateException.class, () -> client.execute(get("/_ping")));
            assertTrue(refused.getMessage().contains("closed"), refused.getMessage());
            assertEquals(1, server.accepted());
        }
    }

    @Test
    void anIdentityBodyIsReadUntilTheEngineClosesTheConnection() throws Exception {
        String answer = "HTTP/1.1 200 OK\r\nTransfer-Encoding: identity\r\n\r\nto the end";
        try (Server server = new Server(dir.resolve("docker.sock"), answer, true);
                UnixSocketHttpClient client = new UnixSocketHttpClient(server.path())) {
            try (Response response = client.execute(get("/events"))) {
                assertTimeoutPreemptively(
                        BOUND,
                        () -> assertEquals(
                                "to the end", new String(response.getBody().readAllBytes(), StandardCharsets.UTF_8)));
            }
        }
    }

    @Test
    void aSocketWithNobodyBehindItFailsNamingWhy() {
        UnixSocketHttpClient client =
                new UnixSocketHttpClient(dir.resolve("absent.sock").toString());
        UncheckedIOException failed = assertThrows(UncheckedIOException.class, () -> client.execute(get("/_ping")));
        assertTrue(String.valueOf(failed.getCause().getMessage()).contains("No such file"), failed.toString());
    }

    @Test
    void aConnectionThatTakesOverTheSocketIsRefused() {
        UnixSocketHttpClient client =
                new UnixSocketHttpClient(dir.resolve("docker.sock").toString());
        Request attach = Request.builder()
                .method(Request.Method.POST)
                .path("/containers/x/attach?stream=1&stdin=1")
                .hijackedInput(new ByteArrayInputStream(new byte[0]))
                .build();
        assertThrows(UnsupportedOperationException.class, () -> client.execute(attach));
    }

    private static Request get(String path) {
        return Request.builder().method(Request.Method.GET).path(path).build();
    }

    /** A chunked body's data. */
    private static byte[] dechunk(byte[] chunked) {
        ByteArrayOutputStream data = new ByteArrayOutputStream();
        int at = 0;
        while (true) {
            int eol = indexOf(chunked, "\r\n".getBytes(StandardCharsets.US_ASCII), at);
            int size = Integer.parseInt(new String(chunked, at, eol - at, StandardCharsets.US_ASCII).trim(), 16);
            if (size == 0) {
                return data.toByteArray();
            }
            data.write(chunked, eol + 2, size);
            at = eol + 2 + size + 2;
        }
    }

    private static int indexOf(byte[] in, byte[] what, int from) {
        outer:
        for (int i = from; i <= in.length - what.length; i++) {
            for (int j = 0; j < what.length; j++) {
                if (in[i + j] != what[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    record Recorded(String head, byte[] body, SocketChannel connection) {}

    /**
     * Reads each request whole (its head, and a chunked body to its last chunk), records it, and
     * sends {@code answer} (none when null), then closes the connection or leaves it open.
     */
    static final class Server implements AutoCloseable {
        private final Path path;
        private final ServerSocketChannel server;
        private final BlockingQueue<Recorded> received = new LinkedBlockingQueue<>();
        private final List<SocketChannel> connections = new CopyOnWriteArrayList<>();

        Server(Path path, String answer, boolean closeAfter) throws IOException {
            this.path = path;
            server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
            server.bind(UnixDomainSocketAddress.of(path));
            Thread accept = new Thread(() -> serve(answer, closeAfter), "recording-server");
            accept.setDaemon(true);
            accept.start();
        }

        private void serve(String answer, boolean closeAfter) {
            try {
                while (server.isOpen()) {
                    SocketChannel connection = server.accept();
                    connections.add(connection);
                    ByteArrayOutputStream in = new ByteArrayOutputStream();
                    ByteBuffer buffer = ByteBuffer.allocate(8192);
                    byte[] end = "\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
                    while (!complete(in.toByteArray(), end)) {
                        buffer.clear();
                        if (connection.read(buffer) < 0) {
                            break;
                        }
                        in.write(buffer.array(), 0, buffer.position());
                    }
                    byte[] bytes = in.toByteArray();
                    int split = indexOf(bytes, end, 0) + 4;
                    received.add(new Recorded(
                            new String(bytes, 0, split, StandardCharsets.US_ASCII),
                            java.util.Arrays.copyOfRange(bytes, split, bytes.length),
                            connection));
                    if (answer != null) {
                        connection.write(ByteBuffer.wrap(answer.getBytes(StandardCharsets.US_ASCII)));
                    }
                    if (closeAfter) {
                        connection.close();
                    }
                }
            } catch (IOException e) {
                // Closed: the test is over.
            }
        }

        /** The head is in, and a chunked body (the only kind these tests send) has its last chunk. */
        private static boolean complete(byte[] in, byte[] end) {
            int head = indexOf(in, end, 0);
            if (head < 0) {
                return false;
            }
            String text = new String(in, 0, head, StandardCharsets.US_ASCII);
            return !text.contains("Transfer-Encoding: chunked")
                    || indexOf(in, "\r\n0\r\n\r\n".getBytes(StandardCharsets.US_ASCII), head) >= 0;
        }

        String path() {
            return path.toString();
        }

        Recorded next() throws InterruptedException {
            Recorded recorded = received.poll(BOUND.toSeconds(), TimeUnit.SECONDS);
            if (recorded == null) {
                throw new AssertionError("no request reached the server within " + BOUND);
            }
            return recorded;
        }

        int accepted() {
            return connections.size();
        }

        @Override
        public void close() throws IOException {
            server.close();
            for (SocketChannel connection : connections) {
                connection.close();
            }
        }
    }
}
