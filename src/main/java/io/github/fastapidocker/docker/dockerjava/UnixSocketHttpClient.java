package io.github.fastapidocker.docker.dockerjava;

import com.github.dockerjava.transport.DockerHttpClient;
import com.github.dockerjava.transport.UnixSocket;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentLengthStrategy;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.HttpException;
import org.apache.hc.core5.http.HttpHeaders;
import org.apache.hc.core5.http.config.Http1Config;
import org.apache.hc.core5.http.impl.DefaultContentLengthStrategy;
import org.apache.hc.core5.http.impl.io.DefaultBHttpClientConnection;
import org.apache.hc.core5.http.impl.io.HttpRequestExecutor;
import org.apache.hc.core5.http.io.entity.InputStreamEntity;
import org.apache.hc.core5.http.message.BasicClassicHttpRequest;
import org.apache.hc.core5.http.protocol.DefaultHttpProcessor;
import org.apache.hc.core5.http.protocol.HttpCoreContext;
import org.apache.hc.core5.http.protocol.HttpProcessor;
import org.apache.hc.core5.http.protocol.RequestContent;
import org.apache.hc.core5.http.protocol.RequestTargetHost;
import org.apache.hc.core5.http.protocol.RequestUserAgent;
import org.apache.hc.core5.net.URIAuthority;

/**
 * The engine's transport on a local unix socket: httpcore5's HTTP/1.1 connection over docker-java's
 * {@link UnixSocket}, one connection per call, closed with its answer.
 *
 * <p>docker-java's {@code ApacheDockerHttpClient} puts httpclient5's whole client on the same socket
 * (routes, a connection pool, cookie and authentication state, retries, redirects), about 230
 * classes that a fresh JVM loads on every build and that a socket on this machine has no use for.
 * The HTTP itself (message parsing and writing, chunked and length-delimited bodies) is still
 * httpcore5's. Opening a unix socket costs well under a millisecond, so no connection is kept: no
 * stale connection to detect, and closing an answer never has to drain a stream that does not end
 * (a followed log). TCP and TLS engines keep docker-java's client.
 *
 * <p>{@link #close()} closes the connections of calls still running, so a call blocked on a silent
 * engine fails at once (what the deadlines of {@link Watchdog} rely on).
 */
final class UnixSocketHttpClient implements DockerHttpClient {
    /** What the engine reads as the request's host; docker-java sends the same name. */
    private static final URIAuthority AUTHORITY = new URIAuthority("localhost");

    /**
     * httpcore5's client headers (Content-Length or chunked, Host, User-Agent) without its {@code
     * Expect: 100-continue}: waiting for "100 Continue" relies on a socket timeout, which a unix
     * socket's stream does not have, so an engine that did not send one would hold the call forever;
     * and a local engine reads the whole body anyway.
     */
    private static final HttpProcessor PROCESSOR = new DefaultHttpProcessor(
            new RequestContent(), new RequestTargetHost(), new RequestUserAgent("fastapi-docker-maven-plugin"));

    private static final HttpRequestExecutor EXECUTOR = new HttpRequestExecutor();

    /** As docker-java's client: "Transfer-Encoding: identity" is a body that ends with the connection. */
    private static final ContentLengthStrategy LENGTHS = message -> {
        Header encoding = message.getFirstHeader(HttpHeaders.TRANSFER_ENCODING);
        return encoding != null && "identity".equalsIgnoreCase(encoding.getValue())
                ? ContentLengthStrategy.UNDEFINED
                : DefaultContentLengthStrategy.INSTANCE.determineLength(message);
    };

    private final String socket;
    private final Set<Socket> open = new HashSet<>();
    private boolean closed;

    UnixSocketHttpClient(String socket) {
        this.socket = socket;
    }

    @Override
    public Response execute(Request request) {
        if (request.hijackedInput() != null) {
            throw new UnsupportedOperationException("no call of this plugin takes over the connection");
        }
        Socket connection = connect();
        try {
            return new SocketResponse(exchange(request, connection), connection);
        } catch (IOException | HttpException | RuntimeException e) {
            release(connection);
            throw e instanceof RuntimeException r
                    ? r
                    : new UncheckedIOException(e instanceof IOException io ? io : new IOException(e.getMessage(), e));
        }
    }

    private static ClassicHttpResponse exchange(Request request, Socket connection) throws IOException, HttpException {
        DefaultBHttpClientConnection http =
                new DefaultBHttpClientConnection(Http1Config.DEFAULT, null, null, LENGTHS, null, null, null);
        http.bind(connection);
        BasicClassicHttpRequest message = new BasicClassicHttpRequest(request.method(), request.path());
        message.setAuthority(AUTHORITY);
        message.setHeader(HttpHeaders.CONNECTION, "close");
        request.headers().forEach(message::addHeader);
        InputStream body = request.body();
        if (body != null) {
            message.setEntity(new InputStreamEntity(body, -1, null));
        }
        HttpCoreContext context = HttpCoreContext.create();
        EXECUTOR.preProcess(message, PROCESSOR, context);
        ClassicHttpResponse response = EXECUTOR.execute(message, http, context);
        EXECUTOR.postProcess(response, PROCESSOR, context);
        return response;
    }

    private Socket connect() {
        synchronized (open) {
            if (closed) {
                throw new IllegalStateException("the client of " + socket + " is closed");
            }
        }
        Socket connection;
        try {
            connection = UnixSocket.get(socket);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        synchronized (open) {
            if (!closed) {
                open.add(connection);
                return connection;
            }
        }
        closeQuietly(connection);
        throw new IllegalStateException("the client of " + socket + " is closed");
    }

    private void release(Socket connection) {
        synchronized (open) {
            open.remove(connection);
        }
        closeQuietly(connection);
    }

    /** Ends every call still running: their connections close, and a read blocked on one fails. */
    @Override
    public void close() {
        List<Socket> running;
        synchronized (open) {
            closed = true;
            running = new ArrayList<>(open);
            open.clear();
        }
        running.forEach(UnixSocketHttpClient::closeQuietly);
    }

    private static void closeQuietly(Socket connection) {
        try {
            connection.close();
        } catch (IOException e) {
            // A connection we are done with: nothing to report.
        }
    }

    /** An answer whose {@link #close()} closes its connection, without reading the rest of the body. */
    private final class SocketResponse implements Response {
        private final ClassicHttpResponse response;
        private final Socket connection;

        SocketResponse(ClassicHttpResponse response, Socket connection) {
            this.response = response;
            this.connection = connection;
        }

        @Override
        public int getStatusCode() {
            return response.getCode();
        }

        @Override
        public Map<String, List<String>> getHeaders() {
            Map<String, List<String>> headers = new LinkedHashMap<>();
            for (Header header : response.getHeaders()) {
                headers.computeIfAbsent(header.getName(), name -> new ArrayList<>())
                        .add(header.getValue());
            }
            return headers;
        }

        @Override
        public String getHeader(String name) {
            Header header = response.getFirstHeader(name);
            return header == null ? null : header.getValue();
        }

        @Override
        public InputStream getBody() {
            HttpEntity entity = response.getEntity();
            if (entity == null) {
                return InputStream.nullInputStream();
            }
            try {
                // Closing the body closes the connection: httpcore5's own close would read to its end.
                return new FilterInputStream(entity.getContent()) {
                    @Override
                    public void close() {
                        SocketResponse.this.close();
                    }
                };
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void close() {
            release(connection);
        }
    }
}
