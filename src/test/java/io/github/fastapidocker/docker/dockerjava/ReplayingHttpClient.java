package io.github.fastapidocker.docker.dockerjava;

import com.github.dockerjava.transport.DockerHttpClient;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@link DockerHttpClient} that answers with recorded engine answers
 * ({@code src/test/resources/engine/NAME.http}: status line, headers, blank line, body bytes), in
 * the order given, and keeps every request it was sent.
 */
final class ReplayingHttpClient implements DockerHttpClient {
    /** One request as the adapter sent it. */
    record Sent(String method, String path, Map<String, String> headers, byte[] body) {
        String bodyText() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    final List<Sent> sent = new ArrayList<>();
    private final Deque<Object> answers = new ArrayDeque<>();
    boolean closed;

    /** Answers the next requests with these recordings, one each. */
    ReplayingHttpClient answer(String... recordings) {
        answers.addAll(Arrays.asList(recordings));
        return this;
    }

    /** The next request fails as a connection does. */
    ReplayingHttpClient fail(RuntimeException e) {
        answers.add(e);
        return this;
    }

    /** The next request gets this answer. */
    ReplayingHttpClient answer(Response response) {
        answers.add(response);
        return this;
    }

    Sent last() {
        return sent.get(sent.size() - 1);
    }

    @Override
    public Response execute(Request request) {
        byte[] body;
        try {
            body = request.bodyBytes() != null
                    ? request.bodyBytes()
                    : request.body() != null ? request.body().readAllBytes() : new byte[0];
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        sent.add(new Sent(request.method(), request.path(), Map.copyOf(request.headers()), body));
        Object next = answers.poll();
        if (next == null) {
            throw new AssertionError("no recorded answer left for " + request.method() + " " + request.path());
        }
        if (next instanceof RuntimeException e) {
            throw e;
        }
        if (next instanceof Response r) {
            return r;
        }
        return recorded((String) next);
    }

    static Response recorded(String name) {
        byte[] bytes;
        try (InputStream in = ReplayingHttpClient.class.getResourceAsStream("/engine/" + name + ".http")) {
            if (in == null) {
                throw new AssertionError("no recording " + name);
            }
            bytes = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int end = 0;
        while (!(bytes[end] == '\n' && bytes[end + 1] == '\n')) {
            end++;
        }
        String[] head = new String(bytes, 0, end, StandardCharsets.ISO_8859_1).split("\n");
        int status = Integer.parseInt(head[0].split(" ")[1]);
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (int i = 1; i < head.length; i++) {
            int colon = head[i].indexOf(':');
            headers.put(
                    head[i].substring(0, colon),
                    List.of(head[i].substring(colon + 1).strip()));
        }
        byte[] body = Arrays.copyOfRange(bytes, end + 2, bytes.length);
        return response(status, headers, new ByteArrayInputStream(body));
    }

    static Response response(int status, Map<String, List<String>> headers, InputStream body) {
        return new Response() {
            @Override
            public int getStatusCode() {
                return status;
            }

            @Override
            public Map<String, List<String>> getHeaders() {
                return headers;
            }

            @Override
            public InputStream getBody() {
                return body;
            }

            @Override
            public void close() {}
        };
    }

    @Override
    public void close() {
        closed = true;
    }
}
