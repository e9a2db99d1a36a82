package io.github.fastapidocker.docker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Nothing names the engine and the default socket is missing: the common engines' sockets, in order. */
class EngineSocketsTest {
    @TempDir
    Path home;

    @TempDir
    Path runtime;

    @TempDir
    Path config;

    private Map<String, String> env() {
        return Map.of("XDG_RUNTIME_DIR", runtime.toString(), "DOCKER_CONFIG", config.toString());
    }

    /** Files made in the temp dirs stand for sockets; the fixed system paths exist only when listed. */
    private Predicate<Path> exists(Path... systemPaths) {
        List<Path> fixed = List.of(systemPaths);
        return path ->
                fixed.contains(path) || (path.startsWith(home) || path.startsWith(runtime)) && Files.exists(path);
    }

    private void touch(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        Files.createFile(file);
    }

    private EngineLocation.Resolved resolve(Predicate<Path> exists) {
        return new EngineLocation(null).resolve(env(), home, exists, message -> {});
    }

    @Test
    void theCandidatesInTheirDocumentedOrder() {
        assertEquals(
                List.of(
                        home.resolve(".docker/run/docker.sock"),
                        home.resolve(".docker/desktop/docker.sock"),
                        runtime.resolve("docker.sock"),
                        home.resolve(".colima/default/docker.sock"),
                        home.resolve(".colima/docker.sock"),
                        home.resolve(".orbstack/run/docker.sock"),
                        home.resolve(".rd/docker.sock"),
                        runtime.resolve("podman/podman.sock"),
                        Path.of("/run/podman/podman.sock")),
                EngineSockets.candidates(env(), home).stream()
                        .map(EngineSockets.Place::socket)
                        .toList());
    }

    @Test
    void eachCandidateWinsOverTheOnesAfterIt() throws IOException {
        List<EngineSockets.Place> candidates = EngineSockets.candidates(env(), home);
        // Create them from last to first: each time the newest one is the first that exists.
        List<EngineSockets.Place> reversed = new ArrayList<>(candidates);
        java.util.Collections.reverse(reversed);
        List<Path> system = new ArrayList<>();
        for (EngineSockets.Place place : reversed) {
            if (place.socket().startsWith(home) || place.socket().startsWith(runtime)) {
                touch(place.socket());
            } else {
                system.add(place.socket());
            }
            EngineLocation.Resolved resolved = resolve(exists(system.toArray(Path[]::new)));
            assertEquals(Optional.of(place), resolved.found());
            assertEquals("unix://" + place.socket(), resolved.host());
            assertEquals(
                    place.engine() + "'s socket, found at " + place.socket() + " (/var/run/docker.sock is missing)",
                    resolved.source());
        }
    }

    @Test
    void theDefaultSocketWinsWhenItExists() throws IOException {
        touch(home.resolve(".colima/default/docker.sock"));
        EngineLocation.Resolved resolved = resolve(exists(EngineSockets.DEFAULT_SOCKET));
        assertEquals(new EngineLocation.Resolved(null, "the default socket", Optional.empty()), resolved);
    }

    @Test
    void withoutXdgRuntimeDirTheRootlessAndUserPodmanPlacesAreSkipped() {
        List<EngineSockets.Place> places = EngineSockets.candidates(Map.of(), home);
        assertEquals(7, places.size(), places.toString());
    }

    @Test
    void noneFoundListsEveryPlaceTried() {
        EngineLocation.Resolved resolved = resolve(exists());
        assertEquals(null, resolved.host());
        assertEquals(Optional.empty(), resolved.found());
        assertEquals(
                "the default socket; no engine socket at any usual place: the default socket (/var/run/docker.sock),"
                        + " Docker Desktop (" + home.resolve(".docker/run/docker.sock") + ", "
                        + home.resolve(".docker/desktop/docker.sock") + "), rootless Docker ("
                        + runtime.resolve("docker.sock") + "), Colima (" + home.resolve(".colima/default/docker.sock")
                        + ", " + home.resolve(".colima/docker.sock") + "), OrbStack ("
                        + home.resolve(".orbstack/run/docker.sock") + "), Rancher Desktop ("
                        + home.resolve(".rd/docker.sock") + "), Podman (" + runtime.resolve("podman/podman.sock")
                        + ", /run/podman/podman.sock)",
                resolved.source());
    }

    @Test
    void whatNamesTheEngineAlwaysWinsAndNothingIsSearched() throws IOException {
        touch(home.resolve(".docker/run/docker.sock"));
        List<Path> looked = new ArrayList<>();
        Predicate<Path> recording = path -> looked.add(path) && Files.exists(path);

        EngineLocation explicit = new EngineLocation("tcp://h:2376", "the element", "how to change");
        assertEquals(
                new EngineLocation.Resolved(null, "the element", Optional.empty()),
                explicit.resolve(env(), home, recording, m -> {}));

        Map<String, String> dockerHost = Map.of("DOCKER_HOST", "tcp://x:2375", "DOCKER_CONFIG", config.toString());
        assertEquals(
                "DOCKER_HOST",
                new EngineLocation(null)
                        .resolve(dockerHost, home, recording, m -> {})
                        .source());

        Map<String, String> context = Map.of("DOCKER_CONTEXT", "remote", "DOCKER_CONFIG", config.toString());
        assertEquals(
                "docker context 'remote' (DOCKER_CONTEXT)",
                new EngineLocation(null)
                        .resolve(context, home, recording, m -> {})
                        .source());

        Files.writeString(config.resolve("config.json"), "{\"currentContext\": \"colima\"}");
        EngineLocation.Resolved fromConfig = new EngineLocation(null).resolve(env(), home, recording, m -> {});
        assertEquals(null, fromConfig.host());
        assertTrue(fromConfig.source().startsWith("docker context 'colima'"), fromConfig.source());

        assertEquals(List.of(), looked);
    }

    @Test
    void theDefaultContextIsSearchedLikeNoContext() throws IOException {
        touch(home.resolve(".orbstack/run/docker.sock"));
        Files.writeString(config.resolve("config.json"), "{\"currentContext\": \"default\"}");
        assertEquals(
                "unix://" + home.resolve(".orbstack/run/docker.sock"),
                resolve(exists()).host());
        Map<String, String> variable = Map.of("DOCKER_CONTEXT", "default", "DOCKER_CONFIG", config.toString());
        assertEquals(
                "unix://" + home.resolve(".orbstack/run/docker.sock"),
                new EngineLocation(null)
                        .resolve(variable, home, exists(), m -> {})
                        .host());
    }
}
