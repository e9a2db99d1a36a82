package io.github.fastapidocker.docker.dockerjava;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Properties;
import org.junit.jupiter.api.Test;

/** httpclient's loggers are kept quiet through the property the running Maven's logger reads. */
class HttpClientSetupTest {
    private static final String LOGGER = "org.apache.hc.client5.http.wire";

    private static Properties props(String... keyValues) {
        Properties props = new Properties();
        for (int i = 0; i < keyValues.length; i += 2) {
            props.setProperty(keyValues[i], keyValues[i + 1]);
        }
        return props;
    }

    /**
     * Under -X the request line ({@code executing POST /build?...&buildargs=...}) would print the
     * build arguments, a package index login among them (the prod-index-auth IT finds it there
     * without this).
     */
    @Test
    void theRequestLineLoggerIsQuietToo() {
        org.junit.jupiter.api.Assertions.assertTrue(
                HttpClientSetup.HTTP_WIRE_LOGGERS.contains("org.apache.hc.client5.http.impl.classic.MainClientExec"));
    }

    @Test
    void maven3KeepsTheSimpleLoggerProperty() {
        assertEquals(
                "org.slf4j.simpleLogger.log." + LOGGER,
                HttpClientSetup.levelProperty(LOGGER, props("maven.version", "3.9.11"), false));
        assertEquals("org.slf4j.simpleLogger.log." + LOGGER, HttpClientSetup.levelProperty(LOGGER, props(), false));
    }

    @Test
    void maven4ByItsVersion() {
        assertEquals(
                "maven.logger.log." + LOGGER,
                HttpClientSetup.levelProperty(LOGGER, props("maven.version", "4.0.0-rc-4"), false));
    }

    @Test
    void maven4ByItsLoggerKeys() {
        assertEquals(
                "maven.logger.log." + LOGGER,
                HttpClientSetup.levelProperty(LOGGER, props("maven.logger.defaultLogLevel", "info"), false));
    }

    @Test
    void maven4ByItsApi() {
        assertEquals("maven.logger.log." + LOGGER, HttpClientSetup.levelProperty(LOGGER, props(), true));
    }

    @Test
    void aLocalSocketGetsATlsContextWithNoTlsStackBehindIt() throws Exception {
        javax.net.ssl.SSLContext context = HttpClientSetup.PLAIN_SOCKET.getSSLContext();
        assertEquals("none", context.getProtocol());
        assertEquals(null, context.getProvider(), "no JSSE provider was looked up");
        IllegalStateException e = assertThrows(IllegalStateException.class, context::getSocketFactory);
        assertEquals("TLS is not used on a local socket", e.getMessage());
        assertThrows(IllegalStateException.class, () -> context.init(null, null, null));
    }
}
