package io.github.fastapidocker.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.fastapidocker.docker.EngineLocation;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The Maven words for the engine's address: where it was set, and how to change it. */
class EngineLocationWordsTest {
    @Test
    void explicitHostWins() {
        BuildMojo mojo = new BuildMojo();
        mojo.dockerHost = "tcp://h:2376";
        EngineLocation location = EngineConnection.location(mojo.dockerHost);
        assertEquals("tcp://h:2376", location.explicitHost());
        assertEquals(
                "<dockerHost> / fastapi.dockerHost",
                location.source(Map.of("DOCKER_HOST", "unix:///x", "DOCKER_CONFIG", "/nonexistent")));
        assertEquals(
                "Start the Docker engine, or point the plugin at one with DOCKER_HOST, 'docker context use NAME', or"
                        + " <dockerHost> / -Dfastapi.dockerHost=unix:///path/docker.sock or tcp://host:2376",
                location.howToChange());
    }

    @Test
    void aBlankHostIsNone() {
        BuildMojo mojo = new BuildMojo();
        mojo.dockerHost = " ";
        assertEquals(
                "DOCKER_HOST", EngineConnection.location(mojo.dockerHost).source(Map.of("DOCKER_HOST", "unix:///x")));
    }
}
