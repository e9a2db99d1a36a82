package io.github.fastapidocker.smoke;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.fastapidocker.docker.EngineLocation;
import io.github.fastapidocker.docker.dockerjava.DockerJavaEngine;
import io.github.fastapidocker.kernel.ConfigurationException;
import io.github.fastapidocker.maven.MavenHints;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where the probes go: the configured host, else the engine's host for a TCP engine, else 127.0.0.1. */
class ProbeHostTest {
    private static ProbeHost engineAt(String address) {
        return ProbeHost.choose(null, address);
    }

    private static String parse(String value) {
        return ProbeHost.parse(value, MavenHints.INSTANCE);
    }

    @Test
    void aTcpEngineIsProbedOnItsHost() {
        ProbeHost dind = engineAt("tcp://docker:2375");
        assertEquals("docker", dind.host());
        assertEquals(ProbeHost.Origin.ENGINE_HOST, dind.origin());
        assertFalse(dind.onThisMachine());
        assertEquals("0.0.0.0", dind.serverAddress(), "a remote host network is reached from outside");
        assertNull(dind.publishAddress(), "published on every interface of the engine's host");
        assertEquals(URI.create("http://docker:41234/docs"), dind.uri(41234, "/docs"));
        assertEquals(
                "the host of the engine at tcp://docker:2375; override with <smokeHost> (fastapi.smoke.host)",
                dind.describe(MavenHints.INSTANCE));
    }

    /** docker-java keeps the tcp:// scheme for a TLS engine (DOCKER_TLS_VERIFY), and the host is the same. */
    @Test
    void aTlsEngineIsProbedOnItsHost() {
        assertEquals(
                "build-host.example.com",
                engineAt("tcp://build-host.example.com:2376").host());
        assertEquals(
                "build-host.example.com",
                engineAt("https://build-host.example.com:2376/").host());
        assertEquals("10.1.2.3", engineAt("tcp://10.1.2.3:2376").host());
    }

    @Test
    void aLocalSocketIsProbedOnLoopbackAsBefore() {
        for (String socket : new String[] {
            "unix:///var/run/docker.sock",
            "unix:///home/me/.colima/default/docker.sock",
            "npipe:////./pipe/docker_engine"
        }) {
            ProbeHost local = engineAt(socket);
            assertEquals("127.0.0.1", local.host(), socket);
            assertEquals(ProbeHost.Origin.LOCAL_SOCKET, local.origin(), socket);
            assertTrue(local.onThisMachine(), socket);
            assertEquals("127.0.0.1", local.serverAddress(), socket);
            assertEquals("127.0.0.1", local.publishAddress(), socket);
        }
        assertEquals(
                "the engine is on a local socket; override with <smokeHost> (fastapi.smoke.host)",
                engineAt("unix:///var/run/docker.sock").describe(MavenHints.INSTANCE));
    }

    /** An engine on another loopback address is on this machine: everything stays on that address. */
    @Test
    void aLoopbackTcpEngineKeepsEverythingOnItsAddress() {
        ProbeHost host = engineAt("tcp://127.0.0.2:2375");
        assertEquals("127.0.0.2", host.host());
        assertTrue(host.onThisMachine());
        assertEquals("127.0.0.2", host.serverAddress());
        assertEquals("127.0.0.2", host.publishAddress());
        assertEquals("127.0.0.1", engineAt("tcp://localhost:2375").host());
        assertEquals("127.0.0.1", engineAt("tcp://0.0.0.0:2375").host());
    }

    @Test
    void ipv6HostsAreBracketedInUrls() throws IOException {
        ProbeHost loopback = engineAt("tcp://[::1]:2375");
        assertEquals("::1", loopback.host());
        assertTrue(loopback.onThisMachine());
        assertEquals("::1", loopback.serverAddress());
        assertEquals(URI.create("http://[::1]:8000/items/5?q=x"), loopback.uri(8000, "/items/5?q=x"));
        // A raw non-ASCII path is sent percent-encoded, as a browser would: raw, it is no valid request line.
        assertEquals(
                "/h%C3%A9llo/%C3%BC?q=%C3%A9",
                loopback.uri(8000, "/h\u00e9llo/\u00fc?q=\u00e9").getRawPath() + "?"
                        + loopback.uri(8000, "/h\u00e9llo/\u00fc?q=\u00e9").getRawQuery());
        assertEquals(URI.create("http://[::1]:8000/h%C3%A9llo"), loopback.uri(8000, "/h%C3%A9llo"), "encoded stays");
        assertEquals("[::1]:8000", loopback.authority(8000));

        ProbeHost remote = engineAt("tcp://[2001:db8::5]:2376");
        assertEquals("2001:db8::5", remote.host());
        assertFalse(remote.onThisMachine());
        assertEquals("::", remote.serverAddress(), "every IPv6 interface of the engine's host");
        assertEquals(URI.create("http://[2001:db8::5]:8000/docs"), remote.uri(8000, "/docs"));
        assertEquals("[2001:db8::5]", remote.uri(8000, "/docs").toURL().getHost());
    }

    @Test
    void theSettingWinsOverTheEngine() {
        ProbeHost host = ProbeHost.choose(parse("127.0.0.4"), "tcp://127.0.0.2:2375");
        assertEquals("127.0.0.4", host.host());
        assertEquals(ProbeHost.Origin.SETTING, host.origin());
        assertEquals("127.0.0.4", host.serverAddress());
        assertEquals("from <smokeHost> (fastapi.smoke.host)", host.describe(MavenHints.INSTANCE));
        assertEquals(
                "docker",
                ProbeHost.choose(parse("docker"), "unix:///var/run/docker.sock").host());
        assertEquals(
                "::1", ProbeHost.choose(parse("[::1]"), "tcp://docker:2375").host());
    }

    @Test
    void goodSettings() {
        assertNull(parse(null));
        assertNull(parse("  "));
        assertEquals("docker", parse(" docker "));
        assertEquals("build-host.example.com", parse("build-host.example.com"));
        assertEquals("my_dind", parse("my_dind"), "compose service names may have underscores");
        assertEquals("10.0.0.5", parse("10.0.0.5"));
        assertEquals("::1", parse("::1"));
        assertEquals("::1", parse("[::1]"));
        assertEquals("2001:db8::5", parse("[2001:db8::5]"));
    }

    @Test
    void badSettingsNameTheElementAndWhatIsWrong() {
        String[][] cases = {
            {"http://docker", "it has a scheme"},
            {"tcp://docker:2375", "it has a scheme"},
            {"docker:2375", "it has a port"},
            {"127.0.0.2:8000", "it has a port"},
            {"[::1]:8000", "it has a port"},
            {"docker/docs", "it has a path"},
            {"dock er", "it has a space"},
            {"[::1", "the bracket is not closed"},
            {"[127.0.0.1]", "not an IPv6 address between the brackets"},
            {"2001:db8:::5", "not an IPv6 address"},
            {"256.1.1.1", "not an IPv4 address"},
            {"127.1", "not an IPv4 address"},
            {"-docker", "not a host name"},
            {"docker..example", "not a host name"},
            {"dock!er", "not a host name"},
        };
        for (String[] c : cases) {
            ConfigurationException e = assertThrows(ConfigurationException.class, () -> parse(c[0]), c[0]);
            assertEquals(
                    "<smokeHost> (fastapi.smoke.host) must be a host name or an IP address (IPv6 with or without"
                            + " brackets), without scheme, port or path, was '" + c[0] + "': " + c[1],
                    e.getMessage(),
                    c[0]);
        }
    }

    @Test
    void theSettingsRejectABadHostBeforeAnythingIsContacted() {
        ConfigurationException e = assertThrows(ConfigurationException.class, () -> SmokeSettings.builder()
                .image("hello")
                .port(80)
                .host("http://docker:8000")
                .build(MavenHints.INSTANCE));
        assertTrue(e.getMessage().startsWith("<smokeHost> (fastapi.smoke.host) must be"), e.getMessage());
        assertEquals(
                "::1",
                SmokeSettings.builder()
                        .image("hello")
                        .port(80)
                        .host(" [::1] ")
                        .build(MavenHints.INSTANCE)
                        .host());
    }

    /**
     * A docker context whose endpoint is TCP: docker-java resolves it (here from DOCKER_CONFIG, as a
     * system property so the test need not change the environment), and the probes go to its host.
     */
    @Test
    void aDockerContextOverTcpIsProbedOnItsHost(@TempDir Path config) throws IOException {
        assumeTrue(blank(System.getenv("DOCKER_HOST")) && blank(System.getenv("DOCKER_CONTEXT")));
        assumeTrue(System.getProperty("DOCKER_HOST") == null && System.getProperty("DOCKER_CONFIG") == null);
        Path meta = config.resolve("contexts/meta/" + sha256("ci-remote"));
        Files.createDirectories(meta);
        Files.writeString(
                meta.resolve("meta.json"),
                "{\"Name\":\"ci-remote\",\"Metadata\":{},"
                        + "\"Endpoints\":{\"docker\":{\"Host\":\"tcp://127.0.0.5:2375\",\"SkipTLSVerify\":false}}}");
        Files.writeString(config.resolve("config.json"), "{\"currentContext\": \"ci-remote\"}");
        System.setProperty("DOCKER_CONFIG", config.toString());
        try (DockerJavaEngine engine = DockerJavaEngine.connect(new EngineLocation(null))) {
            assertEquals("tcp://127.0.0.5:2375", engine.host());
            ProbeHost host = ProbeHost.choose(null, engine.host());
            assertEquals("127.0.0.5", host.host());
            assertEquals(ProbeHost.Origin.ENGINE_HOST, host.origin());
        } finally {
            System.clearProperty("DOCKER_CONFIG");
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
