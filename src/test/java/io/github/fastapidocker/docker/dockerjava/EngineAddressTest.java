package io.github.fastapidocker.docker.dockerjava;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.dockerjava.core.LocalDirectorySSLConfig;
import io.github.fastapidocker.docker.EngineUnavailableException;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What docker-java would take quietly, or fail on in its own words, is refused with ours. */
class EngineAddressTest {
    private static final String HINT = "Set <dockerHost>.";

    @TempDir
    Path dir;

    private static String refused(String address) {
        return assertThrows(
                        EngineUnavailableException.class,
                        () -> EngineAddress.check(URI.create(address), "DOCKER_HOST", HINT))
                .getMessage();
    }

    @Test
    void addressesThePluginCannotSpeakAreNamedWithWhereTheyCameFrom() {
        assertEquals(
                "The Docker engine address http://127.0.0.1:2375 (from DOCKER_HOST) uses http://, which the plugin does"
                        + " not speak: it reaches an engine at unix:///path/to/docker.sock or tcp://HOST:PORT (with TLS"
                        + " when DOCKER_TLS_VERIFY is set). Set <dockerHost>.",
                refused("http://127.0.0.1:2375"));
        assertTrue(refused("ssh://root@127.0.0.1").contains("for ssh, forward the engine's socket (ssh -L)"));
        assertTrue(refused("tcp://127.0.0.1:99999").contains("has port 99999, which is not a port (1-65535)"));
        assertTrue(refused("notaurl").contains("is not an address (unix:///path/to/docker.sock or tcp://HOST:PORT)"));
        if (!System.getProperty("os.name").toLowerCase().startsWith("windows")) {
            assertTrue(refused("npipe:////./pipe/docker_engine").contains("is a Windows named pipe"));
        }
        assertDoesNotThrow(() -> EngineAddress.check(URI.create("tcp://127.0.0.1:2375"), "DOCKER_HOST", HINT));
        assertDoesNotThrow(() -> EngineAddress.check(URI.create("unix:///var/run/docker.sock"), "DOCKER_HOST", HINT));
    }

    @Test
    void tlsWithoutItsCertificatesIsRefusedNotPlainTcp() throws IOException {
        LocalDirectorySSLConfig tls = new LocalDirectorySSLConfig(dir.toString());
        Files.writeString(dir.resolve("ca.pem"), "x");
        String message = assertThrows(
                        EngineUnavailableException.class,
                        () -> EngineAddress.checkTls(tls, HttpClientSetup.once(tls), "DOCKER_HOST"))
                .getMessage();
        assertEquals(
                "Cannot configure the Docker engine connection (from DOCKER_HOST): DOCKER_TLS_VERIFY asks for TLS, and"
                        + " DOCKER_CERT_PATH " + dir + " has no cert.pem, key.pem (it needs ca.pem, cert.pem, key.pem)."
                        + " Put the engine's client certificates there, or unset DOCKER_TLS_VERIFY for an engine"
                        + " without TLS",
                message);
        assertDoesNotThrow(() -> EngineAddress.checkTls(null, null, "DOCKER_HOST"), "no TLS asked for");
    }

    @Test
    void certificatesThatAreNotPemAreNamed() throws IOException {
        for (String name : EngineAddress.CERTIFICATES) {
            Files.writeString(dir.resolve(name), "garbage\n");
        }
        LocalDirectorySSLConfig tls = new LocalDirectorySSLConfig(dir.toString());
        String message = assertThrows(
                        EngineUnavailableException.class,
                        () -> EngineAddress.checkTls(tls, HttpClientSetup.once(tls), "DOCKER_HOST"))
                .getMessage();
        assertTrue(
                message.startsWith("Cannot configure the Docker engine connection (from DOCKER_HOST): the certificates"
                        + " in DOCKER_CERT_PATH " + dir + " (ca.pem, cert.pem, key.pem) cannot be read"),
                message);
    }

    @Test
    void aDockerContextThatDoesNotExistIsRefusedAsTheCliRefusesIt() throws Exception {
        String message = assertThrows(
                        EngineUnavailableException.class,
                        () -> EngineAddress.checkContext(Optional.of("nope"), dir, "DOCKER_CONTEXT"))
                .getMessage();
        assertTrue(message.startsWith("The docker context 'nope' (from DOCKER_CONTEXT) does not exist"), message);
        // The docker CLI's own layout: contexts/meta/SHA256(name)/meta.json.
        String name = "nope";
        String digest = java.util.HexFormat.of()
                .formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(name.getBytes()));
        Path meta = dir.resolve("contexts/meta").resolve(digest).resolve("meta.json");
        Files.createDirectories(meta.getParent());
        Files.writeString(meta, "{\"Name\":\"nope\"}");
        assertDoesNotThrow(() -> EngineAddress.checkContext(Optional.of("nope"), dir, "DOCKER_CONTEXT"));
        assertDoesNotThrow(() -> EngineAddress.checkContext(Optional.empty(), dir, "DOCKER_CONTEXT"));
    }
}
