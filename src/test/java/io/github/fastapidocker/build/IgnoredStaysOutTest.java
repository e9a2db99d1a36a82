package io.github.fastapidocker.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.fastapidocker.kernel.ConfigurationException;
import io.github.fastapidocker.kernel.RecordingLog;
import io.github.fastapidocker.project.PythonProjects;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the {@code .dockerignore} leaves out, and an environment file, never reach the image by
 * another way: a requirements include, a symbolic link, or as the app itself.
 */
class IgnoredStaysOutTest {
    @TempDir
    Path dir;

    private String error() {
        return assertThrows(ConfigurationException.class, () -> Projects.in(dir).plan(new RecordingLog()))
                .getMessage();
    }

    @Test
    void anIncludeTheDockerignoreLeavesOutIsRefused() throws IOException {
        PythonProjects.seed(dir);
        PythonProjects.write(dir, ".dockerignore", "secrets\n.env\n");
        PythonProjects.write(dir, "requirements.txt", "fastapi\n-r secrets/private-reqs.txt\n");
        PythonProjects.write(dir, "secrets/private-reqs.txt", "uvicorn\n# token=ghp_SECRETINCLUDE\n");
        String message = error();
        assertTrue(
                message.startsWith("The requirements file secrets/private-reqs.txt is one the .dockerignore leaves"
                        + " out, so the plugin does not put it into the image."),
                message);
    }

    @Test
    void theMainRequirementsFileLeftOutIsRefusedToo() throws IOException {
        PythonProjects.seed(dir);
        PythonProjects.write(dir, ".dockerignore", "*.txt\n");
        assertTrue(error().startsWith("The requirements file requirements.txt is one the .dockerignore leaves out"));
    }

    @Test
    void anIncludeTheDockerignoreBringsBackIsFine() throws IOException {
        PythonProjects.seed(dir);
        PythonProjects.write(dir, ".dockerignore", "secrets\n!secrets/public-reqs.txt\n");
        PythonProjects.write(dir, "requirements.txt", "fastapi\n-r secrets/public-reqs.txt\n");
        PythonProjects.write(dir, "secrets/public-reqs.txt", "uvicorn\n");
        assertTrue(Projects.in(dir).plan(new RecordingLog()).context().names().contains("secrets/public-reqs.txt"));
    }

    @Test
    void aLinkToAFileTheDockerignoreLeavesOutIsRefused() throws IOException {
        PythonProjects.seed(dir);
        PythonProjects.write(dir, ".dockerignore", "private\n");
        PythonProjects.write(dir, "private/keys.py", "KEY = 'x'\n");
        Files.createSymbolicLink(dir.resolve("app/keys.py"), Path.of("../private/keys.py"));
        String message = error();
        assertTrue(
                message.startsWith("The symbolic link " + dir.resolve("app/keys.py") + " points to ../private/keys.py"
                        + " (private/keys.py), a file the .dockerignore leaves out, whose content would go into the"
                        + " image through the link"),
                message);
    }

    @Test
    void aLinkToAnEnvironmentFileIsRefusedEvenWithoutADockerignore() throws IOException {
        PythonProjects.seed(dir);
        PythonProjects.write(dir, ".env", "SECRET=symlinked\n");
        Files.createSymbolicLink(dir.resolve("app/config.env"), Path.of("../.env"));
        String message = error();
        assertTrue(message.contains("(.env), an environment file, whose secrets would go into the image"), message);
        assertFalse(message.contains("SECRET=symlinked"), message);
    }

    @Test
    void aLinkedDirectoryTheDockerignoreLeavesOutIsRefused() throws IOException {
        PythonProjects.seed(dir);
        PythonProjects.write(dir, ".dockerignore", "vault/\n");
        PythonProjects.write(dir, "vault/token.txt", "t0ken\n");
        Files.createSymbolicLink(dir.resolve("app/vault"), Path.of("../vault"));
        assertTrue(error().contains("(vault/token.txt), a file the .dockerignore leaves out"));
    }

    @Test
    void anAppFileTheDockerignoreLeavesOutIsRefusedBeforeTheBuild() throws IOException {
        PythonProjects.seed(dir);
        PythonProjects.write(dir, ".dockerignore", "app/main.py\n");
        String message = error();
        assertTrue(
                message.startsWith(
                        "The app file app/main.py, which fastapi run starts, is one the .dockerignore" + " leaves out"),
                message);
        PythonProjects.write(dir, ".dockerignore", "app\n");
        assertTrue(error().startsWith("The app file app/main.py, which fastapi run starts"));
    }

    @Test
    void aLatin1DockerignoreIsReadAsDockerReadsIt() throws IOException {
        PythonProjects.seed(dir);
        Files.write(dir.resolve(".dockerignore"), "# caf\u00e9\napp/secret.txt\n".getBytes("ISO-8859-1"));
        PythonProjects.write(dir, "app/secret.txt", "s\n");
        BuildPlan plan = Projects.in(dir).plan(new RecordingLog());
        assertFalse(
                plan.context().names().contains("app/secret.txt"),
                plan.context().names().toString());
        assertEquals(true, plan.context().names().contains("app/main.py"));
    }
}
