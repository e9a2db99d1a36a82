package io.github.fastapidocker.docker;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Messages must say where the engine address came from, so the user knows what to change. */
class EngineLocationTest {
    @TempDir
    Path config;

    @Test
    void explicitHostWins() {
        assertEquals(
                "the element / the property",
                new EngineLocation("tcp://h:2376", "the element / the property", "how to change")
                        .source(Map.of("DOCKER_HOST", "unix:///x", "DOCKER_CONFIG", config.toString())));
    }

    @Test
    void thenDockerHost() {
        assertEquals("DOCKER_HOST", new EngineLocation(null).source(Map.of("DOCKER_HOST", "unix:///x")));
    }

    @Test
    void thenDockerContextVariable() {
        assertEquals(
                "docker context 'remote' (DOCKER_CONTEXT)",
                new EngineLocation(" ").source(Map.of("DOCKER_HOST", "", "DOCKER_CONTEXT", "remote")));
    }

    @Test
    void thenTheCurrentContextOfTheConfig() throws IOException {
        Files.writeString(config.resolve("config.json"), "{\n  \"auths\": {},\n  \"currentContext\" : \"colima\"\n}");
        assertEquals(
                "docker context 'colima' (" + config.resolve("config.json") + ")",
                new EngineLocation(null).source(Map.of("DOCKER_CONFIG", config.toString())));
    }

    @Test
    void anUnreadableConfigIsIgnoredAndSaidInDebug() throws IOException {
        Files.writeString(config.resolve("config.json"), "{\"currentContext\": \"colima\", oops");
        java.util.List<String> debug = new java.util.ArrayList<>();
        assertEquals(
                "the default socket",
                new EngineLocation(null)
                        .source(Map.of("DOCKER_CONFIG", config.toString()), Path.of("/nonexistent"), debug::add));
        assertEquals(1, debug.size(), debug.toString());
        org.junit.jupiter.api.Assertions.assertTrue(
                debug.get(0)
                        .startsWith(
                                "Ignoring the docker config: " + config.resolve("config.json") + " is not valid JSON"),
                debug.get(0));
    }

    @Test
    void elseTheDefaultSocket() throws IOException {
        assertEquals("the default socket", new EngineLocation(null).source(Map.of("DOCKER_CONFIG", config.toString())));
        Files.writeString(config.resolve("config.json"), "{\"currentContext\": \"default\"}");
        assertEquals("the default socket", new EngineLocation(null).source(Map.of("DOCKER_CONFIG", config.toString())));
    }

    @Test
    void theNetworkHostOfAnEngineAddress() {
        assertEquals(java.util.Optional.of("docker"), EngineLocation.networkHost("tcp://docker:2375"));
        assertEquals(java.util.Optional.of("docker"), EngineLocation.networkHost("TCP://docker"));
        assertEquals(java.util.Optional.of("my_dind"), EngineLocation.networkHost("tcp://my_dind:2375"));
        assertEquals(java.util.Optional.of("10.0.0.5"), EngineLocation.networkHost("https://user@10.0.0.5:2376/v1"));
        assertEquals(java.util.Optional.of("::1"), EngineLocation.networkHost("tcp://[::1]:2375"));
        assertEquals(java.util.Optional.of("2001:db8::5"), EngineLocation.networkHost(" http://[2001:db8::5] "));
        for (String local : new String[] {
            "unix:///var/run/docker.sock",
            "npipe:////./pipe/docker_engine",
            "ssh://me@build-host",
            "tcp://",
            "tcp://:2375",
            "",
            "docker:2375"
        }) {
            assertEquals(java.util.Optional.empty(), EngineLocation.networkHost(local), local);
        }
        assertEquals(java.util.Optional.empty(), EngineLocation.networkHost(null));
    }
}
