package io.github.fastapidocker.core.smoke;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** {@link HttpProber} over the JDK's HTTP client: HTTP/1.1, no proxy, no redirects. */
public final class JdkHttpProber implements HttpProber {
    private final HttpClient client;

    public JdkHttpProber(HttpClient client) {
        this.client = client;
    }

    /**
     * A client for loopback probes: never through a proxy (Maven's or the JVM's proxy settings would
     * send 127.0.0.1 elsewhere), never following a redirect off the container.
     */
    public static JdkHttpProber create() {
        return new JdkHttpProber(HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .proxy(HttpClient.Builder.NO_PROXY)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(2))
                .build());
    }

    @Override
    public Answer get(URI uri, Duration timeout) throws IOException {
        HttpRequest request = HttpRequest.newBuilder(uri).GET().timeout(timeout).build();
        // The request timeout ends when the headers arrive; the future's bounds the body as well.
        CompletableFuture<HttpResponse<String>> response =
                client.sendAsync(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        try {
            HttpResponse<String> answer = response.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return new Answer(answer.statusCode(), answer.body());
        } catch (TimeoutException e) {
            response.cancel(true);
            throw new HttpTimeoutException("no answer within " + timeout.toMillis() + " ms");
        } catch (InterruptedException e) {
            response.cancel(true);
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) {
                throw io;
            }
            throw new IOException(cause == null ? "request failed" : String.valueOf(cause.getMessage()), cause);
        }
    }
}
