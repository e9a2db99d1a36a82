package io.github.fastapidocker.smoke;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.fastapidocker.docker.DockerEngine.ContainerSpec;
import io.github.fastapidocker.kernel.ConfigurationException;
import io.github.fastapidocker.maven.MavenHints;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

/** On an engine reached over TCP the probes go to the engine's host, or to the configured one. */
class RemoteEngineSmokeTest extends SmokeFixture {
    private static final String GENERATED_LOOPBACK_ENGINE = "tcp://127.0.0.2:2375";

    private SmokeSettings settingsWithHost(SmokeNetwork network, String host) {
        return guideSettings().network(network).probes(List.of(DOCS)).host(host).build(MavenHints.INSTANCE);
    }

    private JsonNode report() throws IOException {
        return new ObjectMapper().readTree(dir.resolve("smoke.json").toFile());
    }

    @Test
    void aLoopbackTcpEngineIsProbedOnItsAddressAndTheServerListensThere() throws IOException {
        engine.host = GENERATED_LOOPBACK_ENGINE;
        recordBuild(GUIDE_CMD, 80);
        runner().run(settings(SmokeNetwork.HOST, List.of()));

        assertEquals(
                List.of("fastapi", "run", "app/main.py", "--port", "41234", "--host", "127.0.0.2"),
                engine.created.get(0).command());
        assertEquals(List.of("free 127.0.0.2"), portsAsked, "the port is free on the address probed");
        assertEquals(
                List.of(
                        URI.create("http://127.0.0.2:41234/docs"),
                        URI.create("http://127.0.0.2:41234/docs"),
                        URI.create("http://127.0.0.2:41234/openapi.json")),
                requested);
        assertTrue(
                log.contains("INFO Probing http://127.0.0.2:41234 (the host of the engine at tcp://127.0.0.2:2375;"
                        + " override with <smokeHost> (fastapi.smoke.host))"),
                String.join("\n", log));
        assertEquals(1, log.stream().filter(l -> l.startsWith("INFO Probing ")).count(), "one line says where");

        JsonNode report = report();
        assertEquals("127.0.0.2", report.get("host").asText());
        assertEquals("http://127.0.0.2:41234", report.get("url").asText());
        assertEquals(
                "http://127.0.0.2:41234/docs",
                report.get("probes").get(0).get("url").asText());
        assertEquals(
                "http://127.0.0.2:41234/openapi.json",
                report.get("probes").get(1).get("url").asText());
    }

    @Test
    void aRemoteBridgeEnginePublishesOnEveryInterfaceAndPicksThePort() throws IOException {
        engine.host = "tcp://docker:2375";
        recordBuild(GUIDE_CMD, 80);
        runner().run(settings(SmokeNetwork.BRIDGE, List.of(DOCS)));

        ContainerSpec spec = engine.created.get(0);
        assertEquals(80, spec.containerPort());
        assertNull(spec.hostPort(), "a port free on this machine says nothing about the engine's host");
        assertNull(spec.hostIp(), "reached from outside the engine's host");
        assertEquals(List.of(), portsAsked);
        assertEquals(URI.create("http://docker:49153/docs"), requested.get(0));
        assertTrue(log.contains("INFO Probing http://docker:49153 (the host of the engine at tcp://docker:2375;"
                + " override with <smokeHost> (fastapi.smoke.host))"));
        assertEquals(49153, report().get("port").asInt());
        assertEquals("docker", report().get("host").asText());
    }

    @Test
    void aRemoteBridgeEngineThatPublishesNothingSaysSo() {
        engine.host = "tcp://docker:2375";
        engine.publishes = false;
        recordBuild(GUIDE_CMD, 80);
        SmokeFailedException e = assertThrows(
                SmokeFailedException.class, () -> runner().run(settings(SmokeNetwork.BRIDGE, List.of(DOCS))));
        assertTrue(
                e.getMessage().startsWith("The engine did not publish container port 80 on its host:"), e.getMessage());
        assertTrue(requested.isEmpty());
    }

    @Test
    void aRemoteHostNetworkServerListensOnEveryInterfaceOnAPortNothingAnswersThere() {
        engine.host = "tcp://docker:2375";
        recordBuild(GUIDE_CMD, 80);
        runner().run(settings(SmokeNetwork.HOST, List.of(DOCS)));

        assertEquals(
                List.of("fastapi", "run", "app/main.py", "--port", "41234", "--host", "0.0.0.0"),
                engine.created.get(0).command());
        assertEquals(List.of("free 127.0.0.1", "inUse docker:41234"), portsAsked);
        assertEquals(URI.create("http://docker:41234/docs"), requested.get(0));
    }

    @Test
    void aRemoteHostNetworkPortThatAnswersThereIsNotTakenForever() {
        engine.host = "tcp://docker:2375";
        portsInUse.add(FREE_PORT);
        recordBuild(GUIDE_CMD, 80);
        ContainerLaunch launch = ContainerLaunch.plan(
                settings(SmokeNetwork.HOST, List.of()),
                new SmokeTarget("hello:1.0", "sha256:built", "sha256:built", GUIDE_CMD, 80),
                ProbeHost.choose(null, engine.host),
                ports,
                MavenHints.INSTANCE,
                buildLog);
        assertEquals(FREE_PORT, launch.port());
        assertEquals(2 * ContainerLaunch.REMOTE_PORT_TRIES, portsAsked.size(), "bounded: " + portsAsked);
    }

    @Test
    void theImagesOwnCommandOnARemoteHostNetworkIsCheckedAndProbedThere() {
        engine.host = "tcp://docker:2375";
        recordBuild(List.of(), 8080);
        portsInUse.add(8080);
        ConfigurationException e = assertThrows(
                ConfigurationException.class, () -> runner().run(settings(SmokeNetwork.HOST, List.of(DOCS))));
        assertTrue(e.getMessage().startsWith("Port 8080 on docker is in use"), e.getMessage());

        portsInUse.clear();
        SmokeTarget own = new SmokeTarget("hello:1.0", "sha256:built", "sha256:built", null, 8080);
        ContainerLaunch launch = ContainerLaunch.plan(
                settings(SmokeNetwork.HOST, List.of()),
                own,
                ProbeHost.choose(null, engine.host),
                ports,
                MavenHints.INSTANCE,
                buildLog);
        assertEquals(
                "On the host network your image's own command must listen on port 8080 where docker reaches it"
                        + " (docker itself, or 0.0.0.0): set <port> (fastapi.port) to the port your CMD uses."
                        + " The probes go to docker, the host of the engine at tcp://docker:2375: if this machine"
                        + " reaches its ports under another name or address, set <smokeHost> (fastapi.smoke.host).",
                launch.hint());
        assertTrue(
                log.contains("INFO The image's own command decides its bind address: on the host network a server"
                        + " on 0.0.0.0 is reachable from other machines while the smoke test runs (the plugin probes"
                        + " docker)"),
                String.join("\n", log));
    }

    /** Nothing answers at the engine's host: the message names the URL tried and the setting that moves it. */
    @Test
    void noAnswerAtTheEnginesHostSaysWhereItProbedAndHowToChangeIt() {
        engine.host = "tcp://docker:2375";
        recordBuild(GUIDE_CMD, 80);
        answers.clear();
        SmokeFailedException e = assertThrows(SmokeFailedException.class, () -> runner().run(guideSettings()
                .network(SmokeNetwork.BRIDGE)
                .probes(List.of(DOCS))
                .timeout(java.time.Duration.ofMillis(300))
                .build(MavenHints.INSTANCE)));
        assertTrue(
                e.getMessage().startsWith("No answer from GET http://docker:49153/docs within 0.3 s"), e.getMessage());
        assertTrue(
                e.getMessage()
                        .contains("The probes go to docker, the host of the engine at tcp://docker:2375: if this"
                                + " machine reaches its ports under another name or address, set <smokeHost>"
                                + " (fastapi.smoke.host)."),
                e.getMessage());
        assertTrue(engine.containers.isEmpty(), "removed whatever happened");
    }

    @Test
    void theSettingWinsOverTheEnginesHost() throws IOException {
        engine.host = GENERATED_LOOPBACK_ENGINE;
        recordBuild(GUIDE_CMD, 80);
        runner().run(settingsWithHost(SmokeNetwork.HOST, "127.0.0.4"));

        assertEquals("127.0.0.4", engine.created.get(0).command().get(6));
        assertEquals(URI.create("http://127.0.0.4:41234/docs"), requested.get(0));
        assertTrue(
                log.contains("INFO Probing http://127.0.0.4:41234 (from <smokeHost> (fastapi.smoke.host))"),
                String.join("\n", log));
        assertEquals("127.0.0.4", report().get("host").asText());
    }

    @Test
    void anIpv6EngineIsProbedInBrackets() throws IOException {
        engine.host = "tcp://[::1]:2375";
        recordBuild(GUIDE_CMD, 80);
        runner().run(settings(SmokeNetwork.BRIDGE, List.of(DOCS)));

        assertEquals("::1", engine.created.get(0).hostIp());
        assertEquals(URI.create("http://[::1]:41234/docs"), requested.get(0));
        assertEquals("http://[::1]:41234", report().get("url").asText());
    }

    /** Where it was probed decides the verdict too: a pass on one host does not stand for another. */
    @Test
    void aPassOnOneHostIsNotTakenForAnother() {
        engine.host = GENERATED_LOOPBACK_ENGINE;
        recordBuild(GUIDE_CMD, 80);
        runner().runUnlessPassed(settings(SmokeNetwork.HOST, List.of(DOCS)));
        assertTrue(runner().runUnlessPassed(settings(SmokeNetwork.HOST, List.of(DOCS)))
                .isEmpty());
        assertTrue(runner().runUnlessPassed(settingsWithHost(SmokeNetwork.HOST, "127.0.0.4"))
                .isPresent());
    }
}
