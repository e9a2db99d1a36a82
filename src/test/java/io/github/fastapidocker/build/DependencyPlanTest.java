package io.github.fastapidocker.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.fastapidocker.kernel.RecordingLog;
import io.github.fastapidocker.project.PythonProjects;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What goes into the context for each project shape, and the Dockerfile's dependency layer. */
class DependencyPlanTest {
    @TempDir
    Path dir;

    private void copyProject(String name) throws IOException, URISyntaxException {
        Path from = Path.of(getClass().getResource("/deps/" + name).toURI());
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Path to = dir.resolve(from.relativize(file).toString());
                Files.createDirectories(to.getParent());
                Files.copy(file, to);
            }
        }
        PythonProjects.write(dir, "app/__init__.py", "");
        PythonProjects.write(dir, "app/main.py", "from fastapi import FastAPI\n\napp = FastAPI()\n");
    }

    private BuildPlan plan(String source) {
        return Projects.in(dir).dependencies(source).plan(new RecordingLog());
    }

    private static Map<String, String> files(BuildPlan plan) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        plan.context().writeTo(out);
        Map<String, String> files = new TreeMap<>();
        try (TarArchiveInputStream in = new TarArchiveInputStream(new ByteArrayInputStream(out.toByteArray()))) {
            for (TarArchiveEntry e; (e = in.getNextEntry()) != null; ) {
                if (!e.isDirectory()) {
                    files.put(e.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
                }
            }
        }
        return files;
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = DependencyPlanTest.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void aUvProjectSendsTheGeneratedFileAsTheGuidesRequirements() throws Exception {
        copyProject("uv");
        BuildPlan plan = plan(null);
        assertEquals(resource("/golden/package.Dockerfile"), plan.dockerfile());
        Map<String, String> files = files(plan);
        assertEquals(
                List.of("Dockerfile", "app/__init__.py", "app/main.py", "requirements.txt"),
                List.copyOf(files.keySet()));
        assertEquals(resource("/deps/uv.requirements.txt"), files.get("requirements.txt"));
    }

    @Test
    void includedRequirementsAreCopiedBeforePipInstall() throws Exception {
        copyProject("requirements");
        BuildPlan plan = plan("requirements");
        assertEquals(resource("/golden/requirements-includes.Dockerfile"), plan.dockerfile());
        Map<String, String> files = files(plan);
        assertEquals(
                List.of(
                        "Dockerfile",
                        "app/__init__.py",
                        "app/main.py",
                        "constraints.txt",
                        "requirements.txt",
                        "requirements/base.txt",
                        "requirements/common.txt"),
                List.copyOf(files.keySet()));
        assertEquals("--requirement common.txt\nfastapi>=0.115\n", files.get("requirements/base.txt"));
    }

    /** The dockerfile goal shows what build sends: the generated requirements file beside the Dockerfile. */
    @Test
    void theGeneratedRequirementsFileIsWrittenBesideTheDockerfile() throws Exception {
        copyProject("uv");
        BuildPlan plan = plan(null);
        Path out = dir.resolve("target/fastapi-docker");
        ImageBuilder.writeDockerfile(plan, out);
        assertEquals(files(plan).get("requirements.txt"), Files.readString(out.resolve("requirements.txt")));
        assertTrue(Files.readString(out.resolve("Dockerfile")).contains("COPY ./requirements.txt"));
    }
}
