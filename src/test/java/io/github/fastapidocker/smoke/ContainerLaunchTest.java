package io.github.fastapidocker.smoke;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.fastapidocker.docker.DockerEngine.ContainerSpec;
import io.github.fastapidocker.docker.EngineException;
import io.github.fastapidocker.kernel.ConfigurationException;
import io.github.fastapidocker.maven.MavenHints;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How the container is started and reached on the bridge and the host network. */
class ContainerLaunchTest extends SmokeFixture {
    @Test
    void bridgeNetworkPublishesTheContainerPortOnLoopback() {
        recordBuild(GUIDE_CMD, 80);
        runner().run(settings(SmokeNetwork.BRIDGE, List.of(DOCS)));

        ContainerSpec spec = engine.created.get(0);
        assertEquals("bridge", spec.network());
        assertNull(spec.command(), "the image's own command, unchanged");
        assertEquals(80, spec.containerPort());
        assertEquals(FREE_PORT, spec.hostPort());
        assertEquals("127.0.0.1", spec.hostIp());
        assertEquals(URI.create("http://127.0.0.1:41234/docs"), requested.get(0));
    }

    @Test
    void bridgeWithoutAPublishedPortSaysToUseTheHostNetwork() {
        recordBuild(GUIDE_CMD, 80);
        engine.publishes = false;
        SmokeFailedException e = assertThrows(
                SmokeFailedException.class, () -> runner().run(settings(SmokeNetwork.BRIDGE, List.of(DOCS))));
        assertTrue(e.getMessage().contains("did not publish container port 80 on 127.0.0.1:41234"), e.getMessage());
        assertTrue(e.getMessage().contains("-Dfastapi.smoke.network=host"), e.getMessage());
        assertTrue(engine.containers.isEmpty());
        assertTrue(requested.isEmpty(), "no probing of a port nobody published");
    }

    @Test
    void hostNetworkWithTheUsersDockerfileRunsItsOwnCommandOnThePort() {
        recordBuild(List.of(), 8080);
        answers.put("/docs", new HttpProber.Answer(200, "Swagger UI"));
        runner().run(settings(SmokeNetwork.HOST, List.of(DOCS)));

        assertNull(engine.created.get(0).command());
        assertEquals(URI.create("http://127.0.0.1:8080/docs"), requested.get(0));
        assertTrue(
                log.stream()
                        .anyMatch(l -> l.startsWith("INFO Host network and your own Dockerfile: running the image's"
                                + " own command and probing port 8080")),
                String.join("\n", log));
        assertTrue(
                log.contains("INFO The image's own command decides its bind address: on the host network a server on"
                        + " 0.0.0.0 is reachable from other machines while the smoke test runs (the plugin probes"
                        + " 127.0.0.1)"),
                String.join("\n", log));
    }

    @Test
    void hostNetworkWithTheUsersDockerfileRefusesATakenPort() {
        recordBuild(List.of(), 8080);
        portsInUse.add(8080);
        ConfigurationException e = assertThrows(
                ConfigurationException.class, () -> runner().run(settings(SmokeNetwork.HOST, List.of(DOCS))));
        assertTrue(e.getMessage().startsWith("Port 8080 on 127.0.0.1 is in use"), e.getMessage());
        assertTrue(engine.created.isEmpty());
    }

    @Test
    void onLoopbackPortMovesThePortAndKeepsTheServerOnLoopback() {
        assertEquals(
                List.of(
                        "fastapi",
                        "run",
                        "app/main.py",
                        "--port",
                        "5000",
                        "--proxy-headers",
                        "--workers",
                        "2",
                        "--host",
                        "127.0.0.1"),
                ServerCommand.onPort(
                        List.of("fastapi", "run", "app/main.py", "--port", "80", "--proxy-headers", "--workers", "2"),
                        5000,
                        "127.0.0.1"));
        assertEquals(
                List.of("uvicorn", "app.main:app", "--host", "127.0.0.1", "--port=5000"),
                ServerCommand.onPort(
                        List.of("uvicorn", "app.main:app", "--host", "0.0.0.0", "--port=80"), 5000, "127.0.0.1"));
        assertEquals(
                List.of("fastapi", "run", "--port", "5000", "--host", "127.0.0.1"),
                ServerCommand.onPort(List.of("fastapi", "run"), 5000, "127.0.0.1"));
    }

    @Test
    void theBridgeHintNamesThePortSetting() {
        SmokeTarget target = new SmokeTarget("hello:1.0", "sha256:built", "sha256:built", GUIDE_CMD, 80);
        ContainerLaunch launch = ContainerLaunch.plan(
                settings(SmokeNetwork.BRIDGE, List.of()), target, LOCAL, ports, MavenHints.INSTANCE, buildLog);
        assertEquals(FREE_PORT, launch.port());
        assertEquals(List.of(), launch.command(), "the image's own command");
        assertEquals(
                "The server must listen on 0.0.0.0, port 80 inside the container: <port> (fastapi.port).",
                launch.hint());
    }

    @Test
    void aTakenPortSaysWhichSettingsChangeIt() {
        portsInUse.add(8080);
        SmokeTarget own = new SmokeTarget("hello:1.0", "sha256:built", "sha256:built", null, 8080);
        ConfigurationException e = assertThrows(
                ConfigurationException.class,
                () -> ContainerLaunch.plan(
                        settings(SmokeNetwork.HOST, List.of()), own, LOCAL, ports, MavenHints.INSTANCE, buildLog));
        assertTrue(
                e.getMessage()
                        .endsWith("Set <port> (fastapi.port) to the port your CMD uses, free it, or use"
                                + " <smokeNetwork>bridge</smokeNetwork> (-Dfastapi.smoke.network=bridge)."),
                e.getMessage());
    }

    @Test
    void anEngineRefusingTheBridgeNetworkSaysToUseTheHostNetwork() {
        recordBuild(GUIDE_CMD, 80);
        engine.failCreate = new EngineException("network bridge not found", 404, "network bridge not found");
        SmokeFailedException e = assertThrows(
                SmokeFailedException.class, () -> runner().run(settings(SmokeNetwork.BRIDGE, List.of(DOCS))));
        assertEquals(
                "network bridge not found. Use the host network: <smokeNetwork>host</smokeNetwork>"
                        + " (-Dfastapi.smoke.network=host).",
                e.getMessage());
        assertTrue(engine.containers.isEmpty());
    }

    /** Decided on the status and what the engine has, not on the words: another refusal stays as it is. */
    @Test
    void anotherRefusalOfTheCreateIsNotBlamedOnTheNetwork() {
        recordBuild(GUIDE_CMD, 80);
        engine.failCreate = new EngineException("invalid network mode", 400, "invalid network mode");
        EngineException e =
                assertThrows(EngineException.class, () -> runner().run(settings(SmokeNetwork.BRIDGE, List.of(DOCS))));
        assertEquals("invalid network mode", e.getMessage());
    }
}
