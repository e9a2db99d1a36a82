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
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
}
