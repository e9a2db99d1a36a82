package io.github.fastapidocker.docker.dockerjava;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.fastapidocker.docker.BuildFailedException;
import io.github.fastapidocker.docker.DockerEngine.BuildRequest;
import io.github.fastapidocker.docker.DockerEngine.ContainerSpec;
import io.github.fastapidocker.docker.DockerEngine.ContainerState;
import io.github.fastapidocker.docker.DockerEngine.ImageInfo;
import io.github.fastapidocker.docker.DockerEngine.PushEvent;
import io.github.fastapidocker.docker.DockerEngine.RegistryAuth;
import io.github.fastapidocker.docker.EngineException;
import io.github.fastapidocker.docker.EngineIdentity;
import io.github.fastapidocker.docker.EngineUnavailableException;
import io.github.fastapidocker.docker.PushFailedException;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The adapter against answers recorded from a real Docker Engine 20.10 (src/test/resources/engine). */
class DockerJavaEngineTest {
    private static final String HOST = "unix:///var/run/docker.sock";
    private static final String SOURCE = "the test";
    private static final String HINT = "Point the test elsewhere";
    private static final String CONTAINER = "596169d0030be652b036f0f934e9bb4d4605351884cb06e0a989468ede37b51e";
    private static final String DIGEST = "sha256:c4118a4be23a98bc867d5043d1f2017ee501705ddd22855c3790652a78c22341";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private final ReplayingHttpClient http = new ReplayingHttpClient();
    private final DockerJavaEngine engine = new DockerJavaEngine(http, HOST, SOURCE, HINT);

    private static String decoded(String path) {
        return URLDecoder.decode(path, StandardCharsets.UTF_8);
    }

    // --- transport and errors ---

    @Test
    void pingAnswered() {
        http.answer("ping");
        engine.ping();
        assertEquals("GET", http.last().method());
        assertEquals("/_ping", http.last().path());
    }

    @Test
    void thePingSaysWhichEngineItIs() {
        http.answer("ping");
        engine.ping();
        assertEquals("Docker Engine 20.10.24+dfsg1, API 1.41", engine.identity().toString());
        assertEquals("Docker Engine 20.10.24+dfsg1, API 1.41", engine.identity().toString());
        assertEquals(1, http.sent.size(), "the ping's headers say it: no call of its own");
    }

    @Test
    void anEngineWhosePingDoesNotSayIsAskedItsVersionOnce() {
        http.answer(ReplayingHttpClient.response(
                200, Map.of(), new java.io.ByteArrayInputStream("OK".getBytes(StandardCharsets.UTF_8))));
        http.answer("version");
        engine.ping();
        assertEquals(new EngineIdentity(EngineIdentity.DOCKER, "20.10.24+dfsg1", "1.41"), engine.identity());
        assertEquals("/version", http.last().path());
        engine.identity();
        assertEquals(2, http.sent.size());
    }

    @Test
    void anEngineThatDoesNotSayAtAllIsUnknownAndThatIsNoFailure() {
        http.answer(ReplayingHttpClient.response(
                404,
                Map.of(),
                new java.io.ByteArrayInputStream("{\"message\":\"page not found\"}".getBytes(StandardCharsets.UTF_8))));
        assertEquals(EngineIdentity.UNKNOWN, engine.identity());
        assertEquals("unknown engine", engine.identity().toString());
        assertEquals(1, http.sent.size(), "asked once");
    }

    @Test
    void otherPingHeadersSayNothing() {
        assertEquals(Optional.empty(), EngineIdentification.fromPing("nginx/1.25", "1.41"));
        assertEquals(Optional.empty(), EngineIdentification.fromPing(null, null));
        assertEquals(
                Optional.of(new EngineIdentity(EngineIdentity.DOCKER, "29.0.1", null)),
                EngineIdentification.fromPing("Docker/29.0.1 (linux)", ""));
    }

    @Test
    void anEngineThatCannotBeReachedIsNamedWithWhereTheHostCameFrom() {
        http.fail(new RuntimeException(new ConnectException("Connection refused")));
        EngineUnavailableException e = assertThrows(EngineUnavailableException.class, engine::ping);
        assertEquals(
                "Cannot reach the Docker engine at " + HOST + " (from " + SOURCE
                        + "): Connection refused (ConnectException). " + HINT,
                e.getMessage());
        assertEquals(0, e.status());
    }

    @Test
    void aConnectionFailureOnAnyCallIsUnavailable() {
        http.fail(new RuntimeException(new ConnectException("Connection refused")));
        EngineUnavailableException e =
                assertThrows(EngineUnavailableException.class, () -> engine.inspectContainer(CONTAINER));
        assertEquals(
                "Cannot inspect container 596169d0030b on the Docker engine at " + HOST + " (from " + SOURCE
                        + "): Connection refused (ConnectException). " + HINT,
                e.getMessage());
    }

    @Test
    void aStreamThatBreaksOffIsUnavailable() throws IOException {
        InputStream broken = new InputStream() {
            private final byte[] start = "{\"stream\":\"Step 1/5 : FROM x\"}\n{\"str".getBytes(StandardCharsets.UTF_8);
            private int at;

            @Override
            public int read() throws IOException {
                if (at < start.length) {
                    return start[at++];
                }
                throw new IOException("Connection reset");
            }
        };
        http.answer(ReplayingHttpClient.response(200, Map.of(), broken));
        List<String> output = new ArrayList<>();
        EngineUnavailableException e =
                assertThrows(EngineUnavailableException.class, () -> engine.build(buildRequest(), output::add));
        assertTrue(e.getMessage().startsWith("Cannot build on the Docker engine at " + HOST), e.getMessage());
        assertTrue(e.getMessage().contains("Connection reset"), e.getMessage());
        assertEquals(List.of("Step 1/5 : FROM x"), output);
    }

    @Test
    void aRefusalCarriesTheStatusAndTheEnginesMessage() {
        http.answer("tag-404");
        EngineException e =
                assertThrows(EngineException.class, () -> engine.tag("fastapi-rec-21399:missing", "r/app", "1.0"));
        assertEquals(404, e.status());
        assertEquals("No such image: fastapi-rec-21399:missing", e.engineMessage());
        assertEquals("The engine refused to tag r/app:1.0: No such image: fastapi-rec-21399:missing", e.getMessage());
        assertFalse(e instanceof EngineUnavailableException);
    }

    @Test
    void aBodyThatIsNotJsonIsTheMessage() {
        http.answer(ReplayingHttpClient.response(
                500, Map.of(), new java.io.ByteArrayInputStream("page not found\n".getBytes(StandardCharsets.UTF_8))));
        EngineException e = assertThrows(EngineException.class, () -> engine.removeContainer(CONTAINER));
        assertEquals(500, e.status());
        assertEquals("The engine refused to remove container 596169d0030b: page not found", e.getMessage());
    }

    @Test
    void anEngineThatWantsTlsSaysHowToTurnItOn() {
        // What an engine listening with TLS answers a plain request (Go's HTTP server, text/plain).
        http.answer(ReplayingHttpClient.response(
                400,
                Map.of(),
                new java.io.ByteArrayInputStream(
                        "Client sent an HTTP request to an HTTPS server.\n".getBytes(StandardCharsets.UTF_8))));
        EngineUnavailableException e = assertThrows(EngineUnavailableException.class, engine::ping);
        assertEquals(
                "The Docker engine at " + HOST + " (from " + SOURCE + ") wants TLS: it answered \"Client sent an HTTP"
                        + " request to an HTTPS server\". Set DOCKER_TLS_VERIFY=1 and DOCKER_CERT_PATH to the"
                        + " directory that holds its client certificates (ca.pem, cert.pem and key.pem)",
                e.getMessage());
        assertEquals(400, e.status());
    }

    @Test
    void aMissingCertPathSaysSoOnceAndHowToFixIt() {
        String message = EngineErrors.configurationProblem(
                "Enabled TLS verification (DOCKER_TLS_VERIFY=1) but certificate path (DOCKER_CERT_PATH) '/x'"
                        + " doesn't exist.",
                SOURCE,
                HINT);
        assertEquals(
                "Cannot configure the Docker engine connection (from " + SOURCE + "): the DOCKER_CERT_PATH directory"
                        + " '/x' does not exist (DOCKER_TLS_VERIFY=1 asks for TLS with the certificates there). Unset"
                        + " DOCKER_CERT_PATH and DOCKER_TLS_VERIFY, or point DOCKER_CERT_PATH at the directory that"
                        + " holds ca.pem, cert.pem and key.pem",
                message);
        assertFalse(message.contains(".."), message);
        assertFalse(message.contains("Start the Docker engine"), message);
    }

    @Test
    void anUnsetCertPathWithTlsVerifySaysWhatToSet() {
        String message = EngineErrors.configurationProblem(
                "Enabled TLS verification (DOCKER_TLS_VERIFY=1) but certificate path (DOCKER_CERT_PATH) is not"
                        + " defined.",
                SOURCE,
                HINT);
        assertTrue(message.contains("DOCKER_CERT_PATH is not set"), message);
        assertFalse(message.contains(".."), message);
        assertFalse(message.contains(HINT), message);
    }

    @Test
    void otherConfigurationProblemsEndWithTheHintAndOnePeriod() {
        assertEquals(
                "Cannot configure the Docker engine connection (from " + SOURCE + "): bad host. " + HINT,
                EngineErrors.configurationProblem("bad host.", SOURCE, HINT));
    }

    // --- images ---

    private BuildRequest buildRequest() throws IOException {
        Path tar = dir.resolve("context.tar");
        Files.write(tar, new byte[] {1, 2, 3, 4});
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("fastapi-rec", "x");
        return new BuildRequest(
                tar,
                List.of("team/app:1.0", "team/app:latest"),
                Map.of("PIP_INDEX", "a b"),
                labels,
                "host",
                true,
                false);
    }

    @Test
    void buildSendsTheContextAndReadsTheStream() throws IOException {
        http.answer("build-ok");
        List<String> output = new ArrayList<>();
        String id = engine.build(buildRequest(), output::add);

        assertEquals("sha256:04cccff8a6cd58dce81fa2eebc8131be70a34565b1e593aadf0aa4fff48415dc", id);
        assertEquals("Step 1/5 : FROM fastapi-docker-test/python:3.13", output.get(0));
        assertTrue(output.contains("built-by-the-recorder\n"), output.toString());
        assertEquals("Successfully tagged fastapi-rec-21399:1.0\n", output.get(output.size() - 1));

        ReplayingHttpClient.Sent sent = http.last();
        assertEquals("POST", sent.method());
        assertEquals("application/x-tar", sent.headers().get("Content-Type"));
        assertEquals(
                List.of((byte) 1, (byte) 2, (byte) 3, (byte) 4),
                List.of(sent.body()[0], sent.body()[1], sent.body()[2], sent.body()[3]));
        String path = decoded(sent.path());
        assertTrue(path.startsWith("/build?rm=1&forcerm=1&t=team/app:1.0&t=team/app:latest&nocache=1"), path);
        assertFalse(path.contains("pull"), path);
        assertTrue(path.contains("&labels={\"fastapi-rec\":\"x\"}"), path);
        assertTrue(path.contains("&buildargs={\"PIP_INDEX\":\"a b\"}"), path);
        assertTrue(path.endsWith("&networkmode=host"), path);
    }

    @Test
    void withoutAnAuxIdTheSuccessLineNamesTheImage() throws IOException {
        String stream = "{\"stream\":\"Step 1/1 : FROM x\\n\"}\n{\"stream\":\"Successfully built 04cccff8a6cd\\n\"}\n";
        http.answer(ReplayingHttpClient.response(
                200, Map.of(), new java.io.ByteArrayInputStream(stream.getBytes(StandardCharsets.UTF_8))));
        assertEquals("04cccff8a6cd", engine.build(buildRequest(), s -> {}));
    }

    @Test
    void aFailingRunStepIsTheEnginesError() throws IOException {
        http.answer("build-failing-run");
        List<String> output = new ArrayList<>();
        BuildFailedException e =
                assertThrows(BuildFailedException.class, () -> engine.build(buildRequest(), output::add));
        assertEquals(
                "The command '/bin/sh -c echo about to fail && exit 3' returned a non-zero code: 3", e.getMessage());
        assertEquals(0, e.status());
        assertTrue(output.contains("about to fail\n"), output.toString());
    }

    @Test
    void aDockerfileTheEngineCannotParseIsRefusedWith400() throws IOException {
        http.answer("build-bad-dockerfile");
        BuildFailedException e = assertThrows(BuildFailedException.class, () -> engine.build(buildRequest(), s -> {}));
        assertEquals(400, e.status());
        assertEquals("dockerfile parse error line 2: unknown instruction: NOPE", e.getMessage());
    }

    @Test
    void inspectImage() {
        http.answer("image-inspect", "image-inspect-404");
        ImageInfo image = engine.inspectImage("fastapi-rec-21399:1.0").orElseThrow();
        assertEquals("sha256:04cccff8a6cd58dce81fa2eebc8131be70a34565b1e593aadf0aa4fff48415dc", image.id());
        assertEquals(List.of("fastapi-rec-21399:1.0"), image.repoTags());
        assertTrue(image.size() > 0);
        assertFalse(image.layers().isEmpty());
        assertEquals("/images/fastapi-rec-21399%3A1.0/json", http.last().path());
        assertEquals(Optional.empty(), engine.inspectImage("fastapi-rec-21399:missing"));
    }

    @Test
    void tag() {
        http.answer("tag");
        engine.tag("sha256:04cc", "127.0.0.1:5555/team/app", "1.0");
        assertEquals("POST", http.last().method());
        assertEquals(
                "/images/sha256:04cc/tag?repo=127.0.0.1:5555/team/app&tag=1.0&force=1",
                decoded(http.last().path()));
    }

    // --- containers ---

    @Test
    void createSendsOurSpec() throws IOException {
        http.answer("container-create");
        Map<String, String> env = new LinkedHashMap<>();
        env.put("A", "1");
        env.put("B", "x=y");
        String id = engine.createContainer(new ContainerSpec(
                "team/app:1.0", List.of("fastapi", "run"), Map.of("l", "v"), "host", 80, 18080, "127.0.0.1", env));
        assertEquals(CONTAINER, id);
        assertEquals("/containers/create", http.last().path());
        assertEquals("application/json", http.last().headers().get("Content-Type"));
        JsonNode body = JSON.readTree(http.last().body());
        assertEquals("team/app:1.0", body.path("Image").asText());
        assertEquals("[\"fastapi\",\"run\"]", body.path("Cmd").toString());
        assertEquals("[\"A=1\",\"B=x=y\"]", body.path("Env").toString());
        assertEquals("{\"l\":\"v\"}", body.path("Labels").toString());
        assertEquals("{\"80/tcp\":{}}", body.path("ExposedPorts").toString());
        JsonNode host = body.path("HostConfig");
        assertEquals("host", host.path("NetworkMode").asText());
        assertEquals(
                "{\"80/tcp\":[{\"HostIp\":\"127.0.0.1\",\"HostPort\":\"18080\"}]}",
                host.path("PortBindings").toString());
        assertFalse(host.path("Init").asBoolean(true));
    }

    /** A remote engine picks the host port itself and publishes on every interface of its host. */
    @Test
    void createLeavesAnUnsetHostPortAndAddressToTheEngine() throws IOException {
        http.answer("container-create");
        engine.createContainer(new ContainerSpec("team/app:1.0", null, Map.of(), "bridge", 80, null, null, Map.of()));
        JsonNode body = JSON.readTree(http.last().body());
        assertEquals("{\"80/tcp\":{}}", body.path("ExposedPorts").toString());
        assertEquals(
                "{\"80/tcp\":[{\"HostIp\":\"\",\"HostPort\":\"\"}]}",
                body.path("HostConfig").path("PortBindings").toString());
    }

    @Test
    void createFromAMissingImageIsRefused() {
        http.answer("container-create-404");
        EngineException e = assertThrows(
                EngineException.class,
                () -> engine.createContainer(
                        new ContainerSpec("x:missing", null, Map.of(), null, null, null, null, null)));
        assertEquals(404, e.status());
        assertEquals(
                "The engine refused to create a container from x:missing: No such image: fastapi-rec-21399:missing",
                e.getMessage());
    }

    @Test
    void startAndStartAgain() {
        http.answer("container-start", "container-start-again");
        engine.startContainer(CONTAINER);
        assertEquals("/containers/" + CONTAINER + "/start", http.last().path());
        engine.startContainer(CONTAINER);
    }

    @Test
    void inspectReadsTheState() {
        http.answer("container-inspect-running", "container-inspect-exited", "container-inspect-404");
        assertEquals(Optional.of(new ContainerState(true, 0, false, "running")), engine.inspectContainer(CONTAINER));
        assertEquals(Optional.of(new ContainerState(false, 137, false, "exited")), engine.inspectContainer(CONTAINER));
        assertEquals(Optional.empty(), engine.inspectContainer(CONTAINER));
    }

    @Test
    void publishedPortFromTheSameInspect() {
        http.answer("container-inspect-with-ports", "container-inspect-running", "container-inspect-404");
        assertEquals(Optional.of(18080), engine.publishedPort(CONTAINER, 80));
        assertEquals("/containers/" + CONTAINER + "/json", http.last().path());
        // On the host network (or with --bridge=none) the engine publishes nothing.
        assertEquals(Optional.empty(), engine.publishedPort(CONTAINER, 80));
        assertEquals(Optional.empty(), engine.publishedPort(CONTAINER, 80));
    }

    @Test
    void logsAreDemultiplexed() {
        http.answer("container-logs", "container-logs-tty", "container-logs-404");
        assertEquals("to-stderr\nto-stdout\nsecond line\n", engine.logs(CONTAINER, 50));
        assertEquals(
                "/containers/" + CONTAINER + "/logs?stdout=1&stderr=1&tail=50",
                http.last().path());
        assertEquals("tty-line-1\r\ntty-line-2\r\n", engine.logs(CONTAINER, 50), "a TTY container's stream is raw");
        assertEquals("", engine.logs(CONTAINER, 50));
    }

    @Test
    void stopWhenRunningStoppedOrGone() {
        http.answer("container-stop", "container-stop-again", "container-stop-404");
        engine.stopContainer(CONTAINER, 3);
        assertEquals("/containers/" + CONTAINER + "/stop?t=3", http.last().path());
        engine.stopContainer(CONTAINER, 3);
        engine.stopContainer(CONTAINER, 3);
    }

    @Test
    void removeWhenThereGoneOrAlreadyBeingRemoved() {
        http.answer("container-remove", "container-remove-404", "container-remove-409");
        engine.removeContainer(CONTAINER);
        assertEquals("DELETE", http.last().method());
        assertEquals("/containers/" + CONTAINER + "?force=1&v=1", http.last().path());
        engine.removeContainer(CONTAINER);
        engine.removeContainer(CONTAINER);
    }

    @Test
    void containersWithLabels() {
        http.answer("containers-list");
        assertEquals(List.of(CONTAINER), engine.containersWithLabels(Map.of("fastapi-rec", "fastapi-rec-21399")));
        assertEquals(
                "/containers/json?all=1&filters={\"label\":[\"fastapi-rec=fastapi-rec-21399\"]}",
                decoded(http.last().path()));
    }

    @Test
    void labelledContainersCarryAllTheirLabels() {
        http.answer("containers-list");
        assertEquals(
                Map.of(
                        CONTAINER,
                        Map.of(
                                "fastapi-rec",
                                "fastapi-rec-21399",
                                "org.fastapi-docker-test.recipe",
                                "1322e931b0fe89c3")),
                engine.labelledContainers(Map.of("fastapi-rec", "fastapi-rec-21399")));
    }

    // --- push ---

    private static JsonNode authOf(ReplayingHttpClient.Sent sent) throws IOException {
        return JSON.readTree(Base64.getUrlDecoder().decode(sent.headers().get("X-Registry-Auth")));
    }

    @Test
    void pushReadsTheDigestAndTheProgress() throws IOException {
        http.answer("push-ok");
        List<PushEvent> events = new ArrayList<>();
        String digest = engine.push(
                "127.0.0.1:5555/team/app",
                "1.0",
                new RegistryAuth("127.0.0.1:5555", "fastapi-test", "pw", null),
                events::add);
        assertEquals(DIGEST, digest);
        assertEquals(
                "/images/127.0.0.1:5555/team/app/push?tag=1.0",
                decoded(http.last().path()));
        assertEquals(
                "{\"username\":\"fastapi-test\",\"password\":\"pw\",\"serveraddress\":\"127.0.0.1:5555\"}",
                authOf(http.last()).toString());
        assertTrue(
                events.contains(new PushEvent("b6c353cbce3d", "Mounted from fastapi-it-20261201134216/push-settings")),
                events.toString());
        assertEquals(
                new PushEvent(null, "The push refers to repository [127.0.0.1:5555/fastapi-rec-21399]"), events.get(0));
    }

    @Test
    void withoutAnAuxDigestTheStatusLineHasIt() {
        http.answer("push-ok-no-aux", "push-again");
        assertEquals(DIGEST, engine.push("r/app", "1.0", null, e -> {}));
        List<PushEvent> events = new ArrayList<>();
        assertEquals(DIGEST, engine.push("r/app", "1.0", null, events::add));
        assertTrue(events.contains(new PushEvent("b6c353cbce3d", "Layer already exists")), events.toString());
    }

    @Test
    void aWrongPasswordIsARefusedLogin() {
        http.answer("push-wrong-password");
        PushFailedException e = assertThrows(
                PushFailedException.class,
                () -> engine.push("r/app", "1.0", new RegistryAuth("127.0.0.1:5555", "u", "wrong", null), x -> {}));
        assertTrue(e.unauthorized());
        assertEquals("unauthorized: authentication required", e.getMessage());
    }

    @Test
    void anAnonymousPushSendsAnEmptyLoginAndIsRefused() throws IOException {
        http.answer("push-anonymous");
        PushFailedException e =
                assertThrows(PushFailedException.class, () -> engine.push("r/app", "1.0", null, x -> {}));
        assertEquals("{}", authOf(http.last()).toString());
        assertTrue(e.unauthorized());
        assertEquals("no basic auth credentials", e.getMessage());
    }

    @Test
    void anIdentityTokenIsSentAsOne() throws IOException {
        http.answer("push-ok");
        engine.push("r/app", "1.0", new RegistryAuth("r", null, null, "refresh-1"), x -> {});
        assertEquals(
                "{\"identitytoken\":\"refresh-1\",\"serveraddress\":\"r\"}",
                authOf(http.last()).toString());
    }

    @Test
    void otherPushFailuresAreNotRefusals() {
        http.answer("push-404", "push-registry-down");
        PushFailedException missing =
                assertThrows(PushFailedException.class, () -> engine.push("r/app", "missing", null, x -> {}));
        assertFalse(missing.unauthorized());
        assertEquals("tag does not exist: 127.0.0.1:5555/fastapi-rec-21399:missing", missing.getMessage());
        PushFailedException down =
                assertThrows(PushFailedException.class, () -> engine.push("r/app", "1.0", null, x -> {}));
        assertFalse(down.unauthorized());
        assertTrue(down.getMessage().endsWith("connect: connection refused"), down.getMessage());
    }

    @Test
    void aPushTheEngineRefusesWith401IsARefusal() {
        http.answer(ReplayingHttpClient.response(
                401,
                Map.of(),
                new java.io.ByteArrayInputStream("{\"message\":\"login needed\"}".getBytes(StandardCharsets.UTF_8))));
        PushFailedException e =
                assertThrows(PushFailedException.class, () -> engine.push("r/app", "1.0", null, x -> {}));
        assertTrue(e.unauthorized());
        assertEquals(401, e.status());
        assertEquals("login needed", e.getMessage());
    }

    @Test
    void refusedLoginsAreRecognised() {
        // What distribution, the engine and Docker Hub say (seen in the push stream).
        assertTrue(PushCall.isUnauthorized("unauthorized: authentication required"));
        assertTrue(PushCall.isUnauthorized("no basic auth credentials"));
        assertTrue(PushCall.isUnauthorized("denied: requested access to the resource is denied"));
        assertTrue(PushCall.isUnauthorized("received unexpected HTTP status: 401 Unauthorized"));
    }

    @Test
    void otherFailuresAreNot() {
        assertFalse(PushCall.isUnauthorized(
                "Get \"http://127.0.0.1:5599/v2/\": dial tcp 127.0.0.1:5599: connect: connection refused"));
        assertFalse(PushCall.isUnauthorized("Get \"http://127.0.0.1:4010/v2/\": connection refused"));
        assertFalse(PushCall.isUnauthorized("dial tcp 10.0.0.401:5000: i/o timeout"));
        assertFalse(PushCall.isUnauthorized("received unexpected HTTP status: 503 Service Unavailable"));
        // Decided on the registry's error code, not on a word somewhere in the message.
        assertFalse(PushCall.isUnauthorized("blob upload unknown: the repository name 'denied' is unknown"));
        assertFalse(PushCall.isUnauthorized("manifest invalid: unauthorized-looking tag"));
    }

    @Test
    void closeClosesTheTransport() {
        engine.close();
        assertTrue(http.closed);
    }

    @Test
    void localSocketsNeedNoTls() {
        assertTrue(HttpClientSetup.isLocalSocket(java.net.URI.create("unix:///var/run/docker.sock")));
        assertTrue(HttpClientSetup.isLocalSocket(java.net.URI.create("npipe:////./pipe/docker_engine")));
        assertFalse(HttpClientSetup.isLocalSocket(java.net.URI.create("tcp://127.0.0.1:2376")));
    }
}
