package io.github.fastapidocker.docker.dockerjava;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.fastapidocker.docker.DockerEngine.PushEvent;
import io.github.fastapidocker.docker.DockerEngine.RegistryAuth;
import io.github.fastapidocker.docker.EngineIdentity;
import io.github.fastapidocker.docker.ImageReference;
import io.github.fastapidocker.docker.PushFailedException;
import io.github.fastapidocker.docker.PushFailedException.Reason;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The adapter against answers recorded from Podman 4.3.1's Docker-compatible service
 * (src/test/resources/engine/podman-4.3.1, {@code SOCK=... OUT=... scripts/record-engine-responses.sh}).
 */
class PodmanAnswersTest {
    private static final String PODMAN = "podman-4.3.1/";
    private static final String DIGEST = "sha256:8164e19d1608fb931f433d82cbdf2dbc3ffeb6f8d8d4317685fff3cb82e67232";

    private final ReplayingHttpClient http = new ReplayingHttpClient();
    private final DockerJavaEngine engine =
            new DockerJavaEngine(http, "unix:///tmp/podman.sock", "the test", "Point the test elsewhere");

    private void answer(String... recordings) {
        for (String recording : recordings) {
            http.answer(PODMAN + recording);
        }
    }

    @Test
    void thePingSaysItIsPodmanAtNoCostOfItsOwn() {
        answer("ping");
        engine.ping();
        assertEquals(new EngineIdentity(EngineIdentity.PODMAN, "4.3.1", "1.41"), engine.identity());
        assertEquals("Podman Engine 4.3.1, API 1.41", engine.identity().toString());
        assertEquals(1, http.sent.size(), "no GET /version: it costs Podman about 0.5 s");
    }

    @Test
    void itsVersionSaysTheSame() {
        answer("version");
        assertEquals("Podman Engine 4.3.1, API 1.41", engine.identity().toString());
        assertEquals("/version", http.last().path());
    }

    @Test
    void pushSendsNoAuxDigestAndNoLayerEvents() {
        answer("push-ok", "push-again");
        for (int i = 0; i < 2; i++) {
            List<PushEvent> events = new ArrayList<>();
            assertEquals(
                    DIGEST,
                    engine.push(
                            "127.0.0.1:5555/fastapi-rec-31845",
                            "1.0",
                            new RegistryAuth("127.0.0.1:5555", "u", "p", null),
                            events::add));
            assertTrue(events.stream().allMatch(e -> e.layer() == null), events.toString());
        }
    }

    /** Podman wraps the registry's error code in its own words: still a refused login, never retried. */
    @Test
    void aWrongPasswordOrNoneIsARefusedLogin() {
        answer("push-wrong-password", "push-anonymous");
        for (int i = 0; i < 2; i++) {
            PushFailedException e =
                    assertThrows(PushFailedException.class, () -> engine.push("r/app", "1.0", null, x -> {}));
            assertEquals(Reason.REFUSED_LOGIN, e.reason());
            assertTrue(e.getMessage().endsWith(": unauthorized: authentication required"), e.getMessage());
        }
    }

    /** The registry under a name registries.conf does not mark insecure: Podman speaks HTTPS to it. */
    @Test
    void aPlainHttpRegistryIsTheEnginesConfiguration() {
        answer("push-plain-http");
        PushFailedException e =
                assertThrows(PushFailedException.class, () -> engine.push("localhost:5555/app", "1.0", null, x -> {}));
        assertEquals(Reason.PLAIN_HTTP_REGISTRY, e.reason());
        assertTrue(e.getMessage().endsWith("http: server gave HTTP response to HTTPS client"), e.getMessage());
    }

    @Test
    void aRegistryThatIsDownMayPassLater() {
        answer("push-registry-down", "push-404");
        PushFailedException down =
                assertThrows(PushFailedException.class, () -> engine.push("127.0.0.1:5599/app", "1.0", null, x -> {}));
        assertEquals(Reason.OTHER, down.reason());
        PushFailedException missing =
                assertThrows(PushFailedException.class, () -> engine.push("r/app", "missing", null, x -> {}));
        assertEquals(404, missing.status());
    }

    /** Podman fails a Dockerfile it cannot parse inside the 200 stream, after the steps before it. */
    @Test
    void aDockerfileTypoIsTheEnginesWordsWithoutItsGoDump() throws java.io.IOException {
        answer("build-bad-dockerfile");
        java.nio.file.Path tar = java.nio.file.Files.createTempFile("context", ".tar");
        try {
            List<String> output = new ArrayList<>();
            var e = assertThrows(
                    io.github.fastapidocker.docker.BuildFailedException.class,
                    () -> engine.build(
                            new io.github.fastapidocker.docker.DockerEngine.BuildRequest(
                                    tar, List.of("x:1"), java.util.Map.of(), java.util.Map.of(), null, false, false),
                            output::add));
            assertEquals("building at STEP \"NOPE \": Build error: Unknown instruction: \"NOPE\"", e.getMessage());
            assertEquals("STEP 2/2: NOPE x\n", output.get(1));
        } finally {
            java.nio.file.Files.delete(tar);
        }
    }

    /** Podman lists a built {@code NAME:TAG} as {@code docker.io/library/NAME:TAG}. */
    @Test
    void theTagsItListsAreOursNormalised() {
        answer("image-inspect");
        List<String> tags =
                engine.inspectImage("fastapi-rec-31845:1.0").orElseThrow().repoTags();
        assertEquals(List.of("docker.io/library/fastapi-rec-31845:1.0"), tags);
        assertTrue(ImageReference.listed(tags, "fastapi-rec-31845:1.0"));
    }
}
