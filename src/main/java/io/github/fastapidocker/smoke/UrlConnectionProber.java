package io.github.fastapidocker.smoke;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.Proxy;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * {@link HttpProber} over {@link HttpURLConnection}: plain HTTP/1.1 to the {@code ProbeHost}, no proxy, no
 * redirects, no kept-alive connection. Not {@code java.net.http.HttpClient}: building one sets up
 * the whole TLS stack (about 300 ms, measured) that a plain-HTTP probe of 127.0.0.1 never uses,
 * and it made the JVM linger at exit.
 */
public final class UrlConnectionProber implements HttpProber {
    private static final int BUFFER = 8192;

    private final int bodyLimit;

    private UrlConnectionProber(int bodyLimit) {
        this.bodyLimit = bodyLimit;
    }

    public static UrlConnectionProber create() {
        return new UrlConnectionProber(BODY_LIMIT);
    }

    /** A prober that reads at most {@code bodyLimit} bytes of a body, for tests. */
    static UrlConnectionProber withBodyLimit(int bodyLimit) {
        return new UrlConnectionProber(bodyLimit);
    }

    @Override
    public Answer get(URI uri, Duration timeout) throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        // Never through a proxy: Maven's or the JVM's proxy settings would send 127.0.0.1 elsewhere,
        // and a proxy cannot know a CI service name such as 'docker'.
        HttpURLConnection connection = (HttpURLConnection) uri.toURL().openConnection(Proxy.NO_PROXY);
        InputStream body = null;
        try {
            connection.setInstanceFollowRedirects(false);
            connection.setUseCaches(false);
            connection.setRequestMethod("GET");
            connection.setRequestProperty("Connection", "close");
            connection.setConnectTimeout(remainingMillis(deadline, timeout));
            connection.setReadTimeout(remainingMillis(deadline, timeout));
            int status;
            try {
                status = connection.getResponseCode();
            } catch (SocketTimeoutException e) {
                throw new HttpTimeoutException("no answer within " + timeout.toMillis() + " ms");
            }
            body = status >= 400 ? connection.getErrorStream() : connection.getInputStream();
            return body == null ? new Answer(status, "") : read(status, body, deadline);
        } finally {
            // The connection first: closing the stream of an endless body would try to read on.
            connection.disconnect();
            if (body != null) {
                try {
                    body.close();
                } catch (IOException e) {
                    // Already closed with the connection.
                }
            }
        }
    }

    /**
     * Reads at most {@link #bodyLimit} bytes of the body, until the deadline: a longer body, or one
     * still arriving then (a stream), is cut, and the answer says so. A read blocks at most the read
     * timeout set at the start, so a body that stalls is cut within twice the timeout at worst.
     */
    private Answer read(int status, InputStream in, long deadline) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[BUFFER];
        boolean cut = false;
        try {
            while (true) {
                if (System.nanoTime() >= deadline) {
                    cut = true;
                    break;
                }
                // One byte past the limit tells a body of exactly the limit from a longer one.
                int n = in.read(buffer, 0, Math.min(buffer.length, bodyLimit + 1 - out.size()));
                if (n < 0) {
                    break;
                }
                out.write(buffer, 0, n);
                if (out.size() > bodyLimit) {
                    cut = true;
                    break;
                }
            }
        } catch (SocketTimeoutException e) {
            cut = true;
        }
        byte[] bytes = out.toByteArray();
        int kept = Math.min(bytes.length, bodyLimit);
        String text = new String(bytes, 0, kept, StandardCharsets.UTF_8);
        return cut ? new Answer(status, text, kept) : new Answer(status, text);
    }

    /** At least 1 ms: 0 would mean "no timeout" to HttpURLConnection. */
    private static int remainingMillis(long deadline, Duration timeout) throws HttpTimeoutException {
        long millis = (deadline - System.nanoTime()) / 1_000_000;
        if (millis < 1) {
            throw new HttpTimeoutException("no answer within " + timeout.toMillis() + " ms");
        }
        return (int) Math.min(Integer.MAX_VALUE, millis);
    }
}
