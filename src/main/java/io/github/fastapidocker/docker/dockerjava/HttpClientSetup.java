package io.github.fastapidocker.docker.dockerjava;

import com.github.dockerjava.transport.SSLConfig;
import java.net.URI;
import java.security.SecureRandom;
import java.util.List;
import java.util.Properties;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLContextSpi;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLServerSocketFactory;
import javax.net.ssl.SSLSessionContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;

/** How the HTTP client to the engine is set up: TLS only where it is used, httpclient's logs kept quiet. */
final class HttpClientSetup {
    private HttpClientSetup() {}

    /** The TLS context is set up once, also when a fresh client replaces one a silent call took down. */
    static SSLConfig once(SSLConfig ssl) {
        if (ssl == null) {
            return null;
        }
        SSLContext[] context = new SSLContext[1];
        return () -> {
            synchronized (context) {
                if (context[0] == null) {
                    context[0] = ssl.getSSLContext();
                }
                return context[0];
            }
        };
    }

    /**
     * The loggers through which httpclient prints every request header and byte at DEBUG, and the
     * one that prints each request line ({@code executing POST /build?buildargs=...}): the build
     * arguments that carry a package index login are in that query.
     */
    static final List<String> HTTP_WIRE_LOGGERS = List.of(
            "org.apache.hc.client5.http.headers",
            "org.apache.hc.client5.http.wire",
            "org.apache.hc.client5.http.impl.classic.MainClientExec");

    /**
     * The logger through which httpclient announces at INFO that it sends a request again; it does
     * so for the call a deadline just abandoned, which then fails at once. The timeout is reported.
     */
    static final String HTTP_RETRY_LOGGER = "org.apache.hc.client5.http.impl.classic.HttpRequestRetryExec";

    /**
     * Maven's -X turns on DEBUG for every logger, and httpclient's header and wire logs would then
     * print X-Registry-Auth (the registry login, base64) and the whole build context, its request
     * lines the build arguments. Maven's
     * logger reads a level per logger from system properties when the logger is created, that is,
     * at the first connection: so before it, keep those two at INFO, and the retry notice at WARN,
     * unless the user set them.
     */
    static void quietHttpWireLogs() {
        for (String logger : HTTP_WIRE_LOGGERS) {
            quiet(logger, "info");
        }
        quiet(HTTP_RETRY_LOGGER, "warn");
    }

    private static void quiet(String logger, String level) {
        String key = levelProperty(logger, System.getProperties(), isMaven4Api());
        if (System.getProperty(key) == null) {
            System.setProperty(key, level);
        }
    }

    /** Maven 3's logger reads {@code org.slf4j.simpleLogger.log.*}. */
    static final String MAVEN3_LEVEL_PREFIX = "org.slf4j.simpleLogger.log.";

    /** Maven 4's reads {@code maven.logger.log.*}, and warns on every run that the other is deprecated. */
    static final String MAVEN4_LEVEL_PREFIX = "maven.logger.log.";

    /**
     * The system property that sets {@code logger}'s level: Maven 4's name when this runs in Maven
     * 4 (its version, its logger's own keys, or its API present), else Maven 3's.
     */
    static String levelProperty(String logger, Properties system, boolean maven4Api) {
        String version = system.getProperty("maven.version", "");
        boolean maven4 = maven4Api
                || version.startsWith("4")
                || system.stringPropertyNames().stream().anyMatch(key -> key.startsWith("maven.logger."));
        return (maven4 ? MAVEN4_LEVEL_PREFIX : MAVEN3_LEVEL_PREFIX) + logger;
    }

    /** Maven 4's API, which plugins see only in Maven 4. */
    private static boolean isMaven4Api() {
        try {
            Class.forName("org.apache.maven.api.Session", false, HttpClientSetup.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    /**
     * For a unix socket or named pipe: a TLS context that no TLS stack stands behind. Without one
     * the transport sets up the JVM's default TLS stack, about 0.2-0.3 s in a fresh JVM
     * (measured); even {@code SSLContext.getInstance("TLS")} loads the JSSE provider, about 300
     * classes and 40 ms (measured), for a connection that never uses TLS. Every call on this
     * context fails, naming why, should anything ever try.
     */
    static final SSLConfig PLAIN_SOCKET = () -> new SSLContext(new NoTls(), null, "none") {};

    /** The context behind {@link #PLAIN_SOCKET}: there is none. */
    static final class NoTls extends SSLContextSpi {
        private static IllegalStateException refused() {
            return new IllegalStateException("TLS is not used on a local socket");
        }

        @Override
        protected void engineInit(KeyManager[] keys, TrustManager[] trust, SecureRandom random) {
            throw refused();
        }

        @Override
        protected SSLSocketFactory engineGetSocketFactory() {
            throw refused();
        }

        @Override
        protected SSLServerSocketFactory engineGetServerSocketFactory() {
            throw refused();
        }

        @Override
        protected SSLEngine engineCreateSSLEngine() {
            throw refused();
        }

        @Override
        protected SSLEngine engineCreateSSLEngine(String host, int port) {
            throw refused();
        }

        @Override
        protected SSLSessionContext engineGetServerSessionContext() {
            throw refused();
        }

        @Override
        protected SSLSessionContext engineGetClientSessionContext() {
            throw refused();
        }
    }

    static boolean isLocalSocket(URI host) {
        return "unix".equals(host.getScheme()) || "npipe".equals(host.getScheme());
    }
}
