package io.github.fastapidocker.docker.dockerjava;

import com.github.dockerjava.transport.DockerHttpClient;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A {@link DockerHttpClient} that stalls as a hung engine or registry does, every wait bounded:
 * either it never answers (the call blocks until the client is closed), or it answers 200 with
 * the given body and then sends nothing more (the read blocks until the answer is closed). A
 * stall that nobody aborts ends after {@link #BOUND} with an {@link AssertionError}.
 */
final class StallingHttpClient implements DockerHttpClient {
    static final long BOUND = 10;

    private final byte[] head;
    private final CountDownLatch closed = new CountDownLatch(1);
    final AtomicInteger requests = new AtomicInteger();
    volatile boolean answerClosed;

    private StallingHttpClient(byte[] head) {
        this.head = head;
    }

    /** Accepts the request and never answers. */
    static StallingHttpClient silent() {
        return new StallingHttpClient(null);
    }

    /** Answers 200, sends {@code body}, then nothing more. */
    static StallingHttpClient stallingAfter(String body) {
        return new StallingHttpClient(body.getBytes(StandardCharsets.UTF_8));
    }

    boolean isClosed() {
        return closed.getCount() == 0;
    }

    @Override
    public Response execute(Request request) {
        requests.incrementAndGet();
        if (request.body() != null) {
            try {
                request.body().readAllBytes();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
        if (head == null) {
            await(closed, "the silent call was never aborted");
            throw new IllegalStateException("Connection pool shut down");
        }
        CountDownLatch answerClose = new CountDownLatch(1);
        InputStream body = new InputStream() {
            private int at;

            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                if (at < head.length) {
                    int n = Math.min(length, head.length - at);
                    System.arraycopy(head, at, buffer, offset, n);
                    at += n;
                    return n;
                }
                await(answerClose, "the stalled answer was never closed");
                throw new IOException("Socket closed");
            }
        };
        return new Response() {
            @Override
            public int getStatusCode() {
                return 200;
            }

            @Override
            public Map<String, List<String>> getHeaders() {
                return Map.of("Content-Type", List.of("application/json"));
            }

            @Override
            public InputStream getBody() {
                return body;
            }

            @Override
            public void close() {
                answerClosed = true;
                answerClose.countDown();
            }
        };
    }

    private static void await(CountDownLatch latch, String failure) {
        try {
            if (!latch.await(BOUND, TimeUnit.SECONDS)) {
                throw new AssertionError(failure + " within " + BOUND + " s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted: " + failure);
        }
    }

    @Override
    public void close() {
        closed.countDown();
    }
}
