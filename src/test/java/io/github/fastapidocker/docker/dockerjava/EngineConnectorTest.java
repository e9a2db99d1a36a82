package io.github.fastapidocker.docker.dockerjava;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.github.dockerjava.core.DefaultDockerClientConfig;
import io.github.fastapidocker.docker.EngineLocation;
import io.github.fastapidocker.docker.EngineTimeouts;
import io.github.fastapidocker.docker.EngineUnavailableException;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The adapter connects to the socket the search found, and says so. */
class EngineConnectorTest {
    @TempDir
    Path home;

    /** Only what is in the temp home exists: the machine's own /var/run/docker.sock does not count. */
    private Predicate<Path> inHome() {
        return path -> path.startsWith(home) && Files.exists(path);
    }

    private static void assumeDockerJavaFindsNothingOfItsOwn() {
        assumeTrue(DefaultDockerClientConfig.createDefaultConfigBuilder()
                .build()
                .getDockerHost()
                .toString()
                .equals("unix:///var/run/docker.sock"));
    }

    @Test
    void connectsToTheFoundSocketAndSaysWhichItIs() throws IOException {
        assumeDockerJavaFindsNothingOfItsOwn();
        Path socket = home.resolve(".colima/default/docker.sock");
        Files.createDirectories(socket.getParent());
        Files.createFile(socket); // a file, not a socket: connecting to it fails, naming where it came from
        List<String> found = new ArrayList<>();
        try (DockerJavaEngine engine = EngineConnector.connect(
                new EngineLocation(null), EngineTimeouts.defaults(), found::add, Map.of(), home, inHome())) {
            assertEquals("unix://" + socket, engine.host());
            assertEquals(
                    List.of("Docker engine: Colima's socket, found at " + socket
                            + " (/var/run/docker.sock is missing)"),
                    found);
            EngineUnavailableException e = assertThrows(EngineUnavailableException.class, engine::ping);
            assertTrue(
                    e.getMessage()
                            .startsWith(
                                    "Cannot reach the Docker engine at unix://" + socket + " (from Colima's socket,"),
                    e.getMessage());
        }
    }

    @Test
    void anExplicitHostIsUsedAndNothingIsSearched() throws IOException {
        Path socket = home.resolve(".docker/run/docker.sock");
        Files.createDirectories(socket.getParent());
        Files.createFile(socket);
        List<Path> looked = new ArrayList<>();
        List<String> found = new ArrayList<>();
        try (DockerJavaEngine engine = EngineConnector.connect(
                new EngineLocation("tcp://127.0.0.1:1", "the setting", "change it"),
                EngineTimeouts.defaults(),
                found::add,
                Map.of(),
                home,
                path -> looked.add(path) && Files.exists(path))) {
            assertEquals("tcp://127.0.0.1:1", engine.host());
        }
        assertEquals(List.of(), looked);
        assertEquals(List.of(), found);
    }

    private static final EngineLocation NOTHING_NAMED = new EngineLocation(null);

    private Optional<URI> plain(EngineLocation location, Map<String, String> env, Properties system) {
        EngineLocation.Resolved resolved = location.resolve(env, home, inHome(), m -> {});
        return EngineConnector.plainSocket(location, resolved, env, home, system);
    }

    @Test
    void aUnixSocketNothingElseCouldChangeIsUsedWithoutDockerJavasConfiguration() throws IOException {
        Properties none = new Properties();
        assertEquals(Optional.of(URI.create("unix:///var/run/docker.sock")), plain(NOTHING_NAMED, Map.of(), none));
        assertEquals(
                Optional.of(URI.create("unix:///tmp/x.sock")),
                plain(new EngineLocation("unix:///tmp/x.sock", "the setting", "change it"), Map.of(), none));
        assertEquals(
                Optional.of(URI.create("unix:///run/user/1000/docker.sock")),
                plain(NOTHING_NAMED, Map.of("DOCKER_HOST", "unix:///run/user/1000/docker.sock"), none));
        assertEquals(
                Optional.of(URI.create("unix:///var/run/docker.sock")),
                plain(NOTHING_NAMED, Map.of("DOCKER_CONTEXT", "default"), none));
        Path socket = home.resolve(".colima/default/docker.sock");
        Files.createDirectories(socket.getParent());
        Files.createFile(socket);
        assertEquals(Optional.of(URI.create("unix://" + socket)), plain(NOTHING_NAMED, Map.of(), none));
    }

    @Test
    void tcpTlsContextsAndDockerJavasOwnSettingsGoThroughDockerJava() throws IOException {
        Properties none = new Properties();
        assertEquals(
                Optional.empty(),
                plain(new EngineLocation("tcp://127.0.0.1:2376", "the setting", "change it"), Map.of(), none));
        assertEquals(Optional.empty(), plain(NOTHING_NAMED, Map.of("DOCKER_HOST", "tcp://127.0.0.1:2375"), none));
        assertEquals(Optional.empty(), plain(NOTHING_NAMED, Map.of("DOCKER_HOST", "npipe:////./pipe/x"), none));
        assertEquals(Optional.empty(), plain(NOTHING_NAMED, Map.of("DOCKER_HOST", "unix://"), none));
        assertEquals(Optional.empty(), plain(NOTHING_NAMED, Map.of("DOCKER_CONTEXT", "remote"), none));
        Properties dockerJava = new Properties();
        dockerJava.setProperty("DOCKER_HOST", "tcp://127.0.0.1:2375");
        assertEquals(Optional.empty(), plain(NOTHING_NAMED, Map.of(), dockerJava));
        Files.writeString(home.resolve(".docker-java.properties"), "DOCKER_HOST=tcp://127.0.0.1:2375\n");
        assertEquals(Optional.empty(), plain(NOTHING_NAMED, Map.of(), none));
    }

    @Test
    void theCurrentContextOfTheDockerConfigGoesThroughDockerJava() throws IOException {
        Path config = home.resolve(".docker/config.json");
        Files.createDirectories(config.getParent());
        Files.writeString(config, "{\"currentContext\": \"colima\"}");
        assertEquals(Optional.empty(), plain(NOTHING_NAMED, Map.of(), new Properties()));
        Files.writeString(config, "{\"currentContext\": \"default\"}");
        assertEquals(
                Optional.of(URI.create("unix:///var/run/docker.sock")),
                plain(NOTHING_NAMED, Map.of(), new Properties()));
    }

    @Test
    void onThePlainPathTheEnvironmentHandedInNamesTheSocket() {
        assumeTrue(System.getProperty("DOCKER_HOST") == null);
        try (DockerJavaEngine engine = EngineConnector.connect(
                NOTHING_NAMED,
                EngineTimeouts.defaults(),
                m -> {},
                Map.of("DOCKER_HOST", "unix:///tmp/fastapi-docker-no-such.sock"),
                home,
                inHome())) {
            // docker-java's configuration would have read the JVM's own environment instead.
            assertEquals("unix:///tmp/fastapi-docker-no-such.sock", engine.host());
            EngineUnavailableException e = assertThrows(EngineUnavailableException.class, engine::ping);
            assertTrue(
                    e.getMessage().contains("unix:///tmp/fastapi-docker-no-such.sock (from DOCKER_HOST"),
                    e.getMessage());
        }
    }

    @Test
    void aUnixSocketGetsTheLeanTransportAndTcpKeepsDockerJavasClient() throws IOException {
        try (var unix = EngineConnector.httpClient(
                        URI.create("unix:///run/podman/podman.sock"),
                        HttpClientSetup.PLAIN_SOCKET,
                        EngineTimeouts.defaults());
                var tcp = EngineConnector.httpClient(
                        URI.create("tcp://127.0.0.1:2375"), null, EngineTimeouts.defaults())) {
            assertEquals(UnixSocketHttpClient.class, unix.getClass());
            assertEquals(
                    "com.github.dockerjava.httpclient5.ApacheDockerHttpClient",
                    tcp.getClass().getName());
        }
    }
}
