package io.github.fastapidocker.project.deps;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.fastapidocker.kernel.ConfigurationException;
import io.github.fastapidocker.kernel.RecordingLog;
import io.github.fastapidocker.maven.MavenHints;
import io.github.fastapidocker.project.PythonProjects;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a lock cannot say in a requirements file, and the walk's markers and extras. */
class LockErrorsTest {
    private static final String ROOT = "[project]\nname = \"svc\"\nversion = \"1.0\"\ndependencies = [\"a\"]\n";
    private static final String UV_ROOT =
            "version = 1\nrevision = 1\n\n[[package]]\nname = \"svc\"\nversion = \"1.0\"\n"
                    + "source = { editable = \".\" }\ndependencies = [{ name = \"a\", marker = \"os_name == 'posix'\" }]\n\n";

    @TempDir
    Path dir;

    private static String pkg(String name, String version, String source, String deps) {
        return "[[package]]\nname = \"" + name + "\"\nversion = \"" + version + "\"\nsource = " + source + "\n"
                + (deps == null ? "" : "dependencies = [" + deps + "]\n")
                + "wheels = [{ url = \"https://f/" + name + ".whl\", hash = \"sha256:" + name + version + "\" }]\n\n";
    }

    private static final String REGISTRY = "{ registry = \"https://pypi.org/simple\" }";

    private String export(String extras) {
        DependencyLayer layer = Dependencies.resolve(
                dir, null, null, extras == null ? List.of() : List.of(extras), new RecordingLog(), MavenHints.INSTANCE);
        return new String(layer.files().get(0).content(), StandardCharsets.UTF_8);
    }

    private String error() {
        return assertThrows(ConfigurationException.class, () -> export(null)).getMessage();
    }

    @Test
    void markersAlongThePathAreCombined() throws IOException {
        PythonProjects.write(dir, "pyproject.toml", ROOT);
        PythonProjects.write(
                dir,
                "uv.lock",
                UV_ROOT
                        + pkg(
                                "a",
                                "1",
                                REGISTRY,
                                "{ name = \"b\", marker = \"python_version < '3.12'\" }, { name = \"c\" }")
                        + pkg("b", "2", REGISTRY, null)
                        + pkg("c", "3", REGISTRY, "{ name = \"b\", marker = \"sys_platform == 'linux'\" }"));
        String text = export(null);
        assertTrue(text.contains("a==1 ; os_name == 'posix' \\\n    --hash=sha256:a1\n"), text);
        assertTrue(
                text.contains("b==2 ; (os_name == 'posix' and python_version < '3.12')"
                        + " or (os_name == 'posix' and sys_platform == 'linux') \\\n"),
                text);
        assertFalse(text.contains("svc=="), text);
    }

    @Test
    void aGitSourceNamesThePackageAndTheWayOut() throws IOException {
        PythonProjects.write(dir, "pyproject.toml", ROOT);
        PythonProjects.write(
                dir, "uv.lock", UV_ROOT + pkg("a", "1", "{ git = \"https://example.com/a.git?rev=main#abc\" }", null));
        String message = error();
        assertTrue(
                message.startsWith("a in uv.lock comes from a git source (https://example.com/a.git?rev=main#abc)"),
                message);
        assertTrue(
                message.endsWith(
                        "uv export --no-dev --no-emit-project --format requirements-txt -o requirements.txt,"
                                + " and set <pythonDependencies>requirements</pythonDependencies> (-Dfastapi.pythonDependencies=requirements)"),
                message);
    }

    @Test
    void twoVersionsOfOnePackageAreNamed() throws IOException {
        PythonProjects.write(dir, "pyproject.toml", ROOT);
        PythonProjects.write(dir, "uv.lock", UV_ROOT + pkg("a", "1", REGISTRY, null) + pkg("a", "2", REGISTRY, null));
        assertTrue(error().startsWith("uv.lock holds 2 versions of a (1, 2) for different environments"), error());
    }

    @Test
    void aPathSourceInPoetryIsRefused() throws IOException {
        PythonProjects.write(dir, "pyproject.toml", ROOT);
        PythonProjects.write(
                dir,
                "poetry.lock",
                "[[package]]\nname = \"a\"\nversion = \"1\"\ngroups = [\"main\"]\n"
                        + "files = []\n\n[package.source]\ntype = \"directory\"\nurl = \"libs/a\"\n\n[metadata]\nlock-version = \"2.1\"\n");
        assertTrue(error().startsWith("a in poetry.lock comes from a directory source (libs/a)"), error());
    }

    @Test
    void extrasAreResolvedAndUnknownOnesNamed() throws IOException {
        Path base = LockExportsTest.project("uv");
        DependencyLayer layer =
                Dependencies.resolve(base, null, "uv", List.of(), new RecordingLog(), MavenHints.INSTANCE);
        assertTrue(new String(layer.files().get(0).content(), StandardCharsets.UTF_8).contains("tzdata==2025.1"));
        assertEquals(
                "hello-uv in uv.lock has no extra 'gpu' (it has none; set <pythonExtras> (fastapi.pythonExtras))",
                assertThrows(
                                ConfigurationException.class,
                                () -> Dependencies.resolve(
                                        base, null, "uv", List.of("gpu"), new RecordingLog(), MavenHints.INSTANCE))
                        .getMessage());
    }

    @Test
    void pyprojectExtrasExpandTheProjectsOwnExtras() throws IOException {
        Files.copy(LockExportsTest.project("pyproject").resolve("pyproject.toml"), dir.resolve("pyproject.toml"));
        String text = export("all");
        assertTrue(
                text.endsWith("click>=8\nfastapi>=0.115\npydantic>=2.10 ; python_version >= '3.11'\n"
                        + "tzdata ; sys_platform == 'win32'\nuvicorn>=0.32\n"),
                text);
    }

    @Test
    void onlyTheDependencyListDecidesThePyprojectBytes() throws IOException {
        String project = Files.readString(LockExportsTest.project("pyproject").resolve("pyproject.toml"));
        PythonProjects.write(dir, "pyproject.toml", project);
        byte[] before = export(null).getBytes(StandardCharsets.UTF_8);
        PythonProjects.write(
                dir,
                "pyproject.toml",
                project.replace("version = \"1.0.0\"", "version = \"1.0.1\"")
                        .replace("only\"", "only, now described\""));
        assertArrayEquals(before, export(null).getBytes(StandardCharsets.UTF_8));
        PythonProjects.write(dir, "pyproject.toml", project.replace("\"uvicorn>=0.32\"", "\"uvicorn>=0.33\""));
        assertFalse(new String(before, StandardCharsets.UTF_8).equals(export(null)));
    }

    @Test
    void aPyprojectWithoutDependenciesSaysWhatWasLookedFor() throws IOException {
        PythonProjects.write(dir, "pyproject.toml", "[project]\nname = \"svc\"\n");
        assertEquals(
                "pyproject.toml has no [project].dependencies (looked for requirements.txt, uv.lock, poetry.lock first)."
                        + " Add them, or set <requirementsFile> (fastapi.requirementsFile) or"
                        + " <pythonDependencies> (fastapi.pythonDependencies)",
                error());
        PythonProjects.write(
                dir, "pyproject.toml", "[project]\nname = \"svc\"\ndependencies = [\"x @ file:///src/x\"]\n");
        assertTrue(error().startsWith("pyproject.toml: 'x @ file:///src/x' installs a local path"), error());
    }

    @Test
    void anExplicitSourceNeedsItsFile() throws IOException {
        PythonProjects.write(dir, "requirements.txt", "fastapi\n");
        assertEquals(
                "uv.lock not found in " + dir + ", which <pythonDependencies>uv</pythonDependencies>"
                        + " (-Dfastapi.pythonDependencies=uv) reads (set <pythonDependencies> (fastapi.pythonDependencies)"
                        + " or <pythonDirectory> (fastapi.pythonDirectory))",
                assertThrows(
                                ConfigurationException.class,
                                () -> Dependencies.resolve(
                                        dir, null, "uv", List.of(), new RecordingLog(), MavenHints.INSTANCE))
                        .getMessage());
    }
}
