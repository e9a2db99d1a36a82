package io.github.fastapidocker.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.fastapidocker.kernel.ConfigurationException;
import io.github.fastapidocker.kernel.RecordingLog;
import io.github.fastapidocker.maven.MavenHints;
import io.github.fastapidocker.project.PythonProjects;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What may go into an image: only the project's own files, by their real names, never a host file. */
class ContextHygieneTest {
    @TempDir
    Path dir;

    @TempDir
    Path outside;

    private BuildPlan plan(Path dockerfile, RecordingLog log) {
        return Projects.in(dir).dockerfile(dockerfile).plan(log);
    }

    /** Entry name to content (directories as "/"). */
    private static Map<String, String> contents(BuildPlan plan) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        plan.context().writeTo(out);
        return read(new java.io.ByteArrayInputStream(out.toByteArray()));
    }

    private static Map<String, String> read(InputStream tar) throws IOException {
        Map<String, String> result = new LinkedHashMap<>();
        try (TarArchiveInputStream in = new TarArchiveInputStream(tar, "UTF-8")) {
            for (TarArchiveEntry e; (e = in.getNextEntry()) != null; ) {
                result.put(e.getName(), e.isDirectory() ? "/" : new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        return result;
    }

    @Test
    void aLinkToAHostFileIsRefusedNamingTheLinkAndItsTarget() throws IOException {
        PythonProjects.seed(dir);
        Files.createSymbolicLink(dir.resolve("app/passwd"), Path.of("/etc/passwd"));
        ConfigurationException e = assertThrows(ConfigurationException.class, () -> plan(null, new RecordingLog()));
        assertTrue(
                e.getMessage()
                        .startsWith("The symbolic link " + dir.resolve("app/passwd") + " points to /etc/passwd,"
                                + " outside the Python directory"),
                e.getMessage());
    }

    @Test
    void aLinkedDirectoryOutsideIsRefusedToo() throws IOException {
        PythonProjects.seed(dir);
        Files.writeString(outside.resolve("id_rsa"), "PRIVATE");
        Files.createSymbolicLink(dir.resolve("app/keys"), outside);
        ConfigurationException e = assertThrows(ConfigurationException.class, () -> plan(null, new RecordingLog()));
        assertTrue(
                e.getMessage().contains("The symbolic link " + dir.resolve("app/keys") + " points to " + outside),
                e.getMessage());
    }

    @Test
    void aLinkedAppPackageArrivesWhole() throws IOException {
        PythonProjects.write(dir, "requirements.txt", "fastapi\n");
        PythonProjects.write(dir, "src/app/__init__.py", "");
        PythonProjects.write(dir, "src/app/main.py", "app = 1\n");
        Files.createSymbolicLink(dir.resolve("app"), Path.of("src/app"));
        Map<String, String> tar = contents(plan(null, new RecordingLog()));
        assertEquals("app = 1\n", tar.get("app/main.py"), tar.toString());
        assertTrue(tar.containsKey("app/__init__.py"), tar.toString());
    }

    @Test
    void aLinkThatStaysInsideIsCopiedAsWhatItPointsTo() throws IOException {
        PythonProjects.seed(dir);
        PythonProjects.write(dir, "shared/settings.py", "X = 1\n");
        Files.createSymbolicLink(dir.resolve("app/settings.py"), Path.of("../shared/settings.py"));
        assertEquals("X = 1\n", contents(plan(null, new RecordingLog())).get("app/settings.py"));
    }

    @Test
    void aDanglingLinkOrALoopIsAnErrorNotAHang() throws IOException {
        PythonProjects.seed(dir);
        Files.createSymbolicLink(dir.resolve("app/gone.py"), Path.of("nowhere.py"));
        assertTrue(assertThrows(ConfigurationException.class, () -> plan(null, new RecordingLog()))
                .getMessage()
                .contains("which does not exist"));
        Files.delete(dir.resolve("app/gone.py"));
        Files.createSymbolicLink(dir.resolve("app/loop"), Path.of("."));
        assertTrue(assertThrows(ConfigurationException.class, () -> plan(null, new RecordingLog()))
                .getMessage()
                .contains("points to a directory that contains it"));
    }

    @Test
    void aRequirementsFileOutsideThePythonDirectoryIsRefused() throws IOException {
        PythonProjects.seed(dir);
        Files.writeString(outside.resolve("reqs.txt"), "fastapi\n");
        ConfigurationException e = assertThrows(
                ConfigurationException.class,
                () -> io.github.fastapidocker.project.deps.Dependencies.resolve(
                        dir,
                        outside.resolve("reqs.txt").toString(),
                        null,
                        null,
                        new RecordingLog(),
                        MavenHints.INSTANCE));
        assertTrue(
                e.getMessage()
                        .startsWith("<requirementsFile> (fastapi.requirementsFile) must be inside the Python"
                                + " directory"),
                e.getMessage());
        assertThrows(
                ConfigurationException.class,
                () -> io.github.fastapidocker.project.deps.Dependencies.resolve(
                        dir,
                        "../" + outside.getFileName() + "/reqs.txt",
                        null,
                        null,
                        new RecordingLog(),
                        MavenHints.INSTANCE));
    }

    @Test
    void theDockerignoreKeepsSecretsOutOfAUsersContext() throws IOException {
        PythonProjects.seed(dir);
        PythonProjects.write(dir, ".env", "TOKEN=secret\n");
        PythonProjects.write(dir, "secrets/key.pem", "KEY");
        PythonProjects.write(dir, "secrets/public.pem", "PUBLIC");
        PythonProjects.write(dir, "app/.env", "APP_TOKEN=secret\n");
        PythonProjects.write(dir, ".dockerignore", ".env\n**/.env\nsecrets\n!secrets/public.pem\n");
        Path dockerfile = PythonProjects.write(dir, "Dockerfile", "FROM python:3.14\nCOPY . /code\n");
        RecordingLog log = new RecordingLog();
        Map<String, String> tar = contents(plan(dockerfile, log));
        assertFalse(tar.containsKey(".env"), tar.keySet().toString());
        assertFalse(tar.containsKey("app/.env"), tar.keySet().toString());
        assertFalse(tar.containsKey("secrets/key.pem"), tar.keySet().toString());
        assertEquals("PUBLIC", tar.get("secrets/public.pem"));
        assertTrue(tar.containsKey("secrets/"), "the directory of a file brought back is there");
        assertTrue(tar.containsKey("app/main.py"));
        assertTrue(log.text().contains("Leaving out what " + dir.resolve(".dockerignore") + " lists"), log.text());
    }

    @Test
    void theDockerfilesOwnIgnoreFileWins() throws IOException {
        PythonProjects.seed(dir);
        PythonProjects.write(dir, "notes.txt", "n");
        PythonProjects.write(dir, "other.txt", "o");
        PythonProjects.write(dir, ".dockerignore", "notes.txt\n");
        Path dockerfile = PythonProjects.write(dir, "docker/Dockerfile", "FROM python:3.14\nCOPY . /code\n");
        PythonProjects.write(dir, "docker/Dockerfile.dockerignore", "other.txt\n");
        Map<String, String> tar = contents(plan(dockerfile, new RecordingLog()));
        assertTrue(tar.containsKey("notes.txt"));
        assertFalse(tar.containsKey("other.txt"));
    }

    @Test
    void theGeneratedContextHonoursItTooInsideTheApp() throws IOException {
        PythonProjects.seed(dir);
        PythonProjects.write(dir, "app/.env", "APP_TOKEN=secret\n");
        PythonProjects.write(dir, ".dockerignore", "**/.env\n");
        Map<String, String> tar = contents(plan(null, new RecordingLog()));
        assertFalse(tar.containsKey("app/.env"), tar.keySet().toString());
        assertTrue(tar.containsKey("app/main.py"));
    }

    @Test
    void aUrlsUserInfoNeverReachesALabel() {
        RecordingLog log = new RecordingLog();
        Map<String, String> labels = OciLabels.of(
                new OciLabels.ProjectInfo(
                        "api",
                        "1.0",
                        null,
                        "https://ci-bot:glpat-s3cret@gitlab.example.com/team/api",
                        "scm:git:https://user:token@github.com/team/api.git"),
                Map.of("docs", "http://u:p@docs.example.com/x"),
                log);
        assertEquals("https://gitlab.example.com/team/api", labels.get("org.opencontainers.image.url"));
        assertEquals("scm:git:https://github.com/team/api.git", labels.get("org.opencontainers.image.source"));
        assertEquals("http://docs.example.com/x", labels.get("docs"));
        assertFalse(log.text().contains("s3cret") || log.text().contains("token"), log.text());
        assertTrue(log.text().contains("org.opencontainers.image.url"), log.text());
    }

    /** Runs {@link ContextWriterMain} in a JVM of its own, bounded in time. */
    private static Process child(Map<String, String> env, String heap, String... args) throws IOException {
        List<String> command = new java.util.ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + heap,
                "-cp",
                System.getProperty("java.class.path"),
                ContextWriterMain.class.getName()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().keySet().removeIf(k -> k.startsWith("LC_") || k.equals("LANG"));
        pb.environment().putAll(env);
        return pb.start();
    }

    private static String finish(Process p) throws Exception {
        boolean done = p.waitFor(60, TimeUnit.SECONDS);
        if (!done) {
            p.destroyForcibly();
            throw new AssertionError("the child JVM did not finish in 60 s");
        }
        return new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }

    /** CI images often run with LANG=C: the JVM then decodes file names as ASCII. */
    @Test
    void namesAreTheirUtf8BytesUnderLangC() throws Exception {
        PythonProjects.seed(dir);
        PythonProjects.write(dir, "app/café.py", "A");
        PythonProjects.write(dir, "app/naïve.py", "B");
        Path tar = dir.resolve("target/context.tar");
        Files.createDirectories(tar.getParent());
        Process p = child(Map.of("LANG", "C", "LC_ALL", "C"), "256m", dir.toString(), tar.toString());
        String output = finish(p);
        assertEquals(0, p.exitValue(), output);
        try (InputStream in = Files.newInputStream(tar)) {
            Map<String, String> entries = read(in);
            assertEquals("A", entries.get("app/café.py"), entries.keySet().toString());
            assertEquals("B", entries.get("app/naïve.py"), entries.keySet().toString());
        }
    }

    @Test
    void aNameThatIsNotUtf8IsAnErrorNamingIt() throws Exception {
        PythonProjects.seed(dir);
        byte[] name = {'b', 'a', 'd', (byte) 0xff, '.', 'p', 'y'};
        // Made through a shell: the JVM cannot name such a file itself.
        Process mk = new ProcessBuilder("sh", "-c", "touch \"$1/app/$(printf 'bad\\377.py')\"", "sh", dir.toString())
                .start();
        assertTrue(mk.waitFor(10, TimeUnit.SECONDS) && mk.exitValue() == 0);
        assertEquals(7, name.length);
        Process p = child(
                Map.of("LANG", "C.UTF-8"),
                "256m",
                dir.toString(),
                dir.resolve("out.tar").toString());
        String output = finish(p);
        assertEquals(2, p.exitValue(), output);
        assertTrue(output.contains("The file name bad%FF.py") && output.contains("is not valid UTF-8"), output);
    }

    /** A file larger than the heap goes through: the context is streamed, never held whole. */
    @Test
    void aFileLargerThanTheHeapIsStreamed() throws Exception {
        PythonProjects.seed(dir);
        try (RandomAccessFile big =
                new RandomAccessFile(dir.resolve("app/model.bin").toFile(), "rw")) {
            big.setLength(200L * 1024 * 1024); // sparse: no disk used
        }
        Path tar = dir.resolve("target/context.tar");
        Files.createDirectories(tar.getParent());
        Process p = child(Map.of(), "48m", dir.toString(), tar.toString());
        String output = finish(p);
        try {
            assertEquals(0, p.exitValue(), output);
            assertTrue(Files.size(tar) > 200L * 1024 * 1024);
        } finally {
            Files.deleteIfExists(tar);
        }
    }
}
