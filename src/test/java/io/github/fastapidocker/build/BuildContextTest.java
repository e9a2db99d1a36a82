package io.github.fastapidocker.build;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.github.fastapidocker.kernel.BuildLog;
import io.github.fastapidocker.kernel.ConfigurationException;
import io.github.fastapidocker.kernel.RecordingLog;
import io.github.fastapidocker.maven.MavenHints;
import io.github.fastapidocker.project.PythonProjects;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BuildContextTest {
    @TempDir
    Path dir;

    private ProjectSettings settings(Path dockerfile) {
        return Projects.in(dir).dockerfile(dockerfile).settings();
    }

    private byte[] tar(BuildPlan plan) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        plan.context().writeTo(out);
        return out.toByteArray();
    }

    private static List<TarArchiveEntry> entries(byte[] tar) throws IOException {
        List<TarArchiveEntry> entries = new ArrayList<>();
        try (TarArchiveInputStream in = new TarArchiveInputStream(new java.io.ByteArrayInputStream(tar))) {
            for (TarArchiveEntry e; (e = in.getNextEntry()) != null; ) {
                entries.add(e);
            }
        }
        return entries;
    }

    @Test
    void holdsOnlyWhatTheDockerfileCopiesSortedWithoutCaches() throws IOException {
        PythonProjects.seed(dir);
        PythonProjects.write(dir, "app/routers/items.py", "x = 1\n");
        PythonProjects.write(dir, "app/__pycache__/main.cpython-313.pyc", "junk");
        PythonProjects.write(dir, "app/old.pyc", "junk");
        PythonProjects.write(dir, "app/.venv/bin/python", "junk");
        PythonProjects.write(dir, ".git/HEAD", "ref");
        PythonProjects.write(dir, "target/classes/x", "junk");
        PythonProjects.write(dir, "README.md", "not copied by the Dockerfile");
        BuildPlan plan = BuildPlan.of(settings(null), BuildLog.SILENT, MavenHints.INSTANCE);
        assertEquals(
                List.of(
                        "Dockerfile",
                        "app/",
                        "app/__init__.py",
                        "app/main.py",
                        "app/routers/",
                        "app/routers/items.py",
                        "requirements.txt"),
                entries(tar(plan)).stream().map(TarArchiveEntry::getName).toList());
    }

    @Test
    void fixedModesOwnersAndTimes() throws IOException {
        PythonProjects.seed(dir);
        Path script = PythonProjects.write(dir, "app/run.sh", "#!/bin/sh\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxrwxrwx"));
        Files.setPosixFilePermissions(dir.resolve("app/main.py"), PosixFilePermissions.fromString("rw-rw-rw-"));
        for (TarArchiveEntry e : entries(tar(BuildPlan.of(settings(null), BuildLog.SILENT, MavenHints.INSTANCE)))) {
            assertEquals(0, e.getLongUserId(), e.getName());
            assertEquals(0, e.getLongGroupId(), e.getName());
            assertEquals("", e.getUserName());
            assertEquals(0L, e.getModTime().getTime(), e.getName());
            int expected = e.isDirectory() ? 040755 : e.getName().equals("app/run.sh") ? 0100755 : 0100644;
            assertEquals(Integer.toOctalString(expected), Integer.toOctalString(e.getMode()), e.getName());
        }
    }

    @Test
    void sameFilesSameBytesWhateverTheirTimes() throws IOException {
        PythonProjects.seed(dir);
        byte[] first = tar(BuildPlan.of(settings(null), BuildLog.SILENT, MavenHints.INSTANCE));
        Files.setLastModifiedTime(dir.resolve("app/main.py"), FileTime.fromMillis(1_000_000));
        Files.setLastModifiedTime(dir.resolve("requirements.txt"), FileTime.fromMillis(2_000_000));
        assertArrayEquals(first, tar(BuildPlan.of(settings(null), BuildLog.SILENT, MavenHints.INSTANCE)));
        PythonProjects.write(dir, "app/main.py", "from fastapi import FastAPI\n\napp = FastAPI(title='changed')\n");
        assertNotEquals(
                List.of(first), List.of(tar(BuildPlan.of(settings(null), BuildLog.SILENT, MavenHints.INSTANCE))));
    }

    @Test
    void requirementsFromElsewhereLandAsRequirementsTxt() throws IOException {
        PythonProjects.write(dir, "app/__init__.py", "");
        PythonProjects.write(dir, "app/main.py", "");
        PythonProjects.write(dir, "deps/prod.txt", "fastapi==1\n");
        ProjectSettings s = Projects.in(dir)
                .requirementsFile("deps/prod.txt")
                .excluded(Set.of())
                .settings();
        byte[] tar = tar(BuildPlan.of(s, BuildLog.SILENT, MavenHints.INSTANCE));
        assertEquals(
                List.of("Dockerfile", "app/", "app/__init__.py", "app/main.py", "requirements.txt"),
                entries(tar).stream().map(TarArchiveEntry::getName).toList());
    }

    @Test
    void longNamesSurvive() throws IOException {
        PythonProjects.seed(dir);
        String deep = "app/" + "very_long_directory_name_".repeat(6) + "/module_with_a_long_name.py";
        PythonProjects.write(dir, deep, "x = 1\n");
        List<String> names = entries(tar(BuildPlan.of(settings(null), BuildLog.SILENT, MavenHints.INSTANCE))).stream()
                .map(TarArchiveEntry::getName)
                .toList();
        assertEquals(true, names.contains(deep), names.toString());
    }

    @Test
    void userDockerfileSendsTheProjectWithoutBuildOutputAndWarnsOnShellForm() throws IOException {
        PythonProjects.seed(dir);
        PythonProjects.write(dir, "target/big.jar", "junk");
        PythonProjects.write(dir, "app/__pycache__/x.pyc", "junk");
        Path dockerfile =
                PythonProjects.write(dir, "docker/Dockerfile", "FROM python:3.14\nCOPY . /srv\nCMD python -m app\n");
        RecordingLog log = new RecordingLog();
        BuildPlan plan = BuildPlan.of(settings(dockerfile), log, MavenHints.INSTANCE);
        List<String> warnings = log.warnings();
        assertEquals(
                List.of(
                        "Dockerfile",
                        "app/",
                        "app/__init__.py",
                        "app/main.py",
                        "docker/",
                        "docker/Dockerfile",
                        "requirements.txt"),
                entries(tar(plan)).stream().map(TarArchiveEntry::getName).toList());
        assertEquals(1, warnings.size());
        assertEquals(true, warnings.get(0).contains("CMD is in shell form"), warnings.get(0));
        assertEquals(false, plan.generated());
    }

    @Test
    void missingUserDockerfileNamesIt() {
        Path missing = dir.resolve("nope/Dockerfile");
        assertEquals(
                "Dockerfile not found: " + missing + " (set <dockerfile> (fastapi.dockerfile))",
                org.junit.jupiter.api.Assertions.assertThrows(
                                ConfigurationException.class,
                                () -> BuildPlan.of(settings(missing), BuildLog.SILENT, MavenHints.INSTANCE))
                        .getMessage());
    }
}
