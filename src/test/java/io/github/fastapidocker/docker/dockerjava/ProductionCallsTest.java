package io.github.fastapidocker.docker.dockerjava;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.fastapidocker.docker.DockerEngine.ContainerSpec;
import io.github.fastapidocker.docker.DockerEngine.ContainerState;
import io.github.fastapidocker.docker.DockerEngine.ExecResult;
import io.github.fastapidocker.docker.DockerEngine.Health;
import io.github.fastapidocker.docker.DockerEngine.ImageInfo;
import io.github.fastapidocker.docker.EngineException;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What a production image needs of the adapter (answers recorded from Docker Engine 20.10 with
 * {@code PARTS=production scripts/record-engine-responses.sh}): the image's user, health check and
 * repo digests, a command run in the container, and the container's health.
 */
class ProductionCallsTest {
    private static final String CONTAINER = "2960605b6ac718545d1bca08d1141a542afba54a6e359fc0596b9333311e4bf0";
    private static final String EXEC = "cbfbe4044664301a71ac3e3ba4933d28e25a3bcb9818faf9b4243cfee3aa4fee";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ReplayingHttpClient http = new ReplayingHttpClient();
    private final DockerJavaEngine engine =
            new DockerJavaEngine(http, "unix:///var/run/docker.sock", "the test", "Point the test elsewhere");

    @Test
    void anImageTellsItsUserAndHealthCheck() {
        http.answer("image-inspect-production", "image-inspect");
        ImageInfo image = engine.inspectImage("fastapi-rec-6080:prod").orElseThrow();
        assertEquals("10001:10001", image.user());
        assertEquals(
                List.of("CMD", "sh", "-c", "echo checking /tmp/healthy; test -e /tmp/healthy"), image.healthcheck());
        assertTrue(image.hasHealthcheck());
        assertEquals(List.of(), image.repoDigests(), "built here: no registry has it");

        ImageInfo plain = engine.inspectImage("fastapi-rec-21399:1.0").orElseThrow();
        assertEquals("", plain.user());
        assertFalse(plain.hasHealthcheck());
    }

    @Test
    void aPushedImageHasARepoDigest() {
        http.answer("image-inspect-pushed");
        assertEquals(
                List.of(
                        "127.0.0.1:5555/fastapi-rec-6080@sha256:3a89b2d235aa9b4e24748f26297aecff3d22b0c8c6e079f4d60fb9380abbb382"),
                engine.inspectImage("fastapi-rec-6080:prod").orElseThrow().repoDigests());
    }

    @Test
    void healthDisabledIsNoHealthCheck() {
        assertFalse(
                new ImageInfo("sha256:x", List.of(), 1, List.of(), List.of(), "", List.of("NONE")).hasHealthcheck());
    }

    @Test
    void theHealthStates() {
        http.answer(
                "container-inspect-starting",
                "container-inspect-healthy",
                "container-inspect-unhealthy",
                "container-inspect-running");
        Health starting = engine.inspectContainer(CONTAINER).orElseThrow().health();
        assertEquals("starting", starting.status());
        assertEquals(List.of(), starting.log());

        Health healthy = engine.inspectContainer(CONTAINER).orElseThrow().health();
        assertEquals("healthy", healthy.status());
        assertEquals(0, healthy.failingStreak());
        assertEquals(0, healthy.log().get(healthy.log().size() - 1).exitCode());

        Health unhealthy = engine.inspectContainer(CONTAINER).orElseThrow().health();
        assertEquals("unhealthy", unhealthy.status());
        assertEquals(3, unhealthy.failingStreak());
        assertEquals(1, unhealthy.log().get(unhealthy.log().size() - 1).exitCode());
        assertEquals(
                "checking /tmp/healthy\n",
                unhealthy.log().get(unhealthy.log().size() - 1).output());

        ContainerState none = engine.inspectContainer(CONTAINER).orElseThrow();
        assertNull(none.health(), "no health check, no health");
    }

    @Test
    void aShorterHealthIntervalIsTheOnlyHealthSettingSent() throws IOException {
        http.answer("container-create");
        engine.createContainer(new ContainerSpec(
                "team/app:1.0", null, Map.of(), "host", null, null, null, Map.of(), Duration.ofMillis(500)));
        JsonNode body = JSON.readTree(http.last().body());
        assertEquals("{\"Interval\":500000000}", body.path("Healthcheck").toString());

        http.answer("container-create");
        engine.createContainer(new ContainerSpec("team/app:1.0", null, Map.of(), "host", null, null, null, Map.of()));
        assertTrue(JSON.readTree(http.last().body()).path("Healthcheck").isMissingNode());
    }

    @Test
    void execRunsTheCommandAndReadsItsOutputAndExitCode() throws IOException {
        http.answer("exec-create", "exec-start", "exec-inspect");
        ExecResult result = engine.exec(CONTAINER, List.of("cat", "/proc/1/status"));
        assertEquals(0, result.exitCode());
        assertTrue(result.output().startsWith("Name:\tsleep\n"), result.output());
        assertTrue(result.output().contains("\nUid:\t10001\t10001\t10001\t10001\n"), result.output());

        List<ReplayingHttpClient.Sent> sent = http.sent;
        assertEquals("/containers/" + CONTAINER + "/exec", sent.get(0).path());
        JsonNode create = JSON.readTree(sent.get(0).body());
        assertEquals("[\"cat\",\"/proc/1/status\"]", create.path("Cmd").toString());
        assertTrue(create.path("AttachStdout").asBoolean());
        assertEquals("/exec/" + EXEC + "/start", sent.get(1).path());
        assertFalse(JSON.readTree(sent.get(1).body()).path("Detach").asBoolean(true));
        assertEquals("/exec/" + EXEC + "/json", sent.get(2).path());
    }

    @Test
    void aMissingProgramIsExitCode126WithTheRuntimesWords() {
        http.answer("exec-create", "exec-start-missing", "exec-inspect-missing");
        ExecResult result = engine.exec(CONTAINER, List.of("no-such-program"));
        assertEquals(126, result.exitCode());
        assertTrue(result.output().contains("executable file not found"), result.output());
    }

    @Test
    void execInAStoppedContainerIsRefusedWith409() {
        http.answer("exec-create-409");
        EngineException e =
                assertThrows(EngineException.class, () -> engine.exec(CONTAINER, List.of("cat", "/proc/1/status")));
        assertEquals(409, e.status());
        assertTrue(e.getMessage().contains("is not running"), e.getMessage());
    }
}
