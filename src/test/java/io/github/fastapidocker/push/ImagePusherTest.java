package io.github.fastapidocker.push;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.fastapidocker.auth.RegistryCredentials;
import io.github.fastapidocker.build.BuildRecord;
import io.github.fastapidocker.docker.DockerEngine.PushEvent;
import io.github.fastapidocker.docker.EngineIdentity;
import io.github.fastapidocker.docker.EngineUnavailableException;
import io.github.fastapidocker.docker.ImageReference;
import io.github.fastapidocker.docker.PushFailedException;
import io.github.fastapidocker.kernel.ConfigurationException;
import io.github.fastapidocker.kernel.RecordingLog;
import io.github.fastapidocker.maven.MavenHints;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImagePusherTest {
    private static final String SECRET = "Wr0ng-but-secret-pass";
    private static final String BUILT = "sha256:1111111111111111111111111111111111111111111111111111111111111111";
    private static final String NAME = "127.0.0.1:5555/team/api";

    @TempDir
    Path out;

    private final PushingEngine engine = new PushingEngine();
    private final List<Duration> sleeps = new ArrayList<>();
    private final RecordingLog log = new RecordingLog();
    private final RegistryCredentials login =
            RegistryCredentials.of("ci", SECRET, "settings.xml server '127.0.0.1:5555'");

    @BeforeEach
    void recordBuild() {
        new BuildRecord(BUILT, NAME, List.of("1.0", "latest"), List.of(), 80, null).write(out);
    }

    private PushSettings settings(String... tags) {
        return new PushSettings(ImageReference.parse(NAME, "<image>"), List.of(tags), 2, Duration.ofSeconds(1), out);
    }

    private ImagePusher pusher() {
        return new ImagePusher(engine, log, sleeps::add, MavenHints.INSTANCE);
    }

    @Test
    void pushesEveryTagAndWritesTheDigests() throws IOException {
        engine.image(BUILT, NAME + ":1.0", NAME + ":latest");
        engine.events = List.of(
                new PushEvent(null, "The push refers to repository [" + NAME + "]"),
                new PushEvent("l1", "Preparing"),
                new PushEvent("l2", "Preparing"),
                new PushEvent("l3", "Preparing"),
                new PushEvent("l1", "Layer already exists"),
                new PushEvent("l2", "Mounted from team/other"),
                new PushEvent("l3", "Pushing"),
                new PushEvent("l3", "Pushed"),
                new PushEvent(null, "1.0: digest: sha256:abc size: 1234"));

        ImagePusher.Result result = pusher().push(settings("1.0", "latest"), login);

        assertEquals(List.of(NAME + ":1.0", NAME + ":latest"), engine.pushes);
        assertEquals("127.0.0.1:5555", engine.auths.get(0).serverAddress());
        assertEquals("ci", engine.auths.get(0).username());
        assertEquals(2, result.tags().size());
        assertEquals(1, result.tags().get(0).layersPushed());
        assertEquals(2, result.tags().get(0).layersExisting());
        assertTrue(engine.tagged.isEmpty(), "both tags existed: " + engine.tagged);

        JsonNode json = new ObjectMapper().readTree(out.resolve("push.json").toFile());
        assertEquals(NAME, json.path("image").asText());
        assertEquals("127.0.0.1:5555", json.path("registry").asText());
        assertEquals(
                result.tags().get(0).digest(), json.path("tags").path("1.0").asText());
        assertEquals(
                result.tags().get(1).digest(), json.path("tags").path("latest").asText());
        assertEquals(1, json.path("layers").path("latest").path("pushed").asInt());
        assertEquals(2, json.path("layers").path("latest").path("existing").asInt());
        assertTrue(json.path("layers").path("latest").path("reported").asBoolean());
        assertEquals("Docker Engine", json.path("engine").path("name").asText(), "which engine pushed");
        assertEquals("20.10.24", json.path("engine").path("version").asText());
        assertEquals("1.41", json.path("engine").path("apiVersion").asText());

        assertTrue(
                log.lines.contains("INFO Pushing " + NAME + " (1.0, latest) to 127.0.0.1:5555; credentials:"
                        + " settings.xml server '127.0.0.1:5555', user 'ci'"),
                log.text());
        assertTrue(
                log.text()
                        .contains("INFO   " + NAME + ":1.0: digest "
                                + result.tags().get(0).digest() + ", 1 layer uploaded, 2 already in the registry"),
                log.text());
        assertFalse(log.text().contains(SECRET));
        assertFalse(Files.readString(out.resolve("push.json")).contains(SECRET));
    }

    /** Podman 4.3 sends only the status lines (recorded: push-ok.http of engine/podman-4.3.1). */
    @Test
    void anEngineWithoutLayerEventsHasTheCountsNotReported() throws IOException {
        engine.identity = new EngineIdentity(EngineIdentity.PODMAN, "4.3.1", "1.41");
        engine.image(BUILT, NAME + ":1.0");
        engine.events = List.of(
                new PushEvent(null, "The push refers to repository [" + NAME + ":1.0]"),
                new PushEvent(null, "1.0: digest: sha256:abc size: 737"));

        ImagePusher.Result result = pusher().push(settings("1.0"), login);

        assertFalse(result.tags().get(0).layersReported());
        assertNull(result.tags().get(0).layersPushed());
        assertTrue(
                log.text()
                        .contains("INFO   " + NAME + ":1.0: digest "
                                + result.tags().get(0).digest()
                                + ", layer counts not reported by the engine (Podman Engine 4.3.1, API 1.41) ("),
                log.text());
        assertFalse(log.text().contains("0 layers uploaded"), log.text());
        JsonNode layers = new ObjectMapper()
                .readTree(out.resolve("push.json").toFile())
                .path("layers")
                .path("1.0");
        assertFalse(layers.path("reported").asBoolean(true));
        assertTrue(layers.path("pushed").isNull() && layers.path("existing").isNull(), layers.toString());
    }

    /** Podman speaks HTTPS to a loopback registry unless its registries.conf says otherwise (recorded). */
    @Test
    void aPlainHttpRegistryIsNotRetriedAndTheEnginesConfigurationIsNamed() {
        engine.identity = new EngineIdentity(EngineIdentity.PODMAN, "4.3.1", "1.41");
        engine.image(BUILT, NAME + ":1.0");
        String podmanSays = "trying to reuse blob sha256:b6c3 at destination: pinging container registry"
                + " 127.0.0.1:5555: Get \"https://127.0.0.1:5555/v2/\": http: server gave HTTP response to HTTPS client";
        for (int i = 0; i < 3; i++) {
            engine.pushFailures.add(
                    () -> new PushFailedException(podmanSays, PushFailedException.Reason.PLAIN_HTTP_REGISTRY));
        }
        var e = assertThrows(PushFailedException.class, () -> pusher().push(settings("1.0"), login));
        assertEquals(1, engine.pushes.size(), "not retried");
        assertEquals(List.of(), sleeps);
        assertEquals(PushFailedException.Reason.PLAIN_HTTP_REGISTRY, e.reason());
        assertEquals(
                "Registry 127.0.0.1:5555 answers plain HTTP, but the engine at unix:///fake.sock (Podman Engine 4.3.1,"
                        + " API 1.41) spoke HTTPS to it, so " + NAME + ":1.0 was not pushed (not retried: another try"
                        + " gets the same answer): " + podmanSays + ". Whether an engine may push to a registry over"
                        + " plain HTTP is the engine's setting, not the plugin's: Podman decides it in its"
                        + " registries.conf (/etc/containers/registries.conf, ~/.config/containers/registries.conf when"
                        + " rootless, or the file CONTAINERS_REGISTRIES_CONF names where the engine runs):"
                        + " [[registry]] location=\"127.0.0.1:5555\" insecure=true, then restart the Podman service."
                        + " Podman, unlike dockerd, does not treat loopback (127.0.0.0/8) registries as insecure."
                        + " Or serve the registry over HTTPS.",
                e.getMessage());

        engine.identity = new EngineIdentity(EngineIdentity.DOCKER, "28.5.2", "1.51");
        var docker = assertThrows(PushFailedException.class, () -> pusher().push(settings("1.0"), login));
        assertTrue(
                docker.getMessage().contains("dockerd decides it by \"insecure-registries\": [\"127.0.0.1:5555\"]"),
                docker.getMessage());
        assertFalse(docker.getMessage().contains("registries.conf"), docker.getMessage());
    }

    @Test
    void missingTagsAreMadeFromTheBuiltImage() {
        String other = "sha256:2222222222222222222222222222222222222222222222222222222222222222";
        engine.image(BUILT, NAME + ":1.0").image(other, NAME + ":latest");

        pusher().push(settings("1.0", "latest", "candidate"), login);

        assertEquals(List.of(BUILT + " -> " + NAME + ":latest", BUILT + " -> " + NAME + ":candidate"), engine.tagged);
        assertTrue(log.text().contains("Tagged " + NAME + ":candidate from the built image 111111111111"), log.text());
        assertTrue(log.text()
                .contains("Tagged " + NAME + ":latest from the built image 111111111111 (it named 222222222222)"));
        assertEquals(3, engine.pushes.size());
    }

    @Test
    void aBuiltImageThatIsGoneSaysToBuildAgain() {
        var e = assertThrows(ConfigurationException.class, () -> pusher().push(settings("1.0"), login));
        assertTrue(
                e.getMessage()
                        .contains(
                                "is no longer in the Docker engine at unix:///fake.sock: build it again (mvn package)"),
                e.getMessage());
        assertTrue(engine.pushes.isEmpty());
    }

    @Test
    void withoutARecordEveryTagMustExist() throws IOException {
        Files.delete(out.resolve(BuildRecord.FILE_NAME));
        engine.image(BUILT, NAME + ":1.0");
        var e = assertThrows(ConfigurationException.class, () -> pusher().push(settings("1.0", "latest"), login));
        assertTrue(
                e.getMessage()
                        .startsWith(
                                "Image " + NAME + ":latest is not in the Docker engine and no build is" + " recorded"),
                e.getMessage());
        assertTrue(e.getMessage().contains("run the build goal first (mvn package)"));

        pusher().push(settings("1.0"), login);
        assertEquals(List.of(NAME + ":1.0"), engine.pushes);
    }

    @Test
    void transientFailuresAreRetriedWithBackoff() {
        engine.image(BUILT, NAME + ":1.0");
        engine.pushFailures.add(() -> new PushFailedException(
                "received unexpected HTTP status: 503 Service Unavailable", PushFailedException.Reason.OTHER));
        engine.pushFailures.add(
                () -> new PushFailedException("connection reset by peer", PushFailedException.Reason.OTHER));

        ImagePusher.Result result = pusher().push(settings("1.0"), login);

        assertEquals(1, result.tags().size());
        assertEquals(3, engine.pushes.size());
        assertEquals(List.of(Duration.ofSeconds(1), Duration.ofSeconds(2)), sleeps);
        assertTrue(
                log.lines.contains("WARN Push of " + NAME + ":1.0 failed (attempt 1 of 3): received unexpected HTTP"
                        + " status: 503 Service Unavailable; retrying in 1.0 s"),
                log.text());
    }

    @Test
    void afterTheRetriesTheFailureNamesTheRegistry() {
        engine.image(BUILT, NAME + ":1.0");
        for (int i = 0; i < 3; i++) {
            engine.pushFailures.add(() -> new PushFailedException(
                    "Get \"http://127.0.0.1:5555/v2/\": dial tcp 127.0.0.1:5555: connect: connection refused",
                    PushFailedException.Reason.OTHER));
        }
        var e = assertThrows(PushFailedException.class, () -> pusher().push(settings("1.0"), login));
        assertEquals(
                "Pushing " + NAME + ":1.0 to registry 127.0.0.1:5555 failed after 3 attempts: Get"
                        + " \"http://127.0.0.1:5555/v2/\": dial tcp 127.0.0.1:5555: connect: connection refused (is the registry"
                        + " 127.0.0.1:5555 up and reachable from the Docker engine at unix:///fake.sock? <pushRetries> (fastapi.push.retries) sets the"
                        + " retries)",
                e.getMessage());
        assertFalse(e.unauthorized());
        assertEquals(2, sleeps.size());
        assertFalse(Files.exists(out.resolve("push.json")), "no report of a failed push");
    }

    @Test
    void aRefusedLoginIsNeverRetriedAndNamesTheSource() {
        engine.image(BUILT, NAME + ":1.0");
        // Even a registry that echoes the password must not get it into the message.
        engine.pushFailures.add(() -> new PushFailedException(
                "unauthorized: authentication required (" + SECRET + ")", PushFailedException.Reason.REFUSED_LOGIN));

        var e = assertThrows(PushFailedException.class, () -> pusher().push(settings("1.0"), login));

        assertTrue(e.unauthorized());
        assertEquals(1, engine.pushes.size());
        assertTrue(sleeps.isEmpty());
        assertEquals(
                "Registry 127.0.0.1:5555 refused the login (unauthorized) for " + NAME + ":1.0: unauthorized:"
                        + " authentication required (****). Credentials tried: settings.xml server '127.0.0.1:5555', user 'ci'."
                        + " Check them. Set <registryUsername> (fastapi.registry.username) and"
                        + " <registryPassword> (fastapi.registry.password), a"
                        + " settings.xml <server> with <id>127.0.0.1:5555</id>, or a docker login for 127.0.0.1:5555.",
                e.getMessage());
        assertFalse(log.text().contains(SECRET));
    }

    @Test
    void anAnonymousPushThatIsRefusedSaysNoLoginWasFound() {
        engine.image(BUILT, NAME + ":1.0");
        engine.pushFailures.add(
                () -> new PushFailedException("no basic auth credentials", PushFailedException.Reason.REFUSED_LOGIN));
        RegistryCredentials none = RegistryCredentials.anonymous("no login found for 127.0.0.1:5555; tried a, b");

        var e = assertThrows(PushFailedException.class, () -> pusher().push(settings("1.0"), none));

        assertNull(engine.auths.get(0));
        assertTrue(
                e.getMessage()
                        .startsWith("Registry 127.0.0.1:5555 refused the push of " + NAME + ":1.0 without a"
                                + " login (unauthorized): no basic auth credentials. No credentials were found (no login found for"
                                + " 127.0.0.1:5555; tried a, b)."),
                e.getMessage());
    }

    @Test
    void anUnreachableEngineIsNotRetried() {
        engine.image(BUILT, NAME + ":1.0");
        engine.pushFailures.add(() -> new EngineUnavailableException("Cannot push on the Docker engine", null));
        assertThrows(EngineUnavailableException.class, () -> pusher().push(settings("1.0"), login));
        assertEquals(1, engine.pushes.size());
    }

    @Test
    void zeroRetriesTriesOnce() {
        engine.image(BUILT, NAME + ":1.0");
        engine.pushFailures.add(() -> new PushFailedException("boom", PushFailedException.Reason.OTHER));
        PushSettings once =
                new PushSettings(ImageReference.parse(NAME, "<image>"), List.of("1.0"), 0, Duration.ofSeconds(1), out);
        var e = assertThrows(PushFailedException.class, () -> pusher().push(once, login));
        assertTrue(e.getMessage().contains("failed after 1 attempt: boom"), e.getMessage());
        assertTrue(sleeps.isEmpty());
    }

    @Test
    void settingsAreValidated() {
        var e = assertThrows(ConfigurationException.class, () -> new PushSettings(
                        ImageReference.parse(NAME, "<image>"), List.of("1.0"), 11, Duration.ofSeconds(1), out)
                .validate(MavenHints.INSTANCE));
        assertEquals("<pushRetries> (fastapi.push.retries) must be 0-10, was 11", e.getMessage());
        assertThrows(ConfigurationException.class, () -> settings("bad tag").validate(MavenHints.INSTANCE));
    }

    @Test
    void backoffDoublesAndIsCapped() {
        PushSettings s =
                new PushSettings(ImageReference.parse(NAME, "<image>"), List.of("1.0"), 10, Duration.ofSeconds(1), out);
        assertEquals(Duration.ofSeconds(1), s.backoff(1));
        assertEquals(Duration.ofSeconds(2), s.backoff(2));
        assertEquals(Duration.ofSeconds(4), s.backoff(3));
        assertEquals(Duration.ofSeconds(30), s.backoff(10));
    }

    @Test
    void dockerHubImagesGoToDockerHub() {
        String hub = "team/api";
        engine.image(BUILT, hub + ":1.0");
        PushSettings s =
                new PushSettings(ImageReference.parse(hub, "<image>"), List.of("1.0"), 0, Duration.ofSeconds(1), out);
        pusher().push(s, RegistryCredentials.of("u", "p", "x"));
        assertEquals("https://index.docker.io/v1/", engine.auths.get(0).serverAddress());
        assertTrue(log.text().contains("to docker.io;"), log.text());
    }

    /** A clock that moves one second each time it is read: each progress event is a second later. */
    private static java.util.function.LongSupplier secondPerRead() {
        long[] now = {0};
        return () -> now[0] += Duration.ofSeconds(1).toNanos();
    }

    @Test
    void aSlowPushShowsItsProgressAtMostEveryFiveSeconds() {
        engine.image(BUILT, NAME + ":1.0");
        List<PushEvent> events = new ArrayList<>();
        events.add(new PushEvent("l1", "Preparing"));
        events.add(new PushEvent("l2", "Layer already exists"));
        for (int i = 1; i <= 11; i++) {
            events.add(new PushEvent("l1", "Pushing", i * 40_000_000L, 440_000_000L));
            events.add(new PushEvent("l3", "Pushing", i * 1_000_000L, 72_000_000L));
        }
        events.add(new PushEvent("l1", "Pushed"));
        engine.events = events;

        new ImagePusher(engine, log, sleeps::add, MavenHints.INSTANCE, secondPerRead()).push(settings("1.0"), login);

        List<String> progress =
                log.infos().stream().filter(l -> l.startsWith("  pushing ")).toList();
        // 25 events, one second apart: a line at the 5th, 10th, 15th, 20th and 25th.
        assertEquals(5, progress.size(), log.text());
        assertEquals("  pushing 2 layers: 81.0 of 512.0 MB", progress.get(0));
        assertEquals("  pushing 2 layers: 451.0 of 512.0 MB", progress.get(4));
    }

    @Test
    void aFastPushPrintsNoProgress() {
        engine.image(BUILT, NAME + ":1.0");
        engine.events = List.of(
                new PushEvent("l1", "Pushing", 1_000_000, 2_000_000),
                new PushEvent("l1", "Pushed"),
                new PushEvent(null, "1.0: digest: sha256:abc size: 1234"));

        pusher().push(settings("1.0"), login);

        assertTrue(log.infos().stream().noneMatch(l -> l.startsWith("  pushing ")), log.text());
    }
}
