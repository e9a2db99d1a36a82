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
 * {@link HttpProber} over {@link HttpURLConnection}: plain HTTP/1.1 to loopback, no proxy, no
 * redirects, no kept-alive connection. Not {@code java.net.http.HttpClient}: building one sets up
 * the whole TLS stack (about 300 ms, measured) that a plain-HTTP probe of 127.0.0.1 never uses,
 * and it made the JVM linger at exit.
 */
public final class UrlConnectionProber implements HttpProber {
    private static final int BUFFER = 8192;

    public static UrlConnectionProber create() {
        return new UrlConnectionProber();
    }

    @Override
    public Answer get(URI uri, Duration timeout) throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        // Never through a proxy: Maven's or the JVM's proxy settings would send 127.0.0.1 elsewhere.
        HttpURLConnection connection = (HttpURLConnection) uri.toURL().openConnection(Proxy.NO_PROXY);
        try {
            connection.setInstanceFollowRedirects(false);
            connection.setUseCaches(false);
            connection.setRequestMethod("GET");
            connection.setRequestProperty("Connection", "close");
            connection.setConnectTimeout(remainingMillis(deadline, timeout));
            connection.setReadTimeout(remainingMillis(deadline, timeout));
            int status = connection.getResponseCode();
            InputStream body = status >= 400 ? connection.getErrorStream() : connection.getInputStream();
            return new Answer(status, body == null ? "" : read(body, deadline, timeout));
        } catch (SocketTimeoutException e) {
            throw new HttpTimeoutException("no answer within " + timeout.toMillis() + " ms");
        } finally {
            connection.disconnect();
        }
    }

    /**
     * Reads the body, checking the deadline between reads; a read blocks at most the read timeout,
     * so a body that trickles in is cut off within twice the timeout at worst.
     */
    private static String read(InputStream in, long deadline, Duration timeout) throws IOException {
        try (in) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[BUFFER];
            for (int n; (n = in.read(buffer)) >= 0; ) {
                out.write(buffer, 0, n);
                if (System.nanoTime() > deadline) {
                    throw new HttpTimeoutException("no complete answer within " + timeout.toMillis() + " ms");
                }
            }
            return out.toString(StandardCharsets.UTF_8);
        }
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
