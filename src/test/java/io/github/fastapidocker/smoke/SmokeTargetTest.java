package io.github.fastapidocker.smoke;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.fastapidocker.build.BuildRecord;
import io.github.fastapidocker.kernel.ConfigurationException;
import io.github.fastapidocker.maven.MavenHints;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which image runs, and when an earlier pass of it stands. */
class SmokeTargetTest extends SmokeFixture {
    @Test
    void anImageThatPassedIsNotTestedAgainWithTheSameSettings() {
        recordBuild(GUIDE_CMD, 80);
        assertTrue(runner().runUnlessPassed(settings(SmokeNetwork.HOST, List.of(ITEMS, DOCS)))
                .isPresent());
        assertEquals(1, engine.created.size());

        assertTrue(runner().runUnlessPassed(settings(SmokeNetwork.HOST, List.of(ITEMS, DOCS)))
                .isEmpty());
        assertEquals(1, engine.created.size(), "same image, same settings: the earlier pass stands");
        assertTrue(
                log.stream()
                        .anyMatch(l -> l.startsWith(
                                "INFO Smoke test of hello:1.0 skipped: image sha256:built already passed")),
                String.join("\n", log));

        assertTrue(runner().runUnlessPassed(settings(SmokeNetwork.HOST, List.of(DOCS)))
                .isPresent());
        assertEquals(2, engine.created.size(), "other probes: tested again");
        runner().run(settings(SmokeNetwork.HOST, List.of(DOCS)));
        assertEquals(3, engine.created.size(), "run() always tests (-Dfastapi.smoke.force)");

        engine.withImage("sha256:rebuilt", "sha256:rebuilt");
        new BuildRecord("sha256:rebuilt", "hello", List.of("1.0"), GUIDE_CMD, 80, null).write(dir);
        assertTrue(runner().runUnlessPassed(settings(SmokeNetwork.HOST, List.of(DOCS)))
                .isPresent());
        assertEquals(4, engine.created.size(), "another image: tested again");
    }

    @Test
    void thePassOfTheImageThisRunsBuildFoundStandsWithoutTheEngine() {
        recordBuild(GUIDE_CMD, 80);
        SmokeSettings settings = settings(SmokeNetwork.HOST, List.of(ITEMS, DOCS));
        String address = "unix:///var/run/docker.sock";
        assertFalse(passedAsBuilt(settings, "sha256:built", address), "nothing passed yet");
        engine.host = address;
        runner().runUnlessPassed(settings);
        log.clear();

        assertTrue(passedAsBuilt(settings, "sha256:built", address));
        assertTrue(
                log.stream()
                        .anyMatch(l -> l.startsWith(
                                "INFO Smoke test of hello:1.0 skipped: image sha256:built already passed")),
                String.join("\n", log));
        assertFalse(passedAsBuilt(settings, "sha256:rebuilt", address), "the build found another image");
        assertFalse(
                passedAsBuilt(settings(SmokeNetwork.HOST, List.of(DOCS)), "sha256:built", address),
                "other probes: tested again");
        assertFalse(
                passedAsBuilt(settings, "sha256:built", "tcp://127.0.0.5:2375"),
                "an engine elsewhere: the probes would go to another host");
        new BuildRecord("sha256:built", "other", List.of("1.0"), GUIDE_CMD, 80, null).write(dir);
        assertFalse(passedAsBuilt(settings, "sha256:built", address), "the record is of another image name");
    }

    private boolean passedAsBuilt(SmokeSettings settings, String imageId, String engineHost) {
        return SmokeRunner.passedAsBuilt(settings, imageId, engineHost, buildLog, MavenHints.INSTANCE);
    }

    @Test
    void aFailureIsNeverTakenForAPass() {
        recordBuild(GUIDE_CMD, 80);
        runner().runUnlessPassed(settings(SmokeNetwork.HOST, List.of(ITEMS)));
        answers.put("/items/5?q=somequery", new HttpProber.Answer(200, "{\"item_id\":6,\"q\":\"somequery\"}"));
        assertThrows(SmokeFailedException.class, () -> runner().run(settings(SmokeNetwork.HOST, List.of(ITEMS))));
        assertThrows(
                SmokeFailedException.class,
                () -> runner().runUnlessPassed(settings(SmokeNetwork.HOST, List.of(ITEMS))),
                "the failed run removed the earlier pass");
        assertEquals(3, engine.created.size());
    }

    @Test
    void withoutARecordTheConfiguredImageAndFirstTagRun() {
        engine.withImage("hello:1.0", "sha256:tagged");
        SmokeReport report = runner().run(SmokeSettings.builder()
                .image("hello")
                .tag("1.0")
                .port(8000)
                .outputDirectory(dir)
                .network(SmokeNetwork.BRIDGE)
                .probes(List.of(DOCS))
                .timeout(Duration.ofSeconds(5))
                .stopTimeoutSeconds(10)
                .gracefulStop(GracefulStop.FAIL)
                .project("io.example:hello")
                .projectDirectory(dir)
                .env(Map.of())
                .build(MavenHints.INSTANCE));
        assertEquals("hello:1.0", engine.created.get(0).image());
        assertEquals(8000, engine.created.get(0).containerPort());
        assertEquals("sha256:tagged", report.imageId());
    }

    @Test
    void aRecordOfAnotherImageIsNotUsed() {
        new BuildRecord("sha256:built", "other", List.of("2.0"), GUIDE_CMD, 80, null).write(dir);
        engine.withImage("hello:1.0", "sha256:tagged");
        runner().run(settings(SmokeNetwork.HOST, List.of(DOCS)));
        assertEquals("hello:1.0", engine.created.get(0).image());
    }

    @Test
    void theRecordOfTheSameImageSpelledOtherwiseIsUsed() {
        new BuildRecord("sha256:built", "hello", List.of("2.0"), GUIDE_CMD, 80, null).write(dir);
        engine.withImage("sha256:built", "sha256:built");
        runner().run(SmokeSettings.builder()
                .image("docker.io/library/hello")
                .tag("1.0")
                .port(8000)
                .outputDirectory(dir)
                .network(SmokeNetwork.HOST)
                .probes(List.of(DOCS))
                .timeout(Duration.ofSeconds(5))
                .stopTimeoutSeconds(10)
                .gracefulStop(GracefulStop.FAIL)
                .project("io.example:hello")
                .projectDirectory(dir)
                .env(Map.of())
                .build(MavenHints.INSTANCE));
        assertEquals("sha256:built", engine.created.get(0).image(), "docker.io/library/hello is hello");
    }

    @Test
    void noImageToTestSaysToRunTheBuild() {
        ConfigurationException e = assertThrows(ConfigurationException.class, () -> runner().run(SmokeSettings.builder()
                .image("hello")
                .tag(null)
                .port(80)
                .outputDirectory(dir)
                .network(SmokeNetwork.HOST)
                .probes(List.of())
                .timeout(Duration.ofSeconds(5))
                .stopTimeoutSeconds(10)
                .gracefulStop(GracefulStop.FAIL)
                .project("io.example:hello")
                .projectDirectory(dir)
                .env(Map.of())
                .build(MavenHints.INSTANCE)));
        assertTrue(e.getMessage().startsWith("No image to smoke-test"), e.getMessage());

        e = assertThrows(ConfigurationException.class, () -> runner().run(settings(SmokeNetwork.HOST, List.of())));
        assertEquals(
                "Image hello:1.0 not found on the engine at fake://engine. Run the build goal first (mvn package),"
                        + " or set <image> (fastapi.image) and <tags> (fastapi.tags) to an image the engine has.",
                e.getMessage());
        assertTrue(engine.created.isEmpty());
    }
}
