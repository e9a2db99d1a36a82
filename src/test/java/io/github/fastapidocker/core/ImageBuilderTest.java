package io.github.fastapidocker.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.fastapidocker.engine.BuildFailedException;
import io.github.fastapidocker.engine.FakeEngine;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageBuilderTest {
    @TempDir
    Path dir;

    private final FakeEngine engine = new FakeEngine();
    private final List<String> infoLines = new ArrayList<>();
    private final BuildLog log = new BuildLog() {
        @Override
        public void info(String message) {
            infoLines.add(message);
        }

        @Override
        public void warn(String message) {}

        @Override
        public void debug(String message) {}

        @Override
        public boolean isDebugEnabled() {
            return false;
        }
    };

    private BuildPlan plan(Map<String, String> labels) throws IOException {
        PythonProjects.seed(dir.resolve("py"));
        return BuildPlan.of(new ProjectSettings(dir.resolve("py"), "requirements.txt", null, null,
                new DockerfileOptions("python:3.14", 80, null, false, null, null), Set.of(), labels), log);
    }

    private BuildSettings settings(String... tags) {
        return new BuildSettings(ImageReference.parse("team/app", "image"), List.of(tags), Map.of("A", "1"), null, false, false,
                dir.resolve("out"));
    }

    @Test
    void buildsTheContextItWroteAndRecordsTheImage() throws IOException {
        ImageBuilder.Result result = new ImageBuilder(engine, log).build(plan(Map.of("x", "y")), settings("1.0", "latest"), 80);

        assertEquals(1, engine.builds.size());
        assertEquals(List.of("team/app:1.0", "team/app:latest"), engine.builds.get(0).tags());
        assertEquals(Map.of(), engine.builds.get(0).labels(), "generated Dockerfiles carry their labels themselves");
        assertArrayEquals(Files.readAllBytes(dir.resolve("out/context.tar")), engine.contexts.get(0));
        assertTrue(Files.readString(dir.resolve("out/Dockerfile")).contains("\"x\"=\"y\""));

        BuildRecord record = BuildRecord.read(dir.resolve("out")).orElseThrow();
        assertEquals(new BuildRecord("sha256:222", "team/app", List.of("1.0", "latest"),
                List.of("fastapi", "run", "app/main.py", "--port", "80"), 80), record);

        assertEquals(List.of("FROM base", "RUN true"), result.steps());
        assertEquals(List.of("RUN true"), result.cachedSteps());
        assertEquals(Files.size(dir.resolve("out/context.tar")), result.contextBytes());
        assertTrue(infoLines.contains("Step 2/2 : RUN true"), "the build is streamed to the log");
        assertTrue(infoLines.contains("  tagged team/app:latest"));
        assertTrue(infoLines.stream().anyMatch(l -> l.startsWith("  size 123.5 MB, context ") && l.contains("1 of 2 steps from cache")),
                infoLines.toString());
    }

    @Test
    void tagsTheEngineDidNotApplyAreApplied() throws IOException {
        engine.tagsOnBuild = false;
        new ImageBuilder(engine, log).build(plan(Map.of()), settings("1.0", "latest"), 80);
        assertEquals(List.of("team/app:1.0", "team/app:latest"), engine.tagged);
    }

    @Test
    void aFailingStepNamesTheStepAndShowsItsOutput() throws IOException {
        engine.buildOutput = List.of("Step 1/2 : FROM base\n", " ---> 111\n", "Step 2/2 : RUN pip install -r x\n",
                "ERROR: No matching distribution found for nope\n");
        engine.buildError = "The command '/bin/sh -c pip install -r x' returned a non-zero code: 1";
        BuildFailedException e = assertThrows(BuildFailedException.class,
                () -> new ImageBuilder(engine, log).build(plan(Map.of()), settings("1.0"), 80));
        assertTrue(e.getMessage().startsWith("Image build failed at Step 2/2 : RUN pip install -r x: The command"), e.getMessage());
        assertTrue(e.getMessage().contains("ERROR: No matching distribution found for nope"), e.getMessage());
        assertFalse(Files.exists(dir.resolve("out/image.properties")), "nothing is recorded for a failed build");
    }

    @Test
    void invalidSettingsFailBeforeTheEngineIsUsed() throws IOException {
        BuildPlan plan = plan(Map.of());
        assertThrows(ConfigurationException.class, () -> new ImageBuilder(engine, log).build(plan, settings(), 80));
        assertThrows(ConfigurationException.class, () -> new ImageBuilder(engine, log).build(plan, settings("ok", "-no"), 80));
        assertEquals(0, engine.builds.size());
    }
}
