package io.github.fastapidocker.build;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.fastapidocker.docker.BuildFailedException;
import io.github.fastapidocker.docker.DockerEngine;
import io.github.fastapidocker.docker.FakeEngine;
import io.github.fastapidocker.docker.ImageReference;
import io.github.fastapidocker.kernel.ConfigurationException;
import io.github.fastapidocker.kernel.RecordingLog;
import io.github.fastapidocker.kernel.Setting;
import io.github.fastapidocker.maven.MavenHints;
import io.github.fastapidocker.project.PythonProjects;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageBuilderTest {
    @TempDir
    Path dir;

    private final FakeEngine engine = new FakeEngine();
    private final RecordingLog log = new RecordingLog();

    private BuildPlan plan(Map<String, String> labels) throws IOException {
        if (!Files.exists(dir.resolve("py"))) {
            PythonProjects.seed(dir.resolve("py"));
        }
        return Projects.in(dir.resolve("py")).excluded(Set.of()).labels(labels).plan(log);
    }

    private BuildSettings settings(String... tags) {
        return new BuildSettings(
                ImageReference.parse("team/app", "image"),
                List.of(tags),
                Map.of("A", "1"),
                null,
                false,
                false,
                dir.resolve("out"));
    }

    @Test
    void buildsTheContextItWroteAndRecordsTheImage() throws IOException {
        ImageBuilder.Result result = new ImageBuilder(engine, log, MavenHints.INSTANCE)
                .build(plan(Map.of("x", "y")), settings("1.0", "latest"), 80);

        assertEquals(1, engine.builds.size());
        assertEquals(
                List.of("team/app:1.0", "team/app:latest"), engine.builds.get(0).tags());
        assertEquals(Map.of(), engine.builds.get(0).labels(), "generated Dockerfiles carry their labels themselves");
        assertArrayEquals(Files.readAllBytes(dir.resolve("out/context.tar")), engine.contexts.get(0));
        assertTrue(Files.readString(dir.resolve("out/Dockerfile")).contains("\"x\"=\"y\""));

        BuildRecord record = BuildRecord.read(dir.resolve("out")).orElseThrow();
        assertEquals(
                new BuildRecord(
                        "sha256:222",
                        "team/app",
                        List.of("1.0", "latest"),
                        List.of("fastapi", "run", "app/main.py", "--port", "80"),
                        80,
                        engine.identity),
                record);

        assertEquals(List.of("FROM base", "RUN true"), result.steps());
        assertEquals(List.of("RUN true"), result.cachedSteps());
        assertEquals(Files.size(dir.resolve("out/context.tar")), result.contextBytes());
        assertTrue(log.infos().contains("Step 2/2 : RUN true"), "the build is streamed to the log");
        assertTrue(log.infos().contains("  tagged team/app:latest"));
        assertTrue(log.infos().contains("  engine Docker Engine 20.10.24, API 1.41 at fake://engine"), log.text());
        assertTrue(
                log.infos().stream()
                        .anyMatch(l ->
                                l.startsWith("  size 123.5 MB, context ") && l.contains("1 of 2 steps from cache")),
                log.infos().toString());
    }

    @Test
    void tagsTheEngineDidNotApplyAreApplied() throws IOException {
        engine.tagsOnBuild = false;
        new ImageBuilder(engine, log, MavenHints.INSTANCE).build(plan(Map.of()), settings("1.0", "latest"), 80);
        assertEquals(List.of("team/app:1.0", "team/app:latest"), engine.tagged);
    }

    @Test
    void aFailingStepNamesTheStepAndShowsItsOutput() throws IOException {
        engine.buildOutput = List.of(
                "Step 1/2 : FROM base\n",
                " ---> 111\n",
                "Step 2/2 : RUN pip install -r x\n",
                "ERROR: No matching distribution found for nope\n");
        engine.buildError = "The command '/bin/sh -c pip install -r x' returned a non-zero code: 1";
        BuildFailedException e =
                assertThrows(BuildFailedException.class, () -> new ImageBuilder(engine, log, MavenHints.INSTANCE)
                        .build(plan(Map.of()), settings("1.0"), 80));
        assertTrue(
                e.getMessage().startsWith("Image build failed at Step 2/2 : RUN pip install -r x: The command"),
                e.getMessage());
        // The output is in the log once, as it streamed; the message does not repeat it.
        assertTrue(log.infos().contains("ERROR: No matching distribution found for nope"), log.text());
        assertFalse(e.getMessage().contains("No matching distribution"), e.getMessage());
        assertFalse(Files.exists(dir.resolve("out/image.properties")), "nothing is recorded for a failed build");
    }

    @Test
    void aBaseImageThatCannotBePulledIsNamedWithTheSettingToChange() throws IOException {
        engine.buildOutput = List.of("Step 1/6 : FROM python:3.99-nope AS base\n");
        engine.buildError = "manifest for python:3.99-nope not found: manifest unknown: manifest unknown";
        BuildFailedException e =
                assertThrows(BuildFailedException.class, () -> new ImageBuilder(engine, log, MavenHints.INSTANCE)
                        .build(plan(Map.of()), settings("1.0"), 80));
        assertEquals(
                "Image build failed at Step 1/6 : FROM python:3.99-nope AS base: the engine could not pull the base"
                        + " image python:3.99-nope: manifest for python:3.99-nope not found: manifest unknown:"
                        + " manifest unknown. Check its name and tag, the registry login and the network, or set"
                        + " another base image with " + MavenHints.INSTANCE.name(Setting.BASE_IMAGE)
                        + " (the build output is above)",
                e.getMessage());
    }

    private BuildPlan healthcheckedPlan() throws IOException {
        PythonProjects.seed(dir.resolve("hc"));
        return Projects.in(dir.resolve("hc"))
                .excluded(Set.of())
                .production(new io.github.fastapidocker.dockerfile.ProductionImage(
                        null,
                        Map.of(),
                        io.github.fastapidocker.dockerfile.Healthcheck.of(null, null, null, null, null)))
                .plan(log);
    }

    /** Podman's Docker-compatible build drops the HEALTHCHECK with only a warning in its own log. */
    @Test
    void aHealthcheckTheEngineDroppedFailsTheBuildNamingTheFix() throws IOException {
        engine.identity = new io.github.fastapidocker.docker.EngineIdentity(
                io.github.fastapidocker.docker.EngineIdentity.PODMAN, "4.3.1", "1.41");
        BuildPlan plan = healthcheckedPlan();
        assertTrue(plan.dockerfile().contains("HEALTHCHECK"), plan.dockerfile());
        BuildFailedException e =
                assertThrows(BuildFailedException.class, () -> new ImageBuilder(engine, log, MavenHints.INSTANCE)
                        .build(plan, settings("1.0"), 80));
        assertTrue(e.getMessage().contains("Podman Engine 4.3.1, API 1.41 built has no health check"), e.getMessage());
        assertTrue(e.getMessage().contains("Build with a Docker engine"), e.getMessage());
        assertTrue(e.getMessage().contains(MavenHints.INSTANCE.name(Setting.HEALTHCHECK)), e.getMessage());
        assertFalse(Files.exists(dir.resolve("out").resolve(BuildRecord.FILE_NAME)), "nothing recorded as built");
    }

    @Test
    void aHealthcheckTheImageKeptPasses() throws IOException {
        engine.healthcheckOnBuild = List.of("CMD", "python3", "-c", "...");
        new ImageBuilder(engine, log, MavenHints.INSTANCE).build(healthcheckedPlan(), settings("1.0"), 80);
        assertTrue(log.lines.stream().noneMatch(l -> l.contains("no health check")), log.text());
    }

    @Test
    void aUsersDockerfileTheEngineRefusesIsNamedWithTheSettingThatChoseIt() throws IOException {
        PythonProjects.seed(dir.resolve("own"));
        Path dockerfile = dir.resolve("own/docker/Dockerfile");
        Files.createDirectories(dockerfile.getParent());
        Files.writeString(dockerfile, "FROM python:3.14\nRUNN true\n");
        BuildPlan plan = Projects.in(dir.resolve("own"))
                .excluded(Set.of())
                .dockerfile(dockerfile)
                .plan(log);
        // Docker answers a parse error before any step, with a line number only.
        engine.buildOutput = List.of();
        engine.buildError = "dockerfile parse error line 2: unknown instruction: RUNN";
        BuildFailedException e =
                assertThrows(BuildFailedException.class, () -> new ImageBuilder(engine, log, MavenHints.INSTANCE)
                        .build(plan, settings("1.0"), 80));
        assertEquals(
                "Image build failed (the engine refused "
                        + dockerfile.toAbsolutePath().normalize() + ", "
                        + MavenHints.INSTANCE.name(Setting.DOCKERFILE)
                        + "): dockerfile parse error line 2: unknown instruction: RUNN",
                e.getMessage());
    }

    @Test
    void aFailureOfTheGeneratedDockerfileNamesNoFile() throws IOException {
        engine.buildOutput = List.of();
        engine.buildError = "dockerfile parse error line 9: unknown instruction: X";
        BuildFailedException e =
                assertThrows(BuildFailedException.class, () -> new ImageBuilder(engine, log, MavenHints.INSTANCE)
                        .build(plan(Map.of()), settings("1.0"), 80));
        assertEquals("Image build failed: dockerfile parse error line 9: unknown instruction: X", e.getMessage());
    }

    @Test
    void aUsersDockerfileWhoseHealthcheckWasDroppedIsAWarning() throws IOException {
        PythonProjects.seed(dir.resolve("own"));
        Path dockerfile = dir.resolve("own/Dockerfile");
        Files.writeString(
                dockerfile, "FROM python:3.14\nCOPY . /code\nHEALTHCHECK CMD [\"true\"]\nCMD [\"fastapi\", \"run\"]\n");
        BuildPlan plan = Projects.in(dir.resolve("own"))
                .excluded(Set.of())
                .dockerfile(dockerfile)
                .plan(log);
        new ImageBuilder(engine, log, MavenHints.INSTANCE).build(plan, settings("1.0"), 80);
        assertTrue(
                log.lines.stream().anyMatch(l -> l.startsWith("WARN ") && l.contains("dropped its HEALTHCHECK")),
                log.text());
    }

    /** Podman's words when it cannot pull (recorded from Podman 4.3.1 without Docker Hub). */
    @Test
    void aBaseImagePodmanCannotPullIsNamedToo() throws IOException {
        engine.buildOutput = List.of(
                "STEP 1/7: FROM python:3.14\n",
                "Resolving %!q(<nil>) to docker.io (enforced by caller)\n",
                "Trying to pull docker.io/library/python:3.14...\n");
        engine.buildError = "creating build container: initializing source docker://python:3.14: pinging container"
                + " registry registry-1.docker.io: Get \"https://registry-1.docker.io/v2/\": dial tcp: lookup"
                + " registry-1.docker.io on 10.255.255.53:53: no such host";
        BuildFailedException e =
                assertThrows(BuildFailedException.class, () -> new ImageBuilder(engine, log, MavenHints.INSTANCE)
                        .build(plan(Map.of()), settings("1.0"), 80));
        assertTrue(
                e.getMessage()
                        .startsWith("Image build failed at STEP 1/7: FROM python:3.14: the engine could not pull the"
                                + " base image python:3.14: creating build container"),
                e.getMessage());
        assertTrue(e.getMessage().contains(MavenHints.INSTANCE.name(Setting.BASE_IMAGE)), e.getMessage());
    }

    @Test
    void withTheUsersDockerfileTheHintIsItsFromLine() {
        assertEquals(
                java.util.Optional.of("Image build failed at Step 1/2 : FROM nope:1: the engine could not pull the"
                        + " base image nope:1: pull access denied for nope, repository does not exist. Check its name"
                        + " and tag, the registry login and the network, or change the FROM line of your Dockerfile ("
                        + MavenHints.INSTANCE.name(Setting.DOCKERFILE) + ")"),
                BaseImagePull.message(
                        "Step 1/2 : FROM nope:1",
                        "pull access denied for nope, repository does not exist",
                        false,
                        MavenHints.INSTANCE));
    }

    @Test
    void pullWordsAtAnotherStepAreNotABaseImageFailure() throws IOException {
        engine.buildOutput = List.of("Step 1/2 : FROM base\n", " ---> 111\n", "Step 2/2 : RUN docker pull x\n");
        engine.buildError = "pull access denied for x, repository does not exist";
        BuildFailedException e =
                assertThrows(BuildFailedException.class, () -> new ImageBuilder(engine, log, MavenHints.INSTANCE)
                        .build(plan(Map.of()), settings("1.0"), 80));
        assertTrue(
                e.getMessage().startsWith("Image build failed at Step 2/2 : RUN docker pull x: pull access"),
                e.getMessage());
        assertFalse(e.getMessage().contains("base image"), e.getMessage());
    }

    @Test
    void theBaseImageOfAFromStep() {
        assertEquals(
                java.util.Optional.of("python:3.12-slim"),
                BaseImagePull.baseImage("Step 1/3 : FROM --platform=linux/amd64 python:3.12-slim AS build"));
        assertEquals(
                java.util.Optional.of("r.example/a/b@sha256:ab"),
                BaseImagePull.baseImage("Step 2/3 : from r.example/a/b@sha256:ab"));
        assertEquals(java.util.Optional.empty(), BaseImagePull.baseImage("Step 2/3 : RUN pip install x"));
        assertEquals(
                java.util.Optional.of("python:3.14"), BaseImagePull.baseImage("STEP 1/7: FROM python:3.14"), "Podman");
        assertEquals(
                java.util.Optional.of("python:3.14"),
                BaseImagePull.baseImage("[1/2] STEP 1/3: FROM python:3.14 AS build"),
                "Podman, multi-stage");
        assertEquals(java.util.Optional.empty(), BaseImagePull.baseImage(null));
    }

    @Test
    void secretBuildArgumentsReachTheEngineOnlyAndANewPasswordNeedsNoNewImage() throws IOException {
        String secret = "http://fastapi-index:s3cret-index-pass@127.0.0.1:5557/simple/";
        BuildSettings settings = new BuildSettings(
                ImageReference.parse("team/app", "image"),
                List.of("1.0"),
                Map.of("A", "1"),
                null,
                false,
                false,
                dir.resolve("out"),
                Map.of("FASTAPI_INDEX_URL", secret));
        engine.images.put(
                "python:3.14", new DockerEngine.ImageInfo("sha256:base", List.of("python:3.14"), 1, List.of()));
        ImageBuilder builder = new ImageBuilder(engine, log, MavenHints.INSTANCE);
        builder.build(plan(Map.of()), settings, 80);

        assertEquals(
                Map.of("A", "1", "FASTAPI_INDEX_URL", secret),
                engine.builds.get(0).buildArgs());
        assertFalse(settings.toString().contains("s3cret"), settings.toString());
        assertFalse(String.join("\n", log.lines).contains("s3cret"), "not in the log");
        try (var files = Files.walk(dir.resolve("out"))) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                assertFalse(
                        new String(Files.readAllBytes(file), java.nio.charset.StandardCharsets.ISO_8859_1)
                                .contains("s3cret"),
                        file + " must not hold the secret");
            }
        }
        // A rotated password: the same image, nothing built.
        builder.build(
                plan(Map.of()),
                new BuildSettings(
                        settings.image(),
                        settings.tags(),
                        settings.buildArgs(),
                        null,
                        false,
                        false,
                        settings.outputDirectory(),
                        Map.of("FASTAPI_INDEX_URL", secret.replace("s3cret-index-pass", "rotated"))),
                80);
        assertEquals(1, engine.builds.size(), "a new password alone is no reason to build");
    }

    @Test
    void theBaseImageIsRecordedWithItsRepoDigestAndLogged() throws IOException {
        engine.images.put(
                "python:3.14",
                new DockerEngine.ImageInfo(
                        "sha256:base",
                        List.of("python:3.14"),
                        1,
                        List.of(),
                        List.of("python@sha256:feed"),
                        "",
                        List.of()));
        ImageBuilder builder = new ImageBuilder(engine, log, MavenHints.INSTANCE);
        builder.build(plan(Map.of()), settings("1.0"), 80);
        assertEquals(
                List.of(new BaseImage("python:3.14", "python@sha256:feed", "sha256:base")),
                BuildRecord.read(dir.resolve("out")).orElseThrow().baseImages());
        assertTrue(
                log.infos().contains("  base image python:3.14: python@sha256:feed"),
                log.infos().toString());

        // Up to date: recorded all the same.
        Files.delete(dir.resolve("out").resolve(BuildRecord.FILE_NAME));
        builder.build(plan(Map.of()), settings("1.0"), 80);
        assertEquals(1, engine.builds.size());
        assertEquals(
                "python@sha256:feed",
                BuildRecord.read(dir.resolve("out"))
                        .orElseThrow()
                        .baseImages()
                        .get(0)
                        .provenance());
    }

    @Test
    void aBaseImageWithoutRepoDigestIsKnownByItsId() throws IOException {
        engine.images.put(
                "python:3.14", new DockerEngine.ImageInfo("sha256:local", List.of("python:3.14"), 1, List.of()));
        new ImageBuilder(engine, log, MavenHints.INSTANCE).build(plan(Map.of()), settings("1.0"), 80);
        BaseImage base =
                BuildRecord.read(dir.resolve("out")).orElseThrow().baseImages().get(0);
        assertEquals(new BaseImage("python:3.14", null, "sha256:local"), base);
        assertEquals("sha256:local", base.provenance());
        assertTrue(
                log.infos()
                        .contains("  base image python:3.14: sha256:local (no repo digest: built or imported on this"
                                + " engine)"),
                log.infos().toString());
    }

    @Test
    void anUnchangedBuildIsNotSentAgain() throws IOException {
        engine.images.put(
                "python:3.14", new DockerEngine.ImageInfo("sha256:base", List.of("python:3.14"), 1, List.of()));
        ImageBuilder builder = new ImageBuilder(engine, log, MavenHints.INSTANCE);
        builder.build(plan(Map.of()), settings("1.0"), 80);
        assertEquals(1, engine.builds.size());

        ImageBuilder.Result again = builder.build(plan(Map.of()), settings("1.0"), 80);
        assertEquals(1, engine.builds.size(), "same context, settings and base image: nothing to build");
        assertEquals("sha256:222", again.imageId());
        assertTrue(
                log.infos().stream().anyMatch(l -> l.startsWith("Image sha256:222 is up to date")),
                log.infos().toString());
        assertEquals(
                "sha256:222", BuildRecord.read(dir.resolve("out")).orElseThrow().imageId());

        builder.build(plan(Map.of()), settings("1.0", "latest"), 80);
        assertEquals(2, engine.builds.size(), "another tag is another build");
        builder.build(plan(Map.of("x", "y")), settings("1.0", "latest"), 80);
        assertEquals(3, engine.builds.size(), "another Dockerfile (label) is another build");
        PythonProjects.write(dir.resolve("py"), "app/main.py", "changed = True\n");
        builder.build(plan(Map.of("x", "y")), settings("1.0", "latest"), 80);
        assertEquals(4, engine.builds.size(), "changed code is another build");
        engine.images.put(
                "python:3.14", new DockerEngine.ImageInfo("sha256:newbase", List.of("python:3.14"), 1, List.of()));
        builder.build(plan(Map.of("x", "y")), settings("1.0", "latest"), 80);
        assertEquals(5, engine.builds.size(), "a new base image is another build");
        engine.images.remove("sha256:222");
        builder.build(plan(Map.of("x", "y")), settings("1.0", "latest"), 80);
        assertEquals(6, engine.builds.size(), "an image removed since is built again");
        builder.build(
                plan(Map.of("x", "y")),
                new BuildSettings(
                        ImageReference.parse("team/app", "image"),
                        List.of("1.0", "latest"),
                        Map.of("A", "1"),
                        null,
                        true,
                        false,
                        dir.resolve("out")),
                80);
        assertEquals(7, engine.builds.size(), "noCache always builds");
    }

    /**
     * Podman lists {@code team/app:1.0} as {@code docker.io/team/app:1.0} (and what it loaded as
     * {@code localhost/...}): the same tag, so an unchanged build is still up to date and a tag the
     * engine applied is not applied again.
     */
    @Test
    void tagsAsPodmanListsThemAreTheSameTags() throws IOException {
        engine.listsTagsAs = tag -> "docker.io/" + tag;
        engine.images.put(
                "python:3.14",
                new DockerEngine.ImageInfo("sha256:base", List.of("docker.io/library/python:3.14"), 1, List.of()));
        ImageBuilder builder = new ImageBuilder(engine, log, MavenHints.INSTANCE);
        builder.build(plan(Map.of()), settings("1.0", "latest"), 80);
        assertEquals(List.of(), engine.tagged, "the engine applied both tags");

        builder.build(plan(Map.of()), settings("1.0", "latest"), 80);
        assertEquals(1, engine.builds.size(), "unchanged: not built again");
        assertTrue(
                log.infos().stream().anyMatch(l -> l.startsWith("Image sha256:222 is up to date")),
                log.infos().toString());

        engine.listsTagsAs = tag -> "localhost/" + tag;
        engine.images.remove("sha256:222");
        builder.build(plan(Map.of()), settings("1.0", "latest"), 80);
        builder.build(plan(Map.of()), settings("1.0", "latest"), 80);
        assertEquals(2, engine.builds.size(), "localhost/team/app:1.0 is Podman's team/app:1.0 too");
        assertEquals(List.of(), engine.tagged);
    }

    @Test
    void aBaseImageTheEngineLacksMeansBuild() throws IOException {
        ImageBuilder builder = new ImageBuilder(engine, log, MavenHints.INSTANCE);
        builder.build(plan(Map.of()), settings("1.0"), 80);
        builder.build(plan(Map.of()), settings("1.0"), 80);
        assertEquals(2, engine.builds.size(), "the engine will pull or fail: its answer, not ours");
    }

    @Test
    void invalidSettingsFailBeforeTheEngineIsUsed() throws IOException {
        BuildPlan plan = plan(Map.of());
        assertThrows(ConfigurationException.class, () -> settings().validate(MavenHints.INSTANCE));
        assertThrows(ConfigurationException.class, () -> settings("ok", "-no").validate(MavenHints.INSTANCE));
        assertEquals(0, engine.builds.size());
    }

    /**
     * Two builds in one checkout at once: each engine call reads the context of its own run, even
     * when the other run wrote its context in between (with one shared file, the first build got
     * the second's context, or a truncated one).
     */
    @Test
    void twoBuildsAtOnceEachSendTheirOwnContext() throws Exception {
        Path a = dir.resolve("a");
        Path b = dir.resolve("b");
        PythonProjects.seed(a);
        PythonProjects.seed(b);
        Files.writeString(a.resolve("app/main.py"), "# run A\n");
        Files.writeString(b.resolve("app/main.py"), "# run B\n");
        java.util.concurrent.CountDownLatch secondArrived = new java.util.concurrent.CountDownLatch(1);
        java.util.Map<String, byte[]> seen = new java.util.concurrent.ConcurrentHashMap<>();
        FakeEngine slow = new FakeEngine() {
            @Override
            public String build(BuildRequest request, java.util.function.Consumer<String> output) {
                String run = request.tags().get(0);
                try {
                    if (run.endsWith(":a")) {
                        // The first build reads its context only after the second wrote its own.
                        assertTrue(secondArrived.await(10, java.util.concurrent.TimeUnit.SECONDS));
                    } else {
                        secondArrived.countDown();
                    }
                    seen.put(run, Files.readAllBytes(request.contextTar()));
                } catch (IOException | InterruptedException e) {
                    throw new AssertionError(e);
                }
                return "sha256:" + run.substring(run.length() - 1);
            }

            @Override
            public java.util.Optional<DockerEngine.ImageInfo> inspectImage(String reference) {
                return reference.startsWith("sha256:")
                        ? java.util.Optional.of(new DockerEngine.ImageInfo(reference, List.of(), 1, List.of()))
                        : java.util.Optional.empty();
            }
        };
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            var first = pool.submit(() -> new ImageBuilder(slow, new RecordingLog(), MavenHints.INSTANCE)
                    .build(planOf(a), settingsFor("a"), 80));
            Thread.sleep(100);
            var second = pool.submit(() -> new ImageBuilder(slow, new RecordingLog(), MavenHints.INSTANCE)
                    .build(planOf(b), settingsFor("b"), 80));
            second.get(20, java.util.concurrent.TimeUnit.SECONDS);
            first.get(20, java.util.concurrent.TimeUnit.SECONDS);
        } finally {
            pool.shutdownNow();
        }
        assertTrue(
                new String(seen.get("team/app:a"), java.nio.charset.StandardCharsets.ISO_8859_1).contains("# run A"));
        assertTrue(
                new String(seen.get("team/app:b"), java.nio.charset.StandardCharsets.ISO_8859_1).contains("# run B"));
        assertTrue(Files.isRegularFile(dir.resolve("out").resolve(ImageBuilder.CONTEXT_TAR)), "the last one is kept");
        try (var left = Files.list(dir.resolve("out"))) {
            assertEquals(
                    List.of(),
                    left.filter(p -> p.getFileName().toString().endsWith(".tmp")
                                    || p.getFileName().toString().startsWith(".context-"))
                            .toList(),
                    "no run's own files are left behind");
        }
    }

    private BuildPlan planOf(Path project) {
        return Projects.in(project).excluded(Set.of()).plan(new RecordingLog());
    }

    private BuildSettings settingsFor(String tag) {
        return new BuildSettings(
                ImageReference.parse("team/app", "image"),
                List.of(tag),
                Map.of(),
                null,
                true,
                false,
                dir.resolve("out"));
    }
}
